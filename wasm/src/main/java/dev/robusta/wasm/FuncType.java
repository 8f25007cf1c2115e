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

    // equals and hashCode by hand: a record's generated ones bootstrap java.lang.runtime.ObjectMethods at their
    // first call, tens of milliseconds of method-handle spinning at start-up (function types are interned early)
    @Override
    public boolean equals(Object o) {
        return o instanceof FuncType t && params.equals(t.params) && results.equals(t.results);
    }

    @Override
    public int hashCode() {
        return 31 * params.hashCode() + results.hashCode();
    }

    @Override
    public String toString() {
        return params + " -> " + results;
    }
}
