package dev.robusta.wasm;

import java.util.List;

/**
 * A recursion group of defined types. A group of one that was not written with {@code rec} is encoded
 * as that type alone.
 */
public record RecType(List<SubType> types) {
    public RecType {
        types = List.copyOf(types);
    }
}
