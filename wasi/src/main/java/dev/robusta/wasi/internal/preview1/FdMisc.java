package dev.robusta.wasi.internal.preview1;

import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.WasiFunction;
import dev.robusta.wasi.internal.abi.Advice;
import dev.robusta.wasi.internal.abi.Rights;
import dev.robusta.wasi.internal.fd.Descriptor;

/**
 * Descriptor housekeeping: {@code fd_close}, {@code fd_renumber}, {@code fd_advise}, {@code fd_allocate},
 * {@code fd_datasync}, {@code fd_sync}.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md#-fd_closefd-fd---result-errno">fd_close</a>
 */
final class FdMisc {
    private FdMisc() {
    }

    /**
     * {@code fd_close(fd)}: closes a descriptor (a preopen too; the embedder's standard streams stay open
     * on the host).
     *
     * <p>Errors: {@code EBADF}.
     */
    static final WasiFunction FD_CLOSE = WasiFunction.of("fd_close", "fd:i32", (ctx, mem, a) -> {
        ctx.fds().close((int) a[0]);
        return 0;
    });

    /**
     * {@code fd_renumber(fd, to)}: moves {@code fd} to the number {@code to}, closing what was there.
     *
     * <p>Errors: {@code EBADF} when either is not open (as wasmtime and uvwasi).
     */
    static final WasiFunction FD_RENUMBER = WasiFunction.of("fd_renumber", "fd:i32 to:i32", (ctx, mem, a) -> {
        ctx.fds().renumber((int) a[0], (int) a[1]);
        return 0;
    });

    /**
     * {@code fd_advise(fd, offset, len, advice)}: checked, then ignored (java.nio has no
     * {@code posix_fadvise}; advice never changes results).
     *
     * <p>Errors: {@code EBADF}, {@code ENOTCAPABLE} without {@code fd_advise}, {@code EINVAL} for an unknown
     * advice or a range above 2^63.
     */
    static final WasiFunction FD_ADVISE = WasiFunction.of("fd_advise", "fd:i32 offset:i64 len:i64 advice:i32",
            (ctx, mem, a) -> {
                ctx.fds().get((int) a[0], Rights.FD_ADVISE);
                int advice = (int) a[3] & 0xFF;
                if (advice > Advice.NOREUSE || a[1] < 0 || a[2] < 0 || a[1] + a[2] < 0) {
                    throw Errno.EINVAL.exception();
                }
                return 0;
            });

    /**
     * {@code fd_allocate(fd, offset, len)}: extends the file with zeros to at least {@code offset + len}
     * bytes.
     *
     * <p>Errors: {@code EBADF}, {@code ENOTCAPABLE} without {@code fd_allocate}, {@code EINVAL} (not a
     * regular file, zero length, above 2^63), {@code EFBIG}.
     */
    static final WasiFunction FD_ALLOCATE = WasiFunction.of("fd_allocate", "fd:i32 offset:i64 len:i64",
            (ctx, mem, a) -> {
                Descriptor d = ctx.fds().get((int) a[0], Rights.FD_ALLOCATE);
                d.allocate(a[1], a[2]);
                return 0;
            });

    /**
     * {@code fd_datasync(fd)}: {@link java.nio.channels.FileChannel#force force(false)}.
     *
     * <p>Errors: {@code EBADF}, {@code ENOTCAPABLE} without {@code fd_datasync}, host errors.
     */
    static final WasiFunction FD_DATASYNC = WasiFunction.of("fd_datasync", "fd:i32", (ctx, mem, a) -> {
        ctx.fds().get((int) a[0], Rights.FD_DATASYNC).sync(false);
        return 0;
    });

    /**
     * {@code fd_sync(fd)}: {@link java.nio.channels.FileChannel#force force(true)}.
     *
     * <p>Errors: {@code EBADF}, {@code ENOTCAPABLE} without {@code fd_sync}, host errors.
     */
    static final WasiFunction FD_SYNC = WasiFunction.of("fd_sync", "fd:i32", (ctx, mem, a) -> {
        ctx.fds().get((int) a[0], Rights.FD_SYNC).sync(true);
        return 0;
    });
}
