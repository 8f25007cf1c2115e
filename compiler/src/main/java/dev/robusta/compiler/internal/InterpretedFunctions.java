package dev.robusta.compiler.internal;

import dev.robusta.runtime.internal.ModuleCode;

import java.util.List;

/** Which functions of a module the compiler leaves to the interpreter (for {@code robusta inspect}). */
public final class InterpretedFunctions {
    private InterpretedFunctions() {
    }

    /** See {@link dev.robusta.compiler.CompilerInfo#interpretedFunctions}. */
    public static List<Integer> of(ModuleCode code) {
        return CompiledModule.interpretedFunctions(code);
    }
}
