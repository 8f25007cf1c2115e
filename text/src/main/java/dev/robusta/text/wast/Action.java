package dev.robusta.text.wast;

import java.util.List;

/**
 * An action of a WAST script: calling an exported function or reading an exported global.
 */
public sealed interface Action {
    /** The instance's name (without {@code $}), or null for the current (most recent) instance. */
    String moduleId();

    /** The export's name. */
    String name();

    /** {@code (invoke $id? "name" const*)}: call the exported function with these arguments. */
    record Invoke(String moduleId, String name, List<Value> args) implements Action {
        public Invoke {
            args = List.copyOf(args);
        }
    }

    /** {@code (get $id? "name")}: read the exported global; its value is the single result. */
    record Get(String moduleId, String name) implements Action {
    }
}
