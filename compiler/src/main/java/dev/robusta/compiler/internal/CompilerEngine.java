package dev.robusta.compiler.internal;

import dev.robusta.runtime.EngineKind;
import dev.robusta.runtime.internal.ModuleCode;
import dev.robusta.runtime.internal.engine.Engine;
import dev.robusta.runtime.internal.engine.Engines;
import dev.robusta.runtime.internal.engine.PreparedModule;

/** The compiler as the runtime finds it: the {@link Engine} service of {@code robusta-compiler}. */
public final class CompilerEngine implements Engine {
    /** The service constructor. */
    public CompilerEngine() {
    }

    @Override
    public EngineKind kind() {
        return EngineKind.COMPILER;
    }

    /**
     * Compiles the module; a module that uses what the compiler does not support (features beyond
     * WebAssembly 2.0) is left to the interpreter, with a warning.
     */
    @Override
    public PreparedModule prepare(ModuleCode code) {
        String why = Support.unsupported(code.model());
        if (why == null) {
            try {
                return CompiledModule.compile(code);
            } catch (UnsupportedOperationException e) {
                why = e.getMessage();
            }
        }
        // Warnings looks the logger up when it is first used: initialising System.Logger costs start-up time
        Warnings.warn("robusta compiler: module " + describe(code) + " is left to the interpreter: " + why);
        return Engines.INTERPRETER;
    }

    private static String describe(ModuleCode code) {
        String name = code.model().names().moduleName();
        return name == null ? "(unnamed)" : name;
    }
}
