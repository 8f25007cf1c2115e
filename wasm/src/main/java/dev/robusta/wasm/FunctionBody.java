package dev.robusta.wasm;

import java.util.List;

/**
 * A function's code: its declared locals (after the parameters) and its body expression.
 */
public record FunctionBody(List<LocalGroup> locals, Expression body) {
    public FunctionBody {
        locals = List.copyOf(locals);
    }

    /** The number of declared locals, as an unsigned sum (the decoder rejects more than 2^32-1). */
    public long localCount() {
        long n = 0;
        for (LocalGroup g : locals) {
            n += Integer.toUnsignedLong(g.count());
        }
        return n;
    }
}
