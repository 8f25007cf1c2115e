package dev.robusta.wasi.internal.preview1;

import static dev.robusta.wasi.internal.GuestMemory.u32;

import dev.robusta.wasi.internal.WasiFunction;

/**
 * {@code environ_get} and {@code environ_sizes_get}: the environment given to the builder, as
 * {@code NAME=value} strings in the order given. The guest sees nothing of the host's environment unless the
 * embedder passes it.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md#-environ_getenviron-pointerpointeru8-environ_buf-pointeru8---result-errno">environ_get</a>
 */
final class Environ {
    private Environ() {
    }

    /**
     * {@code environ_get(environ, environ_buf) -> errno}: a u32 pointer per variable at {@code environ},
     * the NUL-terminated {@code NAME=value} strings at {@code environ_buf}.
     *
     * <p>Errors: {@code EFAULT}.
     */
    static final WasiFunction ENVIRON_GET = WasiFunction.of("environ_get", "environ:i32 environ_buf:i32",
            (ctx, mem, a) -> StringArrays.get(mem, ctx.environ(), u32(a[0]), u32(a[1])));

    /**
     * {@code environ_sizes_get() -> (count, environ_buf_size)}.
     *
     * <p>Errors: {@code EFAULT}.
     */
    static final WasiFunction ENVIRON_SIZES_GET = WasiFunction.of("environ_sizes_get",
            "result.environc:i32 result.environv_len:i32",
            (ctx, mem, a) -> StringArrays.sizesGet(mem, ctx.environ(), u32(a[0]), u32(a[1])));
}
