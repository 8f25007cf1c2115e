package dev.robusta.wasm;

import java.util.List;

/**
 * A function type {@code [params] -> [results]}.
 *
 * @see <a href="https://webassembly.github.io/spec/core/syntax/types.html#function-types">Function types</a>
 */
public record FuncType(List<ValType> params, List<ValType> results) implements CompositeType {
    public FuncType {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    /** {@code [params] -> [results]}. */
    public static FuncType of(List<ValType> params, List<ValType> results) {
        return new FuncType(params, results);
    }

    @Override
    public String toString() {
        return params + " -> " + results;
    }
}
