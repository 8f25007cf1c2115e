package dev.robusta.compiler;

/**
 * Facts about the compiler engine, for tools and diagnostics.
 *
 * <p>How a module is compiled: every defined function becomes a static method of one hidden class per
 * module, with JVM-typed parameters (i32 {@code int}, i64 {@code long}, f32 {@code float}, f64
 * {@code double}, v128 {@link dev.robusta.runtime.V128}, references {@code Object}) and a context parameter.
 * A function that the JVM cannot hold as one method (more than 255 parameter slots, 65,535 local slots or
 * 64 KB of bytecode) is left to the interpreter, with a warning on the {@code dev.robusta.compiler}
 * {@link System.Logger}.
 */
public final class CompilerInfo {
    /** The version of the code the compiler generates; part of any cache key. */
    public static final int CODE_VERSION = 1;

    private CompilerInfo() {
    }
}
