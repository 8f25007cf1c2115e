package dev.robusta.wasi.internal.preview1;

import static dev.robusta.wasi.internal.GuestMemory.u32;

import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.GuestMemory;
import dev.robusta.wasi.internal.WasiContext;
import dev.robusta.wasi.internal.WasiFunction;
import dev.robusta.wasi.internal.abi.FstFlags;
import dev.robusta.wasi.internal.abi.LookupFlags;
import dev.robusta.wasi.internal.abi.Rights;
import dev.robusta.wasi.internal.fs.FileStats;
import dev.robusta.wasi.internal.fs.Resolved;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

/**
 * {@code path_filestat_get} and {@code path_filestat_set_times}.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md#-path_filestat_getfd-fd-flags-lookupflags-path-string---resultfilestat-errno">path_filestat_get</a>
 */
final class PathStat implements WasiFunction.Body {
    private final int op;

    private PathStat(int op) {
        this.op = op;
    }

    /**
     * {@code path_filestat_get(fd, flags, path) -> filestat}: the attributes of a file beneath {@code fd};
     * with {@code symlink_follow} of a final link's target (inside), else of the link.
     *
     * <p>Errors: {@code EBADF}, {@code ENOTDIR}, {@code ENOTCAPABLE} (no {@code path_filestat_get}, escapes),
     * {@code ENOENT}, {@code EINVAL}, {@code EFAULT}.
     */
    static final WasiFunction PATH_FILESTAT_GET = WasiFunction.of("path_filestat_get",
            "fd:i32 flags:i32 path:i32 path_len:i32 result.buf:i32", new PathStat(0));

    private static int pathFilestatGet(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        int flags = (int) a[1];
        if ((flags & ~LookupFlags.ALL_FLAGS) != 0) {
            throw Errno.EINVAL.exception("flags");
        }
        Resolved r = PathArgs.resolve(ctx, mem, a[0], Rights.PATH_FILESTAT_GET, a[2], a[3],
                (flags & LookupFlags.SYMLINK_FOLLOW) != 0);
        long out = u32(a[4]);
        mem.check(out, ctx.abi().layouts().filestat.size());
        if (!r.exists()) {
            throw Errno.ENOENT.exception();
        }
        Structs.writeFilestat(mem, ctx.abi(), out, FileStats.of(r.path(), false));
        return 0;
    }

    /**
     * {@code path_filestat_set_times(fd, flags, path, atim, mtim, fst_flags)}: sets the access and
     * modification times of a file beneath {@code fd} (of the link itself without {@code symlink_follow}).
     *
     * <p>Errors: {@code EINVAL} for unknown {@code fst_flags} or both a time and {@code *_now},
     * {@code ENOTCAPABLE} (no {@code path_filestat_set_times}, escapes), {@code ENOENT}, and as above.
     */
    static final WasiFunction PATH_FILESTAT_SET_TIMES = WasiFunction.of("path_filestat_set_times",
            "fd:i32 flags:i32 path:i32 path_len:i32 atim:i64 mtim:i64 fst_flags:i32", new PathStat(1));

    private static int pathFilestatSetTimes(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        int flags = (int) a[1];
        if ((flags & ~LookupFlags.ALL_FLAGS) != 0) {
            throw Errno.EINVAL.exception("flags");
        }
        FileTime[] times = times(a[4], a[5], (int) a[6]);
        Resolved r = PathArgs.resolve(ctx, mem, a[0], Rights.PATH_FILESTAT_SET_TIMES, a[2], a[3],
                (flags & LookupFlags.SYMLINK_FOLLOW) != 0);
        if (!r.exists()) {
            throw Errno.ENOENT.exception();
        }
        Files.getFileAttributeView(r.path(), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(times[1], times[0], null);
        return 0;
    }

    /**
     * The access and modification times {@code fst_flags} asks for (null: unchanged).
     *
     * @throws dev.robusta.wasi.internal.ErrnoException EINVAL for unknown flags or a time given both ways
     */
    static FileTime[] times(long atim, long mtim, int fstFlags) {
        if ((fstFlags & ~FstFlags.ALL_FLAGS) != 0) {
            throw Errno.EINVAL.exception("fst_flags");
        }
        if ((fstFlags & FstFlags.ATIM) != 0 && (fstFlags & FstFlags.ATIM_NOW) != 0
                || (fstFlags & FstFlags.MTIM) != 0 && (fstFlags & FstFlags.MTIM_NOW) != 0) {
            throw Errno.EINVAL.exception("a time given both ways");
        }
        FileTime now = null;
        if ((fstFlags & (FstFlags.ATIM_NOW | FstFlags.MTIM_NOW)) != 0) {
            now = FileTime.from(dev.robusta.wasi.internal.Clocks.realtime(), TimeUnit.NANOSECONDS);
        }
        FileTime at = (fstFlags & FstFlags.ATIM_NOW) != 0 ? now
                : (fstFlags & FstFlags.ATIM) != 0 ? FileTime.from(atim, TimeUnit.NANOSECONDS) : null;
        FileTime mt = (fstFlags & FstFlags.MTIM_NOW) != 0 ? now
                : (fstFlags & FstFlags.MTIM) != 0 ? FileTime.from(mtim, TimeUnit.NANOSECONDS) : null;
        return new FileTime[] {at, mt};
    }

    /** Runs the function this value stands for (a class per family, not a lambda class per function). */
    @Override
    public int call(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        switch (op) {
            case 0: return pathFilestatGet(ctx, mem, a);
            case 1: return pathFilestatSetTimes(ctx, mem, a);
            default: throw new AssertionError(op);
        }
    }
}
