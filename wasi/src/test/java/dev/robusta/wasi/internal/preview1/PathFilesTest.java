package dev.robusta.wasi.internal.preview1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.wasi.Wasi;
import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.abi.FileType;
import dev.robusta.wasi.internal.abi.FstFlags;
import dev.robusta.wasi.internal.abi.LookupFlags;
import dev.robusta.wasi.internal.abi.RightSets;
import dev.robusta.wasi.internal.abi.Rights;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/** path_create_directory, path_remove_directory, path_unlink_file, path_rename, path_link, path_symlink,
 * path_readlink, path_filestat_get, path_filestat_set_times. */
class PathFilesTest {
    static final int FOLLOW = LookupFlags.SYMLINK_FOLLOW;

    @TempDir
    Path root;
    WasiHarness h;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(root.resolve("f"), "data");
        Files.createDirectories(root.resolve("d/sub"));
        Files.createDirectory(root.resolve("empty"));
        Files.createSymbolicLink(root.resolve("lf"), Path.of("f"));
        Files.createSymbolicLink(root.resolve("ld"), Path.of("d"));
        h = WasiHarness.of(Wasi.builder().preopen(".", root));
    }

    Errno two(String function, String from, String to) {
        int l1 = h.put(WasiHarness.PATH, from);
        int l2 = h.put(WasiHarness.PATH2, to);
        return h.call(function, 3, WasiHarness.PATH, l1, 3, WasiHarness.PATH2, l2);
    }

    Errno link(int flags, String from, String to) {
        int l1 = h.put(WasiHarness.PATH, from);
        int l2 = h.put(WasiHarness.PATH2, to);
        return h.call("path_link", 3, flags, WasiHarness.PATH, l1, 3, WasiHarness.PATH2, l2);
    }

    Errno symlink(String target, String name) {
        int l1 = h.put(WasiHarness.PATH, target);
        int l2 = h.put(WasiHarness.PATH2, name);
        return h.call("path_symlink", WasiHarness.PATH, l1, 3, WasiHarness.PATH2, l2);
    }

    Errno stat(int flags, String path) {
        int len = h.put(WasiHarness.PATH, path);
        return h.call("path_filestat_get", 3, flags, WasiHarness.PATH, len, 64);
    }

    @Test
    void pathCreateDirectory_createsOne() {
        assertEquals(Errno.SUCCESS, h.path("path_create_directory", 3, "new"));
        assertTrue(Files.isDirectory(root.resolve("new")));
        assertEquals(Errno.SUCCESS, h.path("path_create_directory", 3, "d/sub/deeper/"));
        assertTrue(Files.isDirectory(root.resolve("d/sub/deeper")));
        assertEquals(Errno.SUCCESS, h.path("path_create_directory", 3, "ld/viaLink"));
        assertTrue(Files.isDirectory(root.resolve("d/viaLink")));
    }

    @Test
    void pathCreateDirectory_errors() {
        assertEquals(Errno.EEXIST, h.path("path_create_directory", 3, "d"));
        assertEquals(Errno.EEXIST, h.path("path_create_directory", 3, "f"));
        assertEquals(Errno.EEXIST, h.path("path_create_directory", 3, "ld"));
        assertEquals(Errno.EEXIST, h.path("path_create_directory", 3, "."));
        assertEquals(Errno.ENOENT, h.path("path_create_directory", 3, "missing/x"));
        assertEquals(Errno.ENOTDIR, h.path("path_create_directory", 3, "f/x"));
        assertEquals(Errno.ENOENT, h.path("path_create_directory", 3, ""));
        assertEquals(Errno.EBADF, h.path("path_create_directory", 99, "x"));
        assertEquals(Errno.ENOTDIR, h.path("path_create_directory", 1, "x"));
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_set_rights", 3,
                RightSets.DIRECTORY_BASE & ~Rights.PATH_CREATE_DIRECTORY, RightSets.DIRECTORY_INHERITING));
        assertEquals(Errno.ENOTCAPABLE, h.path("path_create_directory", 3, "x"));
        assertFalse(Files.exists(root.resolve("x")));
    }

    @Test
    void pathRemoveDirectory_removesEmptyOnes() {
        assertEquals(Errno.SUCCESS, h.path("path_remove_directory", 3, "empty"));
        assertFalse(Files.exists(root.resolve("empty")));
        assertEquals(Errno.SUCCESS, h.path("path_remove_directory", 3, "d/sub/"));
        assertFalse(Files.exists(root.resolve("d/sub")));
    }

    @Test
    void pathRemoveDirectory_errors() {
        assertEquals(Errno.ENOTEMPTY, h.path("path_remove_directory", 3, "d"));
        assertEquals(Errno.ENOTDIR, h.path("path_remove_directory", 3, "f"));
        assertEquals(Errno.ENOTDIR, h.path("path_remove_directory", 3, "ld")); // a link to a directory
        assertEquals(Errno.ENOENT, h.path("path_remove_directory", 3, "missing"));
        assertEquals(Errno.EINVAL, h.path("path_remove_directory", 3, "empty/."));
        assertEquals(Errno.EINVAL, h.path("path_remove_directory", 3, "."));
        assertEquals(Errno.EBUSY, h.path("path_remove_directory", 3, "d/.."));
        assertEquals(Errno.ENOTEMPTY, h.path("path_remove_directory", 3, "d/sub/.."));
        assertTrue(Files.isDirectory(root.resolve("d")));
        assertTrue(Files.isDirectory(root.resolve("empty")));
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_set_rights", 3,
                RightSets.DIRECTORY_BASE & ~Rights.PATH_REMOVE_DIRECTORY, RightSets.DIRECTORY_INHERITING));
        assertEquals(Errno.ENOTCAPABLE, h.path("path_remove_directory", 3, "empty"));
    }

    @Test
    void pathUnlinkFile_removesFilesAndLinks() {
        assertEquals(Errno.SUCCESS, h.path("path_unlink_file", 3, "lf"));
        assertFalse(Files.exists(root.resolve("lf"), LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(root.resolve("f")));
        assertEquals(Errno.SUCCESS, h.path("path_unlink_file", 3, "ld"));
        assertTrue(Files.isDirectory(root.resolve("d")));
        assertEquals(Errno.SUCCESS, h.path("path_unlink_file", 3, "f"));
        assertFalse(Files.exists(root.resolve("f")));
    }

    @Test
    void pathUnlinkFile_errors() {
        assertEquals(Errno.EISDIR, h.path("path_unlink_file", 3, "d"));
        assertEquals(Errno.EISDIR, h.path("path_unlink_file", 3, "."));
        assertEquals(Errno.ENOTDIR, h.path("path_unlink_file", 3, "f/"));
        assertEquals(Errno.ENOENT, h.path("path_unlink_file", 3, "missing"));
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_set_rights", 3,
                RightSets.DIRECTORY_BASE & ~Rights.PATH_UNLINK_FILE, RightSets.DIRECTORY_INHERITING));
        assertEquals(Errno.ENOTCAPABLE, h.path("path_unlink_file", 3, "f"));
        assertTrue(Files.exists(root.resolve("f")));
    }

    @Test
    void pathRename_movesAndReplaces() throws Exception {
        assertEquals(Errno.SUCCESS, two("path_rename", "f", "d/g"));
        assertEquals("data", Files.readString(root.resolve("d/g")));
        Files.writeString(root.resolve("other"), "other");
        assertEquals(Errno.SUCCESS, two("path_rename", "other", "d/g"));
        assertEquals("other", Files.readString(root.resolve("d/g")));
        assertEquals(Errno.SUCCESS, two("path_rename", "d/sub", "empty")); // onto an empty directory
        assertTrue(Files.isDirectory(root.resolve("empty")));
        assertFalse(Files.exists(root.resolve("d/sub")));
        assertEquals(Errno.SUCCESS, two("path_rename", "lf", "lf2")); // the link itself
        assertTrue(Files.isSymbolicLink(root.resolve("lf2")));
        assertEquals(Errno.SUCCESS, two("path_rename", "d/g", "d/g")); // onto itself
        assertEquals("other", Files.readString(root.resolve("d/g")));
    }

    @Test
    void pathRename_errors() throws Exception {
        Files.writeString(root.resolve("d/sub/x"), "x");
        assertEquals(Errno.ENOENT, two("path_rename", "missing", "x"));
        assertEquals(Errno.EISDIR, two("path_rename", "f", "d"));
        assertEquals(Errno.ENOTDIR, two("path_rename", "empty", "f"));
        assertEquals(Errno.ENOTEMPTY, two("path_rename", "empty", "d"));
        assertEquals(Errno.EINVAL, two("path_rename", "d", "d/sub/inside"));
        assertEquals(Errno.EBUSY, two("path_rename", ".", "x"));
        assertEquals(Errno.EBUSY, two("path_rename", "f", "d/.."));
        assertEquals(Errno.ENOENT, two("path_rename", "f", "missing/x"));
        assertEquals(Errno.ENOTDIR, two("path_rename", "f", "g/"));
        assertEquals("data", Files.readString(root.resolve("f")));
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_set_rights", 3,
                RightSets.DIRECTORY_BASE & ~Rights.PATH_RENAME_TARGET, RightSets.DIRECTORY_INHERITING));
        assertEquals(Errno.ENOTCAPABLE, two("path_rename", "f", "g"));
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_set_rights", 3,
                RightSets.DIRECTORY_BASE & ~(Rights.PATH_RENAME_TARGET | Rights.PATH_RENAME_SOURCE),
                RightSets.DIRECTORY_INHERITING));
        assertEquals(Errno.ENOTCAPABLE, two("path_rename", "f", "g"));
    }

    @Test
    void pathLink_makesHardLinks() throws Exception {
        assertEquals(Errno.SUCCESS, link(0, "f", "hard"));
        assertEquals("data", Files.readString(root.resolve("hard")));
        assertEquals(2, ((Number) Files.getAttribute(root.resolve("f"), "unix:nlink")).intValue());
        assertEquals(Errno.SUCCESS, link(0, "lf", "hardlink")); // to the link itself
        assertTrue(Files.isSymbolicLink(root.resolve("hardlink")));
        assertEquals(Errno.SUCCESS, link(FOLLOW, "lf", "hardfile")); // to its target
        assertFalse(Files.isSymbolicLink(root.resolve("hardfile")));
        assertEquals(3, ((Number) Files.getAttribute(root.resolve("f"), "unix:nlink")).intValue());
    }

    @Test
    void pathLink_errors() {
        assertEquals(Errno.EEXIST, link(0, "f", "d"));
        assertEquals(Errno.EEXIST, link(0, "f", "lf"));
        assertEquals(Errno.ENOENT, link(0, "missing", "x"));
        assertEquals(Errno.EPERM, link(0, "d", "x"));
        assertEquals(Errno.EINVAL, link(2, "f", "x"));
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_set_rights", 3,
                RightSets.DIRECTORY_BASE & ~Rights.PATH_LINK_SOURCE, RightSets.DIRECTORY_INHERITING));
        assertEquals(Errno.ENOTCAPABLE, link(0, "f", "x"));
        assertFalse(Files.exists(root.resolve("x")));
    }

    @Test
    void pathSymlink_andReadlink() throws Exception {
        assertEquals(Errno.SUCCESS, symlink("d/sub", "s"));
        assertEquals(Path.of("d/sub"), Files.readSymbolicLink(root.resolve("s")));
        assertEquals(Errno.SUCCESS, symlink("nowhere", "dangling"));
        int len = h.put(WasiHarness.PATH, "s");
        assertEquals(Errno.SUCCESS, h.call("path_readlink", 3, WasiHarness.PATH, len, 1000, 100, 0));
        assertEquals(5, h.i32(0));
        assertEquals("d/sub", h.string(1000, 5));
        h.memory.writeByte(1003, (byte) '#');
        assertEquals(Errno.SUCCESS, h.call("path_readlink", 3, WasiHarness.PATH, len, 1000, 3, 0));
        assertEquals(3, h.i32(0)); // truncated
        assertEquals("d/s#", h.string(1000, 4));
    }

    @Test
    void pathSymlink_andReadlink_errors() {
        assertEquals(Errno.EEXIST, symlink("x", "f"));
        assertEquals(Errno.EEXIST, symlink("x", "lf"));
        assertEquals(Errno.ENOENT, symlink("", "x"));
        assertEquals(Errno.ENOENT, symlink("x", "missing/x"));
        int len = h.put(WasiHarness.PATH, "f");
        assertEquals(Errno.EINVAL, h.call("path_readlink", 3, WasiHarness.PATH, len, 1000, 100, 0));
        len = h.put(WasiHarness.PATH, "missing");
        assertEquals(Errno.ENOENT, h.call("path_readlink", 3, WasiHarness.PATH, len, 1000, 100, 0));
        len = h.put(WasiHarness.PATH, "lf");
        assertEquals(Errno.EFAULT, h.call("path_readlink", 3, WasiHarness.PATH, len, h.memory.byteSize() - 1, 100, 0));
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_set_rights", 3,
                RightSets.DIRECTORY_BASE & ~(Rights.PATH_SYMLINK | Rights.PATH_READLINK), RightSets.DIRECTORY_INHERITING));
        assertEquals(Errno.ENOTCAPABLE, symlink("x", "y"));
        assertEquals(Errno.ENOTCAPABLE, h.call("path_readlink", 3, WasiHarness.PATH, len, 1000, 100, 0));
    }

    @Test
    void pathFilestatGet_followsOnlyWithTheFlag() throws Exception {
        assertEquals(Errno.SUCCESS, stat(0, "lf"));
        assertEquals(FileType.SYMBOLIC_LINK, h.u8(64 + 16));
        assertEquals(Errno.SUCCESS, stat(FOLLOW, "lf"));
        assertEquals(FileType.REGULAR_FILE, h.u8(64 + 16));
        assertEquals(4, h.i64(64 + 32));
        assertEquals(Files.getAttribute(root.resolve("f"), "unix:ino"), h.i64(64 + 8));
        assertEquals(Errno.SUCCESS, stat(0, "d"));
        assertEquals(FileType.DIRECTORY, h.u8(64 + 16));
        assertEquals(Errno.SUCCESS, stat(0, "."));
        assertEquals(Files.getAttribute(root, "unix:ino"), h.i64(64 + 8));
    }

    @Test
    void pathFilestatGet_errors() {
        assertEquals(Errno.ENOENT, stat(0, "missing"));
        assertEquals(Errno.ENOTDIR, stat(0, "f/"));
        assertEquals(Errno.EINVAL, stat(4, "f"));
        int len = h.put(WasiHarness.PATH, "f");
        assertEquals(Errno.EFAULT, h.call("path_filestat_get", 3, 0, WasiHarness.PATH, len, h.memory.byteSize() - 8));
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_set_rights", 3,
                RightSets.DIRECTORY_BASE & ~Rights.PATH_FILESTAT_GET, RightSets.DIRECTORY_INHERITING));
        assertEquals(Errno.ENOTCAPABLE, stat(0, "f"));
    }

    @Test
    void pathFilestatSetTimes_ofTheFileOrTheLink() throws Exception {
        long t = 1_234_567_890_000_000_000L;
        int len = h.put(WasiHarness.PATH, "lf");
        assertEquals(Errno.SUCCESS, h.call("path_filestat_set_times", 3, FOLLOW, WasiHarness.PATH, len, t, t,
                FstFlags.ATIM | FstFlags.MTIM));
        assertEquals(t, Files.getLastModifiedTime(root.resolve("f")).to(TimeUnit.NANOSECONDS));
        assertEquals(Errno.SUCCESS, h.call("path_filestat_set_times", 3, 0, WasiHarness.PATH, len, 0, t + 5000,
                FstFlags.MTIM));
        BasicFileAttributes link = Files.readAttributes(root.resolve("lf"), BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        assertEquals(t + 5000, link.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        assertEquals(t, Files.getLastModifiedTime(root.resolve("f")).to(TimeUnit.NANOSECONDS));
    }

    @Test
    void pathFilestatSetTimes_errors() {
        int len = h.put(WasiHarness.PATH, "f");
        assertEquals(Errno.EINVAL, h.call("path_filestat_set_times", 3, 0, WasiHarness.PATH, len, 0, 0,
                FstFlags.ATIM | FstFlags.ATIM_NOW));
        len = h.put(WasiHarness.PATH, "missing");
        assertEquals(Errno.ENOENT, h.call("path_filestat_set_times", 3, 0, WasiHarness.PATH, len, 0, 0, FstFlags.MTIM_NOW));
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_set_rights", 3,
                RightSets.DIRECTORY_BASE & ~Rights.PATH_FILESTAT_SET_TIMES, RightSets.DIRECTORY_INHERITING));
        len = h.put(WasiHarness.PATH, "f");
        assertEquals(Errno.ENOTCAPABLE, h.call("path_filestat_set_times", 3, 0, WasiHarness.PATH, len, 0, 0,
                FstFlags.MTIM_NOW));
    }
}
