package dev.robusta.wasi.internal.preview1;

import static dev.robusta.wasi.internal.GuestMemory.u32;

import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.GuestMemory;
import dev.robusta.wasi.internal.WasiContext;
import dev.robusta.wasi.internal.WasiFunction;
import dev.robusta.wasi.internal.abi.FdFlags;
import dev.robusta.wasi.internal.abi.FileType;
import dev.robusta.wasi.internal.abi.LookupFlags;
import dev.robusta.wasi.internal.abi.OFlags;
import dev.robusta.wasi.internal.abi.RightSets;
import dev.robusta.wasi.internal.abi.Rights;
import dev.robusta.wasi.internal.fd.DirectoryDescriptor;
import dev.robusta.wasi.internal.fd.FileDescriptor;
import dev.robusta.wasi.internal.fs.FileStats;
import dev.robusta.wasi.internal.fs.PathResolver;
import dev.robusta.wasi.internal.fs.Resolved;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code path_open}.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md#-path_openfd-fd-dirflags-lookupflags-path-string-oflags-oflags-fs_rights_base-rights-fs_rights_inheriting-rights-fdflags-fdflags---resultfd-errno">path_open</a>
 */
final class PathOpen implements WasiFunction.Body {
    /** Rights that need the host file opened for writing. */
    private static final long WRITE_RIGHTS = Rights.FD_WRITE | Rights.FD_ALLOCATE | Rights.FD_FILESTAT_SET_SIZE;

    private final int op;

    private PathOpen(int op) {
        this.op = op;
    }

    /**
     * {@code path_open(fd, dirflags, path, oflags, fs_rights_base, fs_rights_inheriting, fdflags) -> fd}:
     * opens or creates a file or directory beneath the directory {@code fd}.
     *
     * <ul>
     * <li>{@code dirflags}: {@code symlink_follow} follows a final symbolic link (inside the directory);
     *     without it a final link is {@code ELOOP} ({@code ENOTDIR} with {@code oflags.directory}).</li>
     * <li>{@code oflags}: {@code creat} creates a missing file (needs {@code path_create_file}),
     *     {@code excl} with it fails with {@code EEXIST} when the file exists (and never follows a final
     *     link), {@code trunc} empties it (needs {@code path_filestat_set_size}; {@code EISDIR} on a
     *     directory), {@code directory} requires a directory ({@code ENOTDIR}).</li>
     * <li>Rights: the requested rights must be among the directory's inheriting rights
     *     ({@code ENOTCAPABLE}); the new descriptor gets those that mean something for what was opened.
     *     The host file is opened for writing only when write rights were asked for; a directory cannot be
     *     ({@code EISDIR}).</li>
     * <li>{@code fdflags}: {@code append}, {@code dsync}, {@code rsync}, {@code sync}, {@code nonblock} are
     *     kept on the descriptor (append and the sync flags act on writes).</li>
     * </ul>
     *
     * <p>Errors also: {@code EBADF}, {@code ENOTDIR} (fd not a directory), {@code EINVAL} (unknown flags,
     * {@code creat} with {@code directory}), {@code ENOENT}, {@code ENOTCAPABLE} (escapes), {@code EFAULT},
     * {@code EMFILE}, host errors.
     */
    static final WasiFunction PATH_OPEN = WasiFunction.of("path_open",
            "fd:i32 dirflags:i32 path:i32 path_len:i32 oflags:i32 fs_rights_base:i64 fs_rights_inheriting:i64 "
                    + "fdflags:i32 result.opened_fd:i32", new PathOpen(0));

    private static int pathOpen(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        int dirflags = (int) a[1];
        int oflags = (int) a[4];
        long base = a[5];
        long inheriting = a[6];
        int fdflags = (int) a[7];
        long out = u32(a[8]);
        if ((oflags & ~OFlags.ALL_FLAGS) != 0 || (fdflags & ~FdFlags.ALL_FLAGS) != 0
                || (dirflags & ~LookupFlags.ALL_FLAGS) != 0) {
            throw Errno.EINVAL.exception("unknown flags");
        }
        boolean creat = (oflags & OFlags.CREAT) != 0;
        boolean excl = (oflags & OFlags.EXCL) != 0;
        boolean trunc = (oflags & OFlags.TRUNC) != 0;
        boolean directory = (oflags & OFlags.DIRECTORY) != 0;
        long needed = Rights.PATH_OPEN | (creat ? Rights.PATH_CREATE_FILE : 0)
                | (trunc ? Rights.PATH_FILESTAT_SET_SIZE : 0);
        DirectoryDescriptor dir = ctx.fds().directory((int) a[0], needed);
        if ((base & ~dir.rightsInheriting()) != 0 || (inheriting & ~dir.rightsInheriting()) != 0) {
            throw Errno.ENOTCAPABLE.exception("rights beyond the directory's inheriting rights");
        }
        String path = mem.readPath(u32(a[2]), u32(a[3]));
        mem.check(out, 4);
        if (creat && directory) {
            throw Errno.EINVAL.exception("creat with directory");
        }
        boolean follow = (dirflags & LookupFlags.SYMLINK_FOLLOW) != 0 && !(creat && excl);
        Resolved r = PathResolver.resolve(dir.preopenRoot(), dir.path(), path, follow);
        int fd;
        if (r.exists()) {
            if (creat && excl) {
                throw Errno.EEXIST.exception(path);
            }
            if (r.isSymbolicLink()) {
                throw (directory ? Errno.ENOTDIR : Errno.ELOOP).exception(path + " is a symbolic link");
            }
            if (r.isDirectory()) {
                if (trunc || (base & WRITE_RIGHTS) != 0) {
                    throw Errno.EISDIR.exception(path);
                }
                fd = ctx.fds().insert(new DirectoryDescriptor(r.path(), dir.preopenRoot(), null,
                        base & RightSets.DIRECTORY_BASE, inheriting, fdflags));
            } else {
                if (directory) {
                    throw Errno.ENOTDIR.exception(path);
                }
                fd = openFile(ctx, dir.preopenRoot(), r.path(), FileStats.typeOf(r.path(), r.attributes()), false,
                        trunc, base, inheriting, fdflags);
            }
        } else {
            if (!creat) {
                throw Errno.ENOENT.exception(path);
            }
            if (r.trailingSlash()) {
                throw Errno.EISDIR.exception(path);
            }
            fd = openFile(ctx, dir.preopenRoot(), r.path(), FileType.REGULAR_FILE, true, false, base, inheriting,
                    fdflags);
        }
        mem.writeI32(out, fd);
        return 0;
    }

    private static int openFile(WasiContext ctx, Path root, Path path, int filetype,
                                boolean create, boolean trunc,
                                long base, long inheriting, int fdflags) throws IOException {
        Set<OpenOption> options = new HashSet<>();
        options.add(LinkOption.NOFOLLOW_LINKS);
        boolean write = (base & WRITE_RIGHTS) != 0 || trunc || create;
        if ((base & Rights.FD_READ) != 0 || !write) {
            options.add(StandardOpenOption.READ);
        }
        if (write) {
            options.add(StandardOpenOption.WRITE);
        }
        if (create) {
            options.add(StandardOpenOption.CREATE_NEW);
        }
        if (trunc) {
            options.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        SeekableByteChannel channel = open(path, options);
        try {
            return ctx.fds().insert(new FileDescriptor(channel, root, path, filetype, base & RightSets.REGULAR_FILE_BASE,
                    inheriting, fdflags));
        } catch (RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * A {@link FileChannel} when the file system has them (default, zip, in-memory ones), else a byte
     * channel. The final component was resolved already, so the file is opened without following a link;
     * file systems that know no links (zip) reject that option and get the plain open.
     */
    private static SeekableByteChannel open(Path path, Set<OpenOption> options) throws IOException {
        try {
            return openChannel(path, options);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            if (!options.remove(LinkOption.NOFOLLOW_LINKS)) {
                throw e;
            }
            return openChannel(path, options);
        }
    }

    private static SeekableByteChannel openChannel(Path path, Set<OpenOption> options) throws IOException {
        try {
            return FileChannel.open(path, options);
        } catch (UnsupportedOperationException e) {
            return Files.newByteChannel(path, options);
        }
    }

    /** Runs the function this value stands for (a class per family, not a lambda class per function). */
    @Override
    public int call(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        switch (op) {
            case 0: return pathOpen(ctx, mem, a);
            default: throw new AssertionError(op);
        }
    }
}
