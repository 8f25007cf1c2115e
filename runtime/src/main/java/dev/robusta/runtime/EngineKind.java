package dev.robusta.runtime;

/**
 * Which engine runs a module's functions ({@link RuntimeConfig#engine()}).
 *
 * <ul>
 * <li>{@link #INTERPRETER}: the built-in interpreter. Starts at once; each function is lowered to a compact
 *     code at its first call.</li>
 * <li>{@link #COMPILER}: the compiler to JVM bytecode of the {@code robusta-compiler} artifact, which must be
 *     on the class path or module path. Compiles the module at its first instantiation; its code then runs
 *     as fast as the JIT makes it.</li>
 * <li>{@link #AUTO}: the compiler when it is present, otherwise the interpreter.</li>
 * </ul>
 */
public enum EngineKind {
    /** The compiler when {@code robusta-compiler} is present, otherwise the interpreter. */
    AUTO,
    /** The built-in interpreter. */
    INTERPRETER,
    /** The compiler to JVM bytecode ({@code robusta-compiler}). */
    COMPILER
}
