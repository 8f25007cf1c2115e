package dev.robusta.wasi.internal.fs;

import dev.robusta.wasi.internal.abi.FileType;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads a {@link Filestat} from any {@link FileSystem}: the {@code unix} attribute view when the file
 * system has one (device, inode, link count, change time, device kind), otherwise the basic view with an
 * inode derived from the file key or the path.
 */
public final class FileStats {
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};
    private static final LinkOption[] FOLLOW = {};

    // st_mode file type bits
    private static final int S_IFMT = 0170000, S_IFSOCK = 0140000, S_IFBLK = 0060000, S_IFCHR = 0020000;

    private FileStats() {
    }

    /** The stat of {@code path}, following a final symbolic link when {@code follow}. */
    public static Filestat of(Path path, boolean follow) throws IOException {
        LinkOption[] options = follow ? FOLLOW : NOFOLLOW;
        if (hasUnixView(path.getFileSystem())) {
            Map<String, Object> a = Files.readAttributes(path, "unix:*", options);
            BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class, options);
            int mode = ((Number) a.get("mode")).intValue();
            return new Filestat(((Number) a.get("dev")).longValue(), ((Number) a.get("ino")).longValue(),
                    fileType(basic, mode), ((Number) a.get("nlink")).longValue(), basic.size(),
                    nanos(basic.lastAccessTime()), nanos(basic.lastModifiedTime()), nanos((FileTime) a.get("ctime")));
        }
        BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class, options);
        long mtim = nanos(basic.lastModifiedTime());
        return new Filestat(device(path.getFileSystem()), inode(path, basic), fileType(basic, 0), 1, basic.size(),
                nanos(basic.lastAccessTime()), mtim, mtim);
    }

    /** The {@link FileType} of a file from its attributes (and its st_mode when known, else 0). */
    public static int fileType(BasicFileAttributes a, int mode) {
        if (a.isSymbolicLink()) {
            return FileType.SYMBOLIC_LINK;
        }
        if (a.isDirectory()) {
            return FileType.DIRECTORY;
        }
        if (a.isRegularFile()) {
            return FileType.REGULAR_FILE;
        }
        switch (mode & S_IFMT) {
            case S_IFCHR: return FileType.CHARACTER_DEVICE;
            case S_IFBLK: return FileType.BLOCK_DEVICE;
            case S_IFSOCK: return FileType.SOCKET_STREAM;
            default: return FileType.UNKNOWN;
        }
    }

    /** The {@link FileType} of {@code path} without following a final link (device kinds from unix:mode). */
    public static int typeOf(Path path, BasicFileAttributes a) throws IOException {
        int mode = 0;
        if (!a.isDirectory() && !a.isRegularFile() && !a.isSymbolicLink() && hasUnixView(path.getFileSystem())) {
            mode = ((Number) Files.getAttribute(path, "unix:mode", NOFOLLOW)).intValue();
        }
        return fileType(a, mode);
    }

    /** The inode of a file: from the unix view, or a stable hash of its file key or absolute path. */
    public static long inode(Path path, BasicFileAttributes a) throws IOException {
        if (hasUnixView(path.getFileSystem())) {
            return ((Number) Files.getAttribute(path, "unix:ino", NOFOLLOW)).longValue();
        }
        Object key = a.fileKey();
        String s = key != null ? key.toString() : path.toAbsolutePath().normalize().toString();
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return h & Long.MAX_VALUE;
    }

    private static long device(FileSystem fs) {
        return Integer.toUnsignedLong(System.identityHashCode(fs));
    }

    static boolean hasUnixView(FileSystem fs) {
        return fs.supportedFileAttributeViews().contains("unix");
    }

    /** A file time in ns since the epoch (0 when absent), saturating. */
    public static long nanos(FileTime t) {
        return t == null ? 0 : t.to(TimeUnit.NANOSECONDS);
    }
}
