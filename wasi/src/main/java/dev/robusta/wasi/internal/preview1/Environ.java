package dev.robusta.wasi.internal.preview1;

import static dev.robusta.wasi.internal.GuestMemory.u32;

import dev.robusta.wasi.internal.GuestMemory;
import dev.robusta.wasi.internal.WasiContext;
import dev.robusta.wasi.internal.WasiFunction;

import java.io.IOException;

/**
 * {@code environ_get} and {@code environ_sizes_get}: the environment given to the builder, as
 * {@code NAME=value} strings in the order given. The guest sees nothing of the host's environment unless the
 * embedder passes it.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md#-environ_getenviron-pointerpointeru8-environ_buf-pointeru8---result-errno">environ_get</a>
 */
final class Environ implements WasiFunction.Body {
    private final int op;

    private Environ(int op) {
        this.op = op;
    }

    /**
     * {@code environ_get(environ, environ_buf) -> errno}: a u32 pointer per variable at {@code environ},
     * the NUL-terminated {@code NAME=value} strings at {@code environ_buf}.
     *
     * <p>Errors: {@code EFAULT}.
     */
    static final WasiFunction ENVIRON_GET = WasiFunction.of("environ_get", "environ:i32 environ_buf:i32",
            new Environ(0));

    private static int environGet(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        return StringArrays.get(mem, ctx.environ(), u32(a[0]), u32(a[1]));
    }

    /**
     * {@code environ_sizes_get() -> (count, environ_buf_size)}.
     *
     * <p>Errors: {@code EFAULT}.
     */
    static final WasiFunction ENVIRON_SIZES_GET = WasiFunction.of("environ_sizes_get",
            "result.environc:i32 result.environv_len:i32", new Environ(1));

    private static int environSizesGet(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        return StringArrays.sizesGet(mem, ctx.environ(), u32(a[0]), u32(a[1]));
    }

    /** Runs the function this value stands for (a class per family, not a lambda class per function). */
    @Override
    public int call(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        switch (op) {
            case 0: return environGet(ctx, mem, a);
            case 1: return environSizesGet(ctx, mem, a);
            default: throw new AssertionError(op);
        }
    }
}
