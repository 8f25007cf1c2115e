package dev.robusta.wasi.internal.preview1;

import static dev.robusta.wasi.internal.GuestMemory.u32;

import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.GuestMemory;
import dev.robusta.wasi.internal.WasiContext;
import dev.robusta.wasi.internal.WasiFunction;
import dev.robusta.wasi.internal.abi.FdFlags;
import dev.robusta.wasi.internal.abi.PreopenType;
import dev.robusta.wasi.internal.abi.Rights;
import dev.robusta.wasi.internal.abi.Struct;
import dev.robusta.wasi.internal.fd.Descriptor;
import dev.robusta.wasi.internal.fd.DirectoryDescriptor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;

/**
 * Descriptor attributes: {@code fd_fdstat_get}, {@code fd_fdstat_set_flags}, {@code fd_fdstat_set_rights},
 * {@code fd_filestat_get}, {@code fd_filestat_set_size}, {@code fd_filestat_set_times},
 * {@code fd_prestat_get}, {@code fd_prestat_dir_name}.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md#-fd_fdstat_getfd-fd---resultfdstat-errno">fd_fdstat_get</a>
 */
final class FdStat implements WasiFunction.Body {
    private final int op;

    private FdStat(int op) {
        this.op = op;
    }

    /**
     * {@code fd_fdstat_get(fd) -> fdstat}: file type, {@code fdflags} and rights of a descriptor (stdio are
     * character devices).
     *
     * <p>Errors: {@code EBADF}, {@code EFAULT}.
     */
    static final WasiFunction FD_FDSTAT_GET = WasiFunction.of("fd_fdstat_get", "fd:i32 result.stat:i32", new FdStat(0));

    private static int fdFdstatGet(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        Descriptor d = ctx.fds().get((int) a[0]);
        Structs.writeFdstat(mem, ctx.abi(), u32(a[1]), d);
        return 0;
    }

    /**
     * {@code fd_fdstat_set_flags(fd, flags)}: replaces the {@code fdflags} ({@code append} and the sync
     * flags act on later writes).
     *
     * <p>Errors: {@code EBADF}, {@code ENOTCAPABLE} without {@code fd_fdstat_set_flags}, {@code EINVAL} for
     * unknown flags.
     */
    static final WasiFunction FD_FDSTAT_SET_FLAGS = WasiFunction.of("fd_fdstat_set_flags", "fd:i32 flags:i32",
            new FdStat(1));

    private static int fdFdstatSetFlags(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        int flags = (int) a[1] & 0xFFFF;
        Descriptor d = ctx.fds().get((int) a[0], Rights.FD_FDSTAT_SET_FLAGS);
        if ((flags & ~FdFlags.ALL_FLAGS) != 0) {
            throw Errno.EINVAL.exception("flags");
        }
        d.setFlags(flags);
        return 0;
    }

    /**
     * {@code fd_fdstat_set_rights(fd, fs_rights_base, fs_rights_inheriting)}: rights can only be dropped.
     *
     * <p>Errors: {@code EBADF}, {@code ENOTCAPABLE} when a right would be added.
     */
    static final WasiFunction FD_FDSTAT_SET_RIGHTS = WasiFunction.of("fd_fdstat_set_rights",
            "fd:i32 fs_rights_base:i64 fs_rights_inheriting:i64", new FdStat(2));

    private static int fdFdstatSetRights(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        Descriptor d = ctx.fds().get((int) a[0]);
        long base = a[1];
        long inheriting = a[2];
        if ((base & ~d.rightsBase()) != 0 || (inheriting & ~d.rightsInheriting()) != 0) {
            throw Errno.ENOTCAPABLE.exception("rights can only be dropped");
        }
        d.setRights(base, inheriting);
        return 0;
    }

    /**
     * {@code fd_filestat_get(fd) -> filestat}: the attributes of the open file (in the caller's ABI layout).
     *
     * <p>Errors: {@code EBADF}, {@code ENOTCAPABLE} without {@code fd_filestat_get}, {@code EFAULT}.
     */
    static final WasiFunction FD_FILESTAT_GET = WasiFunction.of("fd_filestat_get", "fd:i32 result.buf:i32",
            new FdStat(3));

    private static int fdFilestatGet(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        Descriptor d = ctx.fds().get((int) a[0], Rights.FD_FILESTAT_GET);
        long out = u32(a[1]);
        mem.check(out, ctx.abi().layouts().filestat.size());
        Structs.writeFilestat(mem, ctx.abi(), out, d.stat());
        return 0;
    }

    /**
     * {@code fd_filestat_set_size(fd, size)}: truncates or extends (with zeros) the file.
     *
     * <p>Errors: {@code EBADF}, {@code ENOTCAPABLE} without {@code fd_filestat_set_size}, {@code EINVAL}
     * (not a regular file, size above 2^63).
     */
    static final WasiFunction FD_FILESTAT_SET_SIZE = WasiFunction.of("fd_filestat_set_size", "fd:i32 size:i64",
            new FdStat(4));

    private static int fdFilestatSetSize(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        Descriptor d = ctx.fds().get((int) a[0], Rights.FD_FILESTAT_SET_SIZE);
        d.setSize(a[1]);
        return 0;
    }

    /**
     * {@code fd_filestat_set_times(fd, atim, mtim, fst_flags)}: sets access and modification times.
     *
     * <p>Errors: {@code EBADF}, {@code ENOTCAPABLE} without {@code fd_filestat_set_times}, {@code EINVAL}
     * (unknown flags, a time given both ways, not a file or directory).
     */
    static final WasiFunction FD_FILESTAT_SET_TIMES = WasiFunction.of("fd_filestat_set_times",
            "fd:i32 atim:i64 mtim:i64 fst_flags:i32", new FdStat(5));

    private static int fdFilestatSetTimes(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        Descriptor d = ctx.fds().get((int) a[0], Rights.FD_FILESTAT_SET_TIMES);
        FileTime[] times = PathStat.times(a[1], a[2], (int) a[3]);
        d.setTimes(times[0], times[1]);
        return 0;
    }

    /**
     * {@code fd_prestat_get(fd) -> prestat}: for a preopened directory, the tag {@code dir} and the length
     * of its guest path. wasi-libc calls it on 3, 4, ... until {@code EBADF} to find the preopens.
     *
     * <p>Errors: {@code EBADF} (no descriptor, or not a preopen), {@code EFAULT}.
     */
    static final WasiFunction FD_PRESTAT_GET = WasiFunction.of("fd_prestat_get", "fd:i32 result.buf:i32",
            new FdStat(6));

    private static int fdPrestatGet(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        String name = preopenName(ctx.fds().get((int) a[0]));
        long out = u32(a[1]);
        Struct st = ctx.abi().layouts().prestat;
        mem.check(out, st.size());
        mem.fill(out, (byte) 0, st.size());
        mem.writeU8(out + st.get("tag").offset(), PreopenType.DIR);
        mem.writeI32(out + st.get("payload:$prestat_dir").offset(),
                name.getBytes(StandardCharsets.UTF_8).length);
        return 0;
    }

    /**
     * {@code fd_prestat_dir_name(fd, path, path_len)}: the guest path of a preopen, without terminator.
     *
     * <p>Errors: {@code EBADF} (not a preopen), {@code ENAMETOOLONG} when {@code path_len} is smaller than
     * the name (as wasmtime), {@code EFAULT}.
     */
    static final WasiFunction FD_PRESTAT_DIR_NAME = WasiFunction.of("fd_prestat_dir_name",
            "fd:i32 path:i32 path_len:i32", new FdStat(7));

    private static int fdPrestatDirName(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        byte[] name = preopenName(ctx.fds().get((int) a[0])).getBytes(StandardCharsets.UTF_8);
        long out = u32(a[1]);
        long len = u32(a[2]);
        if (len < name.length) {
            throw Errno.ENAMETOOLONG.exception();
        }
        mem.write(out, name);
        return 0;
    }

    private static String preopenName(Descriptor d) {
        if (d instanceof DirectoryDescriptor && ((DirectoryDescriptor) d).preopenName() != null) {
            return ((DirectoryDescriptor) d).preopenName();
        }
        throw Errno.EBADF.exception("not a preopen");
    }

    /** Runs the function this value stands for (a class per family, not a lambda class per function). */
    @Override
    public int call(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        switch (op) {
            case 0: return fdFdstatGet(ctx, mem, a);
            case 1: return fdFdstatSetFlags(ctx, mem, a);
            case 2: return fdFdstatSetRights(ctx, mem, a);
            case 3: return fdFilestatGet(ctx, mem, a);
            case 4: return fdFilestatSetSize(ctx, mem, a);
            case 5: return fdFilestatSetTimes(ctx, mem, a);
            case 6: return fdPrestatGet(ctx, mem, a);
            case 7: return fdPrestatDirName(ctx, mem, a);
            default: throw new AssertionError(op);
        }
    }
}
