package dev.robusta.compiler.internal;

import dev.robusta.runtime.EngineKind;
import dev.robusta.runtime.internal.ModuleCode;
import dev.robusta.runtime.internal.engine.Engine;
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

    @Override
    public PreparedModule prepare(ModuleCode code) {
        return CompiledModule.compile(code);
    }
}
