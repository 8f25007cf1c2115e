package dev.robusta.wasi.internal.preview1;

import static dev.robusta.wasi.internal.GuestMemory.u32;

import dev.robusta.wasi.internal.Clocks;
import dev.robusta.wasi.internal.GuestMemory;
import dev.robusta.wasi.internal.WasiContext;
import dev.robusta.wasi.internal.WasiFunction;

import java.io.IOException;

/**
 * {@code clock_res_get} and {@code clock_time_get} over the JVM's clocks ({@link Clocks}).
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md#-clock_time_getid-clockid-precision-timestamp---resulttimestamp-errno">clock_time_get</a>
 */
final class Clock implements WasiFunction.Body {
    private final int op;

    private Clock(int op) {
        this.op = op;
    }

    /**
     * {@code clock_res_get(id) -> timestamp}: the resolution of the clock in ns.
     *
     * <p>Errors: {@code EINVAL} for an unknown clock, {@code EFAULT}.
     */
    static final WasiFunction CLOCK_RES_GET = WasiFunction.of("clock_res_get", "id:i32 result.resolution:i32",
            new Clock(0));

    private static int clockResGet(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        long out = u32(a[1]);
        mem.check(out, 8);
        mem.writeI64(out, Clocks.resolution((int) a[0]));
        return 0;
    }

    /**
     * {@code clock_time_get(id, precision) -> timestamp}: the time in ns; {@code realtime} since the Unix
     * epoch, {@code monotonic} from an arbitrary origin, the CPU clocks since the process or thread began.
     * The precision hint is ignored.
     *
     * <p>Errors: {@code EINVAL} for an unknown clock, {@code ENOTSUP} when the JVM cannot measure CPU time,
     * {@code EFAULT}.
     */
    static final WasiFunction CLOCK_TIME_GET = WasiFunction.of("clock_time_get",
            "id:i32 precision:i64 result.timestamp:i32", new Clock(1));

    private static int clockTimeGet(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        long out = u32(a[2]);
        mem.check(out, 8);
        mem.writeI64(out, Clocks.time((int) a[0]));
        return 0;
    }

    /** Runs the function this value stands for (a class per family, not a lambda class per function). */
    @Override
    public int call(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        switch (op) {
            case 0: return clockResGet(ctx, mem, a);
            case 1: return clockTimeGet(ctx, mem, a);
            default: throw new AssertionError(op);
        }
    }
}
