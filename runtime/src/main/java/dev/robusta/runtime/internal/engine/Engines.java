package dev.robusta.runtime.internal.engine;

import dev.robusta.runtime.EngineKind;
import dev.robusta.runtime.internal.WasmFunction;

import java.util.ServiceLoader;

/**
 * Chooses the engine of a module: the interpreter, or an {@link Engine} found with {@link ServiceLoader}.
 * {@link EngineKind#AUTO} takes the compiler when one is present.
 */
public final class Engines {
    /** The built-in interpreter: every defined function is a {@link WasmFunction}. */
    public static final PreparedModule INTERPRETER = (instance, functions) -> {
        for (int i = instance.code.model().importedFuncCount(); i < functions.length; i++) {
            functions[i] = new WasmFunction(instance, i);
        }
    };

    private Engines() {
    }

    /** Holds the compiler engine, looked up once, at first use. */
    private static final class Compiler {
        static final Engine ENGINE = find(EngineKind.COMPILER);
    }

    private static Engine find(EngineKind kind) {
        for (Engine e : ServiceLoader.load(Engine.class, Engines.class.getClassLoader())) {
            if (e.kind() == kind) {
                return e;
            }
        }
        return null;
    }

    /** Whether the compiler engine ({@code robusta-compiler}) is present. */
    public static boolean compilerAvailable() {
        return Compiler.ENGINE != null;
    }

    /**
     * The engine {@code kind} resolves to: the compiler, or null for the interpreter.
     *
     * @throws IllegalStateException when the compiler is asked for and not present
     */
    public static Engine resolve(EngineKind kind) {
        switch (kind) {
            case INTERPRETER:
                return null;
            case COMPILER:
                if (Compiler.ENGINE == null) {
                    throw new IllegalStateException("the compiler engine is not available: add robusta-compiler"
                            + " to the class path or module path");
                }
                return Compiler.ENGINE;
            default:
                return Compiler.ENGINE;
        }
    }

    /**
     * Exports the packages an engine's generated code uses ({@code dev.robusta.runtime.internal} and
     * {@code dev.robusta.runtime.internal.simd}) to {@code target}, the unnamed module of the class loader of
     * that code, when the runtime is a named module (on the module path; on the class path every package is
     * open to all). The compiler generates classes in a loader of its own, which this package's qualified
     * export would not reach.
     */
    public static void exportInternals(Module target) {
        Module self = Engines.class.getModule();
        if (self.isNamed()) {
            self.addExports("dev.robusta.runtime.internal", target);
            self.addExports("dev.robusta.runtime.internal.simd", target);
        }
    }
}
