package dev.robusta.runtime;

import java.util.Map;

/**
 * An instantiated module: its exports. Made by {@link Module#instantiate(Imports)}.
 *
 * <p>An instance may be used from several threads, but WebAssembly 2.0 code is not written for concurrent
 * use of one memory: callers must not run code of one instance on two threads at once unless the module is
 * known to be safe for it. This is an interface for decoupling, not for implementation by users.
 */
public interface Instance {
    /** The module this is an instance of. */
    Module module();

    /**
     * The exported function {@code name}.
     *
     * @throws IllegalArgumentException when there is no such export or it is not a function
     */
    Function function(String name);

    /**
     * The exported memory {@code name}.
     *
     * @throws IllegalArgumentException when there is no such export or it is not a memory
     */
    Memory memory(String name);

    /**
     * The exported table {@code name}.
     *
     * @throws IllegalArgumentException when there is no such export or it is not a table
     */
    Table table(String name);

    /**
     * The exported global {@code name}.
     *
     * @throws IllegalArgumentException when there is no such export or it is not a global
     */
    Global global(String name);

    /**
     * The export {@code name}: a {@link Function}, {@link Memory}, {@link Table}, {@link Global} or {@link Tag}.
     *
     * @throws IllegalArgumentException when there is no such export
     */
    Object export(String name);

    /** Every export by name, in the module's order. Unmodifiable. */
    Map<String, Object> exports();

    /**
     * Asks the WebAssembly code of this instance that is running on any thread to stop: it traps with
     * "interrupted" at its next call or loop back-edge. The request is consumed by that trap; when no code
     * of this instance is running it stays pending and stops the next call.
     */
    void interrupt();
}
