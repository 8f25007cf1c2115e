package dev.robusta.wasi.internal.preview1;

import static dev.robusta.wasi.internal.GuestMemory.u32;

import dev.robusta.wasi.internal.GuestMemory;
import dev.robusta.wasi.internal.WasiContext;
import dev.robusta.wasi.internal.WasiFunction;

import java.io.IOException;

/**
 * {@code random_get}.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md#-random_getbuf-pointeru8-buf_len-size---result-errno">random_get</a>
 */
final class Random implements WasiFunction.Body {
    private static final int CHUNK = 64 * 1024;

    private final int op;

    private Random(int op) {
        this.op = op;
    }

    /**
     * {@code random_get(buf, buf_len) -> errno}: fills the buffer from a {@link java.security.SecureRandom}.
     *
     * <p>Errors: {@code EFAULT}.
     */
    static final WasiFunction RANDOM_GET = WasiFunction.of("random_get", "buf:i32 buf_len:i32", new Random(0));

    private static int randomGet(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        long buf = u32(a[0]);
        long len = u32(a[1]);
        mem.check(buf, len);
        byte[] chunk = new byte[(int) Math.min(len, CHUNK)];
        for (long done = 0; done < len; ) {
            int n = (int) Math.min(chunk.length, len - done);
            ctx.random().nextBytes(chunk);
            mem.write(buf + done, chunk, 0, n);
            done += n;
        }
        return 0;
    }

    /** Runs the function this value stands for (a class per family, not a lambda class per function). */
    @Override
    public int call(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        switch (op) {
            case 0: return randomGet(ctx, mem, a);
            default: throw new AssertionError(op);
        }
    }
}
