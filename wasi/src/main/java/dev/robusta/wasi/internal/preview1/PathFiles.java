package dev.robusta.wasi.internal.preview1;

import static dev.robusta.wasi.internal.GuestMemory.u32;

import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.GuestMemory;
import dev.robusta.wasi.internal.WasiContext;
import dev.robusta.wasi.internal.WasiFunction;
import dev.robusta.wasi.internal.abi.LookupFlags;
import dev.robusta.wasi.internal.abi.Rights;
import dev.robusta.wasi.internal.fd.DirectoryDescriptor;
import dev.robusta.wasi.internal.fs.PathResolver;
import dev.robusta.wasi.internal.fs.Resolved;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Changing the directory tree: {@code path_create_directory}, {@code path_remove_directory},
 * {@code path_unlink_file}, {@code path_rename}, {@code path_link}, {@code path_symlink},
 * {@code path_readlink}. Every path is resolved beneath its directory descriptor without following a
 * final symbolic link (except {@code path_link}'s source with {@code symlink_follow}).
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md#-path_create_directoryfd-fd-path-string---result-errno">path_create_directory</a>
 */
final class PathFiles implements WasiFunction.Body {
    private final int op;

    private PathFiles(int op) {
        this.op = op;
    }

    /**
     * {@code path_create_directory(fd, path)}.
     *
     * <p>Errors: {@code EEXIST} (also for a link or {@code .}), {@code ENOENT} (missing parent),
     * {@code ENOTCAPABLE} (no {@code path_create_directory}, escapes), {@code EBADF}, {@code ENOTDIR},
     * {@code EFAULT}.
     */
    static final WasiFunction PATH_CREATE_DIRECTORY = WasiFunction.of("path_create_directory",
            "fd:i32 path:i32 path_len:i32", new PathFiles(0));

    private static int pathCreateDirectory(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        Resolved r = PathArgs.resolve(ctx, mem, a[0], Rights.PATH_CREATE_DIRECTORY, a[1], a[2], false);
        if (r.exists()) {
            throw Errno.EEXIST.exception();
        }
        Files.createDirectory(r.path());
        return 0;
    }

    /**
     * {@code path_remove_directory(fd, path)}: removes an empty directory.
     *
     * <p>Errors: {@code ENOTEMPTY}, {@code ENOTDIR} (a file or a link), {@code ENOENT}, {@code EINVAL}
     * (a path ending in {@code .}), {@code EBUSY} (the descriptor's own directory), {@code ENOTCAPABLE},
     * {@code EBADF}, {@code EFAULT}.
     */
    static final WasiFunction PATH_REMOVE_DIRECTORY = WasiFunction.of("path_remove_directory",
            "fd:i32 path:i32 path_len:i32", new PathFiles(1));

    private static int pathRemoveDirectory(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        Resolved r = PathArgs.resolve(ctx, mem, a[0], Rights.PATH_REMOVE_DIRECTORY, a[1], a[2], false);
        if (r.last().equals(".")) {
            throw Errno.EINVAL.exception("path ends in .");
        }
        if (r.depth() == 0) {
            throw Errno.EBUSY.exception("the directory itself");
        }
        if (r.last().equals("..")) {
            throw Errno.ENOTEMPTY.exception("path ends in ..");
        }
        if (!r.exists()) {
            throw Errno.ENOENT.exception();
        }
        if (!r.isDirectory()) {
            throw Errno.ENOTDIR.exception();
        }
        Files.delete(r.path());
        return 0;
    }

    /**
     * {@code path_unlink_file(fd, path)}: removes a file or a symbolic link (not what it points to).
     *
     * <p>Errors: {@code EISDIR} (a directory), {@code ENOTDIR} (a file named with a trailing slash),
     * {@code ENOENT}, {@code ENOTCAPABLE}, {@code EBADF}, {@code EFAULT}.
     */
    static final WasiFunction PATH_UNLINK_FILE = WasiFunction.of("path_unlink_file",
            "fd:i32 path:i32 path_len:i32", new PathFiles(2));

    private static int pathUnlinkFile(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        Resolved r = PathArgs.resolve(ctx, mem, a[0], Rights.PATH_UNLINK_FILE, a[1], a[2], false);
        if (r.isDotOrDirectoryItself() || r.isDirectory()) {
            throw Errno.EISDIR.exception();
        }
        if (!r.exists()) {
            throw Errno.ENOENT.exception();
        }
        Files.delete(r.path());
        return 0;
    }

    /**
     * {@code path_rename(fd, old_path, new_fd, new_path)}: renames, replacing an existing target as POSIX
     * {@code rename} does (a file by a file, an empty directory by a directory). Both descriptors must be on
     * the same file system.
     *
     * <p>Errors: {@code ENOENT}, {@code EISDIR} (a file onto a directory), {@code ENOTDIR} (a directory
     * onto a file), {@code ENOTEMPTY}, {@code EINVAL} (a directory into itself), {@code EBUSY} ({@code .},
     * {@code ..} or a descriptor's own directory), {@code EXDEV}, {@code ENOTCAPABLE} (no
     * {@code path_rename_source} / {@code path_rename_target}, escapes), {@code EBADF}, {@code EFAULT}.
     */
    static final WasiFunction PATH_RENAME = WasiFunction.of("path_rename",
            "fd:i32 old_path:i32 old_path_len:i32 new_fd:i32 new_path:i32 new_path_len:i32", new PathFiles(3));

    private static int pathRename(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        Resolved from = PathArgs.resolve(ctx, mem, a[0], Rights.PATH_RENAME_SOURCE, a[1], a[2], false);
        Resolved to = PathArgs.resolve(ctx, mem, a[3], Rights.PATH_RENAME_TARGET, a[4], a[5], false);
        if (from.isDotOrDirectoryItself() || to.isDotOrDirectoryItself()) {
            throw Errno.EBUSY.exception(". or .. or the directory itself");
        }
        if (!from.exists()) {
            throw Errno.ENOENT.exception();
        }
        if (from.path().getFileSystem() != to.path().getFileSystem()) {
            throw Errno.EXDEV.exception();
        }
        if (to.exists() && sameFile(from, to)) {
            return 0; // POSIX: renaming a file to itself (or another link to it) does nothing
        }
        if (from.isDirectory()) {
            if (to.exists() && !to.isDirectory()) {
                throw Errno.ENOTDIR.exception();
            }
            if (to.path().toAbsolutePath().normalize().startsWith(from.path().toAbsolutePath().normalize())) {
                throw Errno.EINVAL.exception("a directory into itself");
            }
            if (to.exists() && !isEmptyDirectory(to.path())) {
                throw Errno.ENOTEMPTY.exception();
            }
        } else {
            if (to.isDirectory()) {
                throw Errno.EISDIR.exception();
            }
            if (to.trailingSlash()) {
                throw Errno.ENOTDIR.exception();
            }
        }
        try {
            Files.move(from.path(), to.path(), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from.path(), to.path(), StandardCopyOption.REPLACE_EXISTING);
        }
        return 0;
    }

    /**
     * {@code path_link(old_fd, old_flags, old_path, new_fd, new_path)}: a hard link; with
     * {@code symlink_follow} to a final link's target (inside), else to the link.
     *
     * <p>Errors: {@code EEXIST}, {@code ENOENT}, {@code EPERM} (a directory), {@code EXDEV},
     * {@code ENOTSUP} (the file system has no hard links), {@code ENOTCAPABLE} (no
     * {@code path_link_source} / {@code path_link_target}, escapes), {@code EBADF}, {@code EFAULT}.
     */
    static final WasiFunction PATH_LINK = WasiFunction.of("path_link",
            "old_fd:i32 old_flags:i32 old_path:i32 old_path_len:i32 new_fd:i32 new_path:i32 new_path_len:i32", new PathFiles(4));

    private static int pathLink(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        int flags = (int) a[1];
        if ((flags & ~LookupFlags.ALL_FLAGS) != 0) {
            throw Errno.EINVAL.exception("flags");
        }
        Resolved from = PathArgs.resolve(ctx, mem, a[0], Rights.PATH_LINK_SOURCE, a[2], a[3],
                (flags & LookupFlags.SYMLINK_FOLLOW) != 0);
        Resolved to = PathArgs.resolve(ctx, mem, a[4], Rights.PATH_LINK_TARGET, a[5], a[6], false);
        if (!from.exists()) {
            throw Errno.ENOENT.exception();
        }
        if (from.isDirectory()) {
            throw Errno.EPERM.exception("hard link to a directory");
        }
        if (to.exists() || to.isDotOrDirectoryItself()) {
            throw Errno.EEXIST.exception();
        }
        if (to.trailingSlash()) {
            throw Errno.ENOENT.exception();
        }
        if (from.path().getFileSystem() != to.path().getFileSystem()) {
            throw Errno.EXDEV.exception();
        }
        Files.createLink(to.path(), from.path());
        return 0;
    }

    /**
     * {@code path_symlink(old_path, fd, new_path)}: creates the symbolic link {@code new_path} beneath
     * {@code fd} holding {@code old_path}. An absolute target is refused ({@code ENOTCAPABLE}): inside the
     * sandbox it could never be followed, and outside it would point the host anywhere. A relative target
     * is stored as given; following it is checked at use.
     *
     * <p>Errors: {@code EEXIST}, {@code ENOENT} (empty target, missing parent), {@code EINVAL} (NUL),
     * {@code ENOTSUP} (the file system has no links), {@code ENOTCAPABLE} (no {@code path_symlink},
     * escapes), {@code EBADF}, {@code EFAULT}.
     */
    static final WasiFunction PATH_SYMLINK = WasiFunction.of("path_symlink",
            "old_path:i32 old_path_len:i32 fd:i32 new_path:i32 new_path_len:i32", new PathFiles(5));

    private static int pathSymlink(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        String target = mem.readPath(u32(a[0]), u32(a[1]));
        DirectoryDescriptor dir = ctx.fds().directory((int) a[2], Rights.PATH_SYMLINK);
        String name = mem.readPath(u32(a[3]), u32(a[4]));
        if (target.isEmpty()) {
            throw Errno.ENOENT.exception("empty target");
        }
        Path targetPath = dir.path().getFileSystem().getPath(target);
        if (target.charAt(0) == '/' || targetPath.isAbsolute()) {
            throw Errno.ENOTCAPABLE.exception("absolute target " + target);
        }
        Resolved r = PathResolver.resolve(dir.preopenRoot(), dir.path(), name, false);
        if (r.exists() || r.isDotOrDirectoryItself()) {
            throw Errno.EEXIST.exception();
        }
        if (r.trailingSlash()) {
            throw Errno.ENOENT.exception();
        }
        Files.createSymbolicLink(r.path(), targetPath);
        return 0;
    }

    /**
     * {@code path_readlink(fd, path, buf, buf_len) -> size}: the contents of a symbolic link, truncated to
     * {@code buf_len} bytes (no terminator).
     *
     * <p>Errors: {@code EINVAL} (not a link), {@code ENOENT}, {@code ENOTCAPABLE} (no
     * {@code path_readlink}, escapes), {@code EBADF}, {@code ENOTDIR}, {@code EFAULT}.
     */
    static final WasiFunction PATH_READLINK = WasiFunction.of("path_readlink",
            "fd:i32 path:i32 path_len:i32 buf:i32 buf_len:i32 result.bufused:i32", new PathFiles(6));

    private static int pathReadlink(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        Resolved r = PathArgs.resolve(ctx, mem, a[0], Rights.PATH_READLINK, a[1], a[2], false);
        long buf = u32(a[3]);
        long len = u32(a[4]);
        long out = u32(a[5]);
        mem.check(buf, len);
        mem.check(out, 4);
        if (!r.exists()) {
            throw Errno.ENOENT.exception();
        }
        if (!r.isSymbolicLink()) {
            throw Errno.EINVAL.exception("not a symbolic link");
        }
        byte[] target = Files.readSymbolicLink(r.path()).toString().getBytes(StandardCharsets.UTF_8);
        int n = (int) Math.min(len, target.length);
        mem.write(buf, target, 0, n);
        mem.writeI32(out, n);
        return 0;
    }

    /** Whether two resolved paths name the same file, without following links. */
    private static boolean sameFile(Resolved a, Resolved b) {
        Object ka = a.attributes().fileKey();
        Object kb = b.attributes().fileKey();
        if (ka != null && kb != null) {
            return ka.equals(kb);
        }
        return a.path().toAbsolutePath().normalize().equals(b.path().toAbsolutePath().normalize());
    }

    private static boolean isEmptyDirectory(Path dir) throws java.io.IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    /** Runs the function this value stands for (a class per family, not a lambda class per function). */
    @Override
    public int call(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        switch (op) {
            case 0: return pathCreateDirectory(ctx, mem, a);
            case 1: return pathRemoveDirectory(ctx, mem, a);
            case 2: return pathUnlinkFile(ctx, mem, a);
            case 3: return pathRename(ctx, mem, a);
            case 4: return pathLink(ctx, mem, a);
            case 5: return pathSymlink(ctx, mem, a);
            case 6: return pathReadlink(ctx, mem, a);
            default: throw new AssertionError(op);
        }
    }
}
