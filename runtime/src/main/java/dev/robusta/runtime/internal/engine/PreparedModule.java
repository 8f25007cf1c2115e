package dev.robusta.runtime.internal.engine;

import dev.robusta.runtime.internal.FunctionInstance;
import dev.robusta.runtime.internal.ModuleInstance;

/** A module made ready to run by an engine: it makes the functions of each new instance. */
public interface PreparedModule {
    /**
     * Creates the function instances of {@code instance}'s defined functions, at indices
     * {@code importedFuncCount..functions.length}; the imported ones are already in place. Called during
     * instantiation, before the globals, tables and segments are initialised: the functions must not read
     * them before they are first called.
     */
    void createFunctions(ModuleInstance instance, FunctionInstance[] functions);
}
