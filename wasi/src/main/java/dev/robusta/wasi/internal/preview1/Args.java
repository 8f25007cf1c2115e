package dev.robusta.wasi.internal.preview1;

import static dev.robusta.wasi.internal.GuestMemory.u32;

import dev.robusta.wasi.internal.GuestMemory;
import dev.robusta.wasi.internal.WasiContext;
import dev.robusta.wasi.internal.WasiFunction;

import java.io.IOException;

/**
 * {@code args_get} and {@code args_sizes_get}: the command-line arguments, as given to the builder
 * ({@code argv[0]} first).
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md#-args_getargv-pointerpointeru8-argv_buf-pointeru8---result-errno">args_get</a>
 */
final class Args implements WasiFunction.Body {
    private final int op;

    private Args(int op) {
        this.op = op;
    }

    /**
     * {@code args_get(argv, argv_buf) -> errno}: writes a u32 pointer per argument at {@code argv} and
     * the NUL-terminated arguments at {@code argv_buf}, sized by {@code args_sizes_get}.
     *
     * <p>Errors: {@code EFAULT} when either range is outside memory.
     */
    static final WasiFunction ARGS_GET = WasiFunction.of("args_get", "argv:i32 argv_buf:i32", new Args(0));

    private static int argsGet(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        return StringArrays.get(mem, ctx.args(), u32(a[0]), u32(a[1]));
    }

    /**
     * {@code args_sizes_get() -> (argc, argv_buf_size)}: the number of arguments and the bytes they take
     * with their terminators.
     *
     * <p>Errors: {@code EFAULT}.
     */
    static final WasiFunction ARGS_SIZES_GET = WasiFunction.of("args_sizes_get", "result.argc:i32 result.argv_len:i32",
            new Args(1));

    private static int argsSizesGet(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        return StringArrays.sizesGet(mem, ctx.args(), u32(a[0]), u32(a[1]));
    }

    /** Runs the function this value stands for (a class per family, not a lambda class per function). */
    @Override
    public int call(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        switch (op) {
            case 0: return argsGet(ctx, mem, a);
            case 1: return argsSizesGet(ctx, mem, a);
            default: throw new AssertionError(op);
        }
    }
}
