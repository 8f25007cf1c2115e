package dev.robusta.compiler;

import dev.robusta.compiler.internal.InterpretedFunctions;
import dev.robusta.runtime.RuntimeConfig;
import dev.robusta.runtime.internal.MavenVersion;
import dev.robusta.runtime.internal.ModuleCode;
import dev.robusta.wasm.WasmModule;

import java.util.List;

/**
 * Facts about the compiler engine, for tools and diagnostics.
 *
 * <p>How a module is compiled: every defined function becomes a static method of a class of its own, with
 * JVM-typed parameters (i32 {@code int}, i64 {@code long}, f32 {@code float}, f64 {@code double}, v128
 * {@link dev.robusta.runtime.V128}, references {@code Object}) and a context parameter. The classes of a
 * module are defined by a class loader of the module's own (unloaded with the module) when they are first
 * used, so a function is compiled when it is first called. A function too large for one JIT-compilable
 * method (8,000 bytes of bytecode) is split into several; one the JVM cannot hold even so (a method over
 * 64 KB, or more than 65,535 local slots) runs on the interpreter, alone, and a module the compiler does not
 * handle (features beyond WebAssembly 2.0, or a function with more than 255 parameter slots) runs entirely on
 * the interpreter, with a warning on the {@code dev.robusta.compiler} {@link System.Logger}.
 */
public final class CompilerInfo {
    /**
     * The version of the code the compiler generates; part of any cache key. Increase it with every change
     * to the generated code (what a class file the compiler writes contains) or to the runtime methods that
     * generated code calls.
     */
    public static final int CODE_VERSION = 12;

    private static final String VERSION =
            MavenVersion.read(CompilerInfo.class.getResourceAsStream("version.properties"));

    private CompilerInfo() {
    }

    /**
     * The version of the engine, as the code cache keys it: the Maven version of {@code robusta-compiler} and
     * {@link #CODE_VERSION}, for example {@code 0.1.0-SNAPSHOT/2}.
     */
    public static String engineVersion() {
        return VERSION + "/" + CODE_VERSION;
    }

    /**
     * The defined functions (by function index, imports counted) that would run in the interpreter if
     * {@code model} were compiled with {@code config}: functions the JVM cannot hold even split into pieces, or
     * every function when the compiler leaves the whole module to the interpreter (features beyond
     * WebAssembly 2.0 it does not compile). Compiles every function now, which may take a while for a large
     * module; each function left to the interpreter is also logged, with the reason, as at run time.
     *
     * @param model  a valid module
     * @param config the configuration it would be compiled with
     */
    public static List<Integer> interpretedFunctions(WasmModule model, RuntimeConfig config) {
        return InterpretedFunctions.of(new ModuleCode(model, config));
    }
}
