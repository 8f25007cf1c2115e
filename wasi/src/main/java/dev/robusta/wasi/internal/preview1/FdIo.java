package dev.robusta.wasi.internal.preview1;

import static dev.robusta.wasi.internal.GuestMemory.u32;

import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.GuestMemory;
import dev.robusta.wasi.internal.Iovecs;
import dev.robusta.wasi.internal.WasiContext;
import dev.robusta.wasi.internal.WasiFunction;
import dev.robusta.wasi.internal.abi.Rights;
import dev.robusta.wasi.internal.abi.Whence;
import dev.robusta.wasi.internal.fd.Descriptor;
import dev.robusta.wasi.internal.fd.DirectoryDescriptor;
import dev.robusta.wasi.internal.fd.FileDescriptor;

import java.io.IOException;

/**
 * Reading, writing and positioning: {@code fd_read}, {@code fd_write}, {@code fd_pread},
 * {@code fd_pwrite}, {@code fd_seek}, {@code fd_tell}. Every buffer and out-pointer is checked before any
 * I/O happens, so a bad pointer never loses data. A read returns what one host read gives (at most
 * {@value #MAX_READ} bytes), as POSIX allows; a write writes everything.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md#-fd_readfd-fd-iovs-iovec_array---resultsize-errno">fd_read</a>
 */
final class FdIo implements WasiFunction.Body {
    /** The largest single read; a short read is allowed and libc loops. */
    static final int MAX_READ = 1 << 20;

    private final int op;

    private FdIo(int op) {
        this.op = op;
    }

    /**
     * {@code fd_read(fd, iovs, iovs_len) -> size}: reads into the buffers in order.
     *
     * <p>Errors: {@code EBADF} (no such descriptor, or a directory), {@code ENOTCAPABLE} without
     * {@code fd_read}, {@code EFAULT}, host I/O errors.
     */
    static final WasiFunction FD_READ = WasiFunction.of("fd_read", "fd:i32 iovs:i32 iovs_len:i32 result.nread:i32",
            new FdIo(0));

    private static int fdRead(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        Descriptor d = readable(ctx, (int) a[0], Rights.FD_READ);
        Iovecs iovs = mem.iovecs(u32(a[1]), u32(a[2]));
        long out = u32(a[3]);
        mem.check(out, 4);
        byte[] buf = new byte[(int) Math.min(iovs.total(), MAX_READ)];
        int n = buf.length == 0 ? 0 : d.read(buf, 0, buf.length);
        iovs.scatter(buf, n);
        mem.writeI32(out, n);
        return 0;
    }

    /**
     * {@code fd_write(fd, iovs, iovs_len) -> size}: writes the buffers in order (at the end with the
     * {@code append} flag).
     *
     * <p>Errors: {@code EBADF}, {@code ENOTCAPABLE} without {@code fd_write}, {@code EFAULT}, host I/O
     * errors.
     */
    static final WasiFunction FD_WRITE = WasiFunction.of("fd_write", "fd:i32 iovs:i32 iovs_len:i32 result.nwritten:i32",
            new FdIo(1));

    private static int fdWrite(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        Descriptor d = readable(ctx, (int) a[0], Rights.FD_WRITE);
        Iovecs iovs = mem.iovecs(u32(a[1]), u32(a[2]));
        long out = u32(a[3]);
        mem.check(out, 4);
        mem.writeI32(out, (int) writeAll(d, iovs, -1));
        return 0;
    }

    /**
     * {@code fd_pread(fd, iovs, iovs_len, offset) -> size}: reads at {@code offset} without moving the
     * file position.
     *
     * <p>Errors: {@code EBADF}, {@code ESPIPE} on a stream, {@code ENOTCAPABLE} without {@code fd_read}
     * and {@code fd_seek}, {@code EINVAL} for an offset above 2^63, {@code EFAULT}.
     */
    static final WasiFunction FD_PREAD = WasiFunction.of("fd_pread",
            "fd:i32 iovs:i32 iovs_len:i32 offset:i64 result.nread:i32", new FdIo(2));

    private static int fdPread(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        Descriptor d = seekable(ctx, (int) a[0], Rights.FD_READ | Rights.FD_SEEK);
        Iovecs iovs = mem.iovecs(u32(a[1]), u32(a[2]));
        long offset = a[3];
        long out = u32(a[4]);
        mem.check(out, 4);
        if (offset < 0) {
            throw Errno.EINVAL.exception("offset");
        }
        byte[] buf = new byte[(int) Math.min(iovs.total(), MAX_READ)];
        int n = buf.length == 0 ? 0 : d.pread(buf, 0, buf.length, offset);
        iovs.scatter(buf, n);
        mem.writeI32(out, n);
        return 0;
    }

    /**
     * {@code fd_pwrite(fd, iovs, iovs_len, offset) -> size}: writes at {@code offset} without moving the
     * file position (also with {@code append}, unlike Linux).
     *
     * <p>Errors: {@code EBADF}, {@code ESPIPE} on a stream, {@code ENOTCAPABLE} without {@code fd_write}
     * and {@code fd_seek}, {@code EINVAL} for an offset above 2^63, {@code EFAULT}.
     */
    static final WasiFunction FD_PWRITE = WasiFunction.of("fd_pwrite",
            "fd:i32 iovs:i32 iovs_len:i32 offset:i64 result.nwritten:i32", new FdIo(3));

    private static int fdPwrite(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        Descriptor d = seekable(ctx, (int) a[0], Rights.FD_WRITE | Rights.FD_SEEK);
        Iovecs iovs = mem.iovecs(u32(a[1]), u32(a[2]));
        long offset = a[3];
        long out = u32(a[4]);
        mem.check(out, 4);
        if (offset < 0) {
            throw Errno.EINVAL.exception("offset");
        }
        mem.writeI32(out, (int) writeAll(d, iovs, offset));
        return 0;
    }

    /**
     * {@code fd_seek(fd, offset, whence) -> filesize}: moves the file position; {@code whence} is numbered
     * by the ABI version ({@code wasi_unstable} has {@code cur=0, end=1, set=2}). A query
     * ({@code offset 0} from {@code cur}) needs only {@code fd_tell}.
     *
     * <p>Errors: {@code EBADF}, {@code ESPIPE} on a stream, {@code ENOTCAPABLE}, {@code EINVAL} for an
     * unknown whence or a negative result, {@code EFAULT}.
     */
    static final WasiFunction FD_SEEK = WasiFunction.of("fd_seek",
            "fd:i32 offset:i64 whence:i32 result.newoffset:i32", new FdIo(4));

    private static int fdSeek(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        int fd = (int) a[0];
        long offset = a[1];
        int whence = ctx.abi().whence((int) a[2] & 0xFF);
        long out = u32(a[3]);
        Descriptor d = seekable(ctx, fd, 0);
        boolean query = offset == 0 && whence == Whence.CUR;
        if (!(query && (d.rightsBase() & Rights.FD_TELL) != 0)) {
            ctx.fds().get(fd, Rights.FD_SEEK);
        }
        mem.check(out, 8);
        mem.writeI64(out, d.seek(offset, whence));
        return 0;
    }

    /**
     * {@code fd_tell(fd) -> filesize}: the file position.
     *
     * <p>Errors: {@code EBADF}, {@code ESPIPE} on a stream, {@code ENOTCAPABLE} without {@code fd_tell},
     * {@code EFAULT}.
     */
    static final WasiFunction FD_TELL = WasiFunction.of("fd_tell", "fd:i32 result.offset:i32", new FdIo(5));

    private static int fdTell(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        Descriptor d = seekable(ctx, (int) a[0], Rights.FD_TELL);
        long out = u32(a[1]);
        mem.check(out, 8);
        mem.writeI64(out, d.tell());
        return 0;
    }

    /** A descriptor to read or write: a directory is {@code EBADF}. */
    private static Descriptor readable(WasiContext ctx, int fd, long rights) {
        Descriptor d = ctx.fds().get(fd);
        if (d instanceof DirectoryDescriptor) {
            throw Errno.EBADF.exception("fd " + fd + " is a directory");
        }
        return ctx.fds().get(fd, rights);
    }

    /** A descriptor with a position: a stream is {@code ESPIPE}, a directory {@code EBADF}. */
    private static Descriptor seekable(WasiContext ctx, int fd, long rights) {
        Descriptor d = ctx.fds().get(fd);
        if (d instanceof DirectoryDescriptor) {
            throw Errno.EBADF.exception("fd " + fd + " is a directory");
        }
        if (!(d instanceof FileDescriptor)) {
            throw Errno.ESPIPE.exception("fd " + fd + " is a stream");
        }
        return ctx.fds().get(fd, rights);
    }

    /** Writes all of the buffers at the position ({@code offset < 0}) or at {@code offset}. */
    private static long writeAll(Descriptor d, Iovecs iovs, long offset) throws IOException {
        byte[] data = iovs.gather((int) Math.min(iovs.total(), Integer.MAX_VALUE - 8));
        return offset < 0 ? d.write(data, 0, data.length) : d.pwrite(data, 0, data.length, offset);
    }

    /** Runs the function this value stands for (a class per family, not a lambda class per function). */
    @Override
    public int call(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        switch (op) {
            case 0: return fdRead(ctx, mem, a);
            case 1: return fdWrite(ctx, mem, a);
            case 2: return fdPread(ctx, mem, a);
            case 3: return fdPwrite(ctx, mem, a);
            case 4: return fdSeek(ctx, mem, a);
            case 5: return fdTell(ctx, mem, a);
            default: throw new AssertionError(op);
        }
    }
}
