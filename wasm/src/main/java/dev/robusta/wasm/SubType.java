package dev.robusta.wasm;

import java.util.List;

/**
 * A defined type: a composite type, whether it is final, and its declared supertypes (type indices).
 * In WebAssembly 2.0 every type is a final function type with no supertypes, encoded bare.
 */
public record SubType(boolean isFinal, List<Integer> supertypes, CompositeType compositeType) {
    public SubType {
        supertypes = List.copyOf(supertypes);
    }

    /** The final, supertype-less function type of WebAssembly 2.0. */
    public static SubType of(FuncType type) {
        return new SubType(true, List.of(), type);
    }
}
