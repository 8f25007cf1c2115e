package dev.robusta.wasi.internal.preview1;

import dev.robusta.wasi.internal.WasiFunction;

/**
 * {@code sched_yield}.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md#-sched_yield---result-errno">sched_yield</a>
 */
final class Sched {
    private Sched() {
    }

    /** {@code sched_yield() -> errno}: {@link Thread#yield()}; always succeeds. */
    static final WasiFunction SCHED_YIELD = WasiFunction.of("sched_yield", "", (ctx, mem, a) -> {
        Thread.yield();
        return 0;
    });
}
