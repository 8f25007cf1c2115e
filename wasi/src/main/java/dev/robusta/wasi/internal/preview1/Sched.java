package dev.robusta.wasi.internal.preview1;

import dev.robusta.wasi.internal.GuestMemory;
import dev.robusta.wasi.internal.WasiContext;
import dev.robusta.wasi.internal.WasiFunction;

import java.io.IOException;

/**
 * {@code sched_yield}.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md#-sched_yield---result-errno">sched_yield</a>
 */
final class Sched implements WasiFunction.Body {
    private final int op;

    private Sched(int op) {
        this.op = op;
    }

    /** {@code sched_yield() -> errno}: {@link Thread#yield()}; always succeeds. */
    static final WasiFunction SCHED_YIELD = WasiFunction.of("sched_yield", "", new Sched(0));

    private static int schedYield(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        Thread.yield();
        return 0;
    }

    /** Runs the function this value stands for (a class per family, not a lambda class per function). */
    @Override
    public int call(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        switch (op) {
            case 0: return schedYield(ctx, mem, a);
            default: throw new AssertionError(op);
        }
    }
}
