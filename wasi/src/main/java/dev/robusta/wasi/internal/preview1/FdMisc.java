package dev.robusta.wasi.internal.preview1;

import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.GuestMemory;
import dev.robusta.wasi.internal.WasiContext;
import dev.robusta.wasi.internal.WasiFunction;
import dev.robusta.wasi.internal.abi.Advice;
import dev.robusta.wasi.internal.abi.Rights;
import dev.robusta.wasi.internal.fd.Descriptor;

import java.io.IOException;

/**
 * Descriptor housekeeping: {@code fd_close}, {@code fd_renumber}, {@code fd_advise}, {@code fd_allocate},
 * {@code fd_datasync}, {@code fd_sync}.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md#-fd_closefd-fd---result-errno">fd_close</a>
 */
final class FdMisc implements WasiFunction.Body {
    private final int op;

    private FdMisc(int op) {
        this.op = op;
    }

    /**
     * {@code fd_close(fd)}: closes a descriptor (a preopen too; the embedder's standard streams stay open
     * on the host).
     *
     * <p>Errors: {@code EBADF}.
     */
    static final WasiFunction FD_CLOSE = WasiFunction.of("fd_close", "fd:i32", new FdMisc(0));

    private static int fdClose(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        ctx.fds().close((int) a[0]);
        return 0;
    }

    /**
     * {@code fd_renumber(fd, to)}: moves {@code fd} to the number {@code to}, closing what was there.
     *
     * <p>Errors: {@code EBADF} when either is not open (as wasmtime and uvwasi).
     */
    static final WasiFunction FD_RENUMBER = WasiFunction.of("fd_renumber", "fd:i32 to:i32", new FdMisc(1));

    private static int fdRenumber(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        ctx.fds().renumber((int) a[0], (int) a[1]);
        return 0;
    }

    /**
     * {@code fd_advise(fd, offset, len, advice)}: checked, then ignored (java.nio has no
     * {@code posix_fadvise}; advice never changes results).
     *
     * <p>Errors: {@code EBADF}, {@code ENOTCAPABLE} without {@code fd_advise}, {@code EINVAL} for an unknown
     * advice or a range above 2^63.
     */
    static final WasiFunction FD_ADVISE = WasiFunction.of("fd_advise", "fd:i32 offset:i64 len:i64 advice:i32",
            new FdMisc(2));

    private static int fdAdvise(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        ctx.fds().get((int) a[0], Rights.FD_ADVISE);
        int advice = (int) a[3] & 0xFF;
        if (advice > Advice.NOREUSE || a[1] < 0 || a[2] < 0 || a[1] + a[2] < 0) {
            throw Errno.EINVAL.exception();
        }
        return 0;
    }

    /**
     * {@code fd_allocate(fd, offset, len)}: extends the file with zeros to at least {@code offset + len}
     * bytes.
     *
     * <p>Errors: {@code EBADF}, {@code ENOTCAPABLE} without {@code fd_allocate}, {@code EINVAL} (not a
     * regular file, zero length, above 2^63), {@code EFBIG}.
     */
    static final WasiFunction FD_ALLOCATE = WasiFunction.of("fd_allocate", "fd:i32 offset:i64 len:i64", new FdMisc(3));

    private static int fdAllocate(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        Descriptor d = ctx.fds().get((int) a[0], Rights.FD_ALLOCATE);
        d.allocate(a[1], a[2]);
        return 0;
    }

    /**
     * {@code fd_datasync(fd)}: {@link java.nio.channels.FileChannel#force force(false)}.
     *
     * <p>Errors: {@code EBADF}, {@code ENOTCAPABLE} without {@code fd_datasync}, host errors.
     */
    static final WasiFunction FD_DATASYNC = WasiFunction.of("fd_datasync", "fd:i32", new FdMisc(4));

    private static int fdDatasync(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        ctx.fds().get((int) a[0], Rights.FD_DATASYNC).sync(false);
        return 0;
    }

    /**
     * {@code fd_sync(fd)}: {@link java.nio.channels.FileChannel#force force(true)}.
     *
     * <p>Errors: {@code EBADF}, {@code ENOTCAPABLE} without {@code fd_sync}, host errors.
     */
    static final WasiFunction FD_SYNC = WasiFunction.of("fd_sync", "fd:i32", new FdMisc(5));

    private static int fdSync(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        ctx.fds().get((int) a[0], Rights.FD_SYNC).sync(true);
        return 0;
    }

    /** Runs the function this value stands for (a class per family, not a lambda class per function). */
    @Override
    public int call(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        switch (op) {
            case 0: return fdClose(ctx, mem, a);
            case 1: return fdRenumber(ctx, mem, a);
            case 2: return fdAdvise(ctx, mem, a);
            case 3: return fdAllocate(ctx, mem, a);
            case 4: return fdDatasync(ctx, mem, a);
            case 5: return fdSync(ctx, mem, a);
            default: throw new AssertionError(op);
        }
    }
}
