package dev.robusta.wasi.internal.preview1;

import static dev.robusta.wasi.internal.abi.OFlags.CREAT;
import static dev.robusta.wasi.internal.abi.OFlags.DIRECTORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.wasi.Wasi;
import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.abi.FstFlags;
import dev.robusta.wasi.internal.abi.LookupFlags;
import dev.robusta.wasi.internal.abi.Rights;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every way out of a preopen that we know of is refused, and after each test nothing outside the preopen
 * was created, removed or changed (contents, sizes, times), and the guest got none of its data.
 *
 * <pre>
 * tmp/outside/secret.txt, outside/dir/, outside/f.txt
 * tmp/sandbox/            (the preopen, fd 3)
 *   file.txt, sub/, sub/f.txt
 *   up     -> ../outside          abs  -> /.../outside (absolute)
 *   subup  -> sub/../../outside/secret.txt
 *   sub/deep -> ../../outside     sub/back -> ../file.txt (stays inside)
 *   dangleout -> ../outside/created.txt (does not exist)
 *   loop1 -> loop2, loop2 -> loop1
 * </pre>
 */
class SandboxTest {
    static final long RW = Rights.FD_READ | Rights.FD_WRITE | Rights.FD_SEEK | Rights.FD_FILESTAT_GET
            | Rights.FD_FILESTAT_SET_TIMES;
    static final int FOLLOW = LookupFlags.SYMLINK_FOLLOW;
    /** The content of the files outside; never in a path, so finding it in memory means it was read. */
    static final String MARKER = "TOP-SECRET-CONTENT";

    @TempDir
    Path tmp;
    Path sandbox;
    Path outside;
    Map<String, String> before;
    WasiHarness h;

    @BeforeEach
    void setUp() throws Exception {
        outside = Files.createDirectory(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), MARKER);
        Files.writeString(outside.resolve("f.txt"), MARKER + "f");
        Files.createDirectory(outside.resolve("dir"));
        Files.setLastModifiedTime(outside.resolve("secret.txt"), FileTime.fromMillis(1_000_000_000_000L));
        Files.setLastModifiedTime(outside.resolve("f.txt"), FileTime.fromMillis(1_000_000_000_000L));
        sandbox = Files.createDirectory(tmp.resolve("sandbox"));
        Files.writeString(sandbox.resolve("file.txt"), "inside");
        Files.createDirectory(sandbox.resolve("sub"));
        Files.writeString(sandbox.resolve("sub/f.txt"), "inside f");
        Files.createSymbolicLink(sandbox.resolve("up"), Path.of("../outside"));
        Files.createSymbolicLink(sandbox.resolve("abs"), outside.toAbsolutePath());
        Files.createSymbolicLink(sandbox.resolve("subup"), Path.of("sub/../../outside/secret.txt"));
        Files.createSymbolicLink(sandbox.resolve("sub/deep"), Path.of("../../outside"));
        Files.createSymbolicLink(sandbox.resolve("sub/back"), Path.of("../file.txt"));
        Files.createSymbolicLink(sandbox.resolve("dangleout"), Path.of("../outside/created.txt"));
        Files.createSymbolicLink(sandbox.resolve("loop1"), Path.of("loop2"));
        Files.createSymbolicLink(sandbox.resolve("loop2"), Path.of("loop1"));
        before = snapshot(tmp, outside);
        h = WasiHarness.of(Wasi.builder().preopen("/sandbox", sandbox));
    }

    @AfterEach
    void nothingOutsideChanged() throws IOException {
        assertEquals(before, snapshot(tmp, outside));
        assertFalse(h.memoryContains(MARKER), "the guest saw outside data");
    }

    @Test
    void dotDot_cannotClimbAboveThePreopen() {
        assertEquals(Errno.ENOTCAPABLE, h.pathOpen(3, FOLLOW, "../outside/secret.txt", 0, RW, RW, 0));
        assertEquals(Errno.ENOTCAPABLE, h.pathOpen(3, FOLLOW, "sub/../../outside/secret.txt", 0, RW, RW, 0));
        assertEquals(Errno.ENOTCAPABLE, h.pathOpen(3, FOLLOW, "..", DIRECTORY, 0, 0, 0));
        assertEquals(Errno.ENOTCAPABLE, h.pathOpen(3, FOLLOW, "./sub/./../..", DIRECTORY, 0, 0, 0));
        assertEquals(Errno.ENOTCAPABLE, h.pathOpen(3, FOLLOW, "../sandbox/file.txt", 0, RW, RW, 0));
        // inside is fine
        assertEquals(Errno.SUCCESS, h.pathOpen(3, FOLLOW, "sub/../file.txt", 0, RW, RW, 0));
        assertEquals("inside", h.read(h.i32(0), 10));
    }

    @Test
    void relativePreopenPaths_workTheSame() {
        Path relative = Path.of("").toAbsolutePath().relativize(sandbox.toAbsolutePath());
        WasiHarness r = WasiHarness.of(Wasi.builder().preopen("/sandbox", relative));
        assertEquals(Errno.SUCCESS, r.pathOpen(3, FOLLOW, "sub/../sub/f.txt", 0, RW, RW, 0));
        assertEquals("inside f", r.read(r.i32(0), 100));
        assertEquals(Errno.ENOTCAPABLE, r.pathOpen(3, FOLLOW, "sub/../../outside/secret.txt", 0, RW, RW, 0));
        assertEquals(Errno.ENOTCAPABLE, r.pathOpen(3, FOLLOW, "up/secret.txt", 0, RW, RW, 0));
    }

    @Test
    void absolutePaths_areRefused() {
        assertEquals(Errno.ENOTCAPABLE, h.pathOpen(3, FOLLOW, outside.resolve("secret.txt").toString(), 0, RW, RW, 0));
        assertEquals(Errno.ENOTCAPABLE, h.pathOpen(3, FOLLOW, "/sandbox/file.txt", 0, RW, RW, 0));
        assertEquals(Errno.ENOTCAPABLE, h.pathOpen(3, FOLLOW, "/", DIRECTORY, 0, 0, 0));
        assertEquals(Errno.ENOTCAPABLE, h.path("path_create_directory", 3, tmp.resolve("new").toString()));
    }

    @Test
    void symlinks_areFollowedOnlyWhileTheyStayInside() {
        assertEquals(Errno.ENOTCAPABLE, h.pathOpen(3, FOLLOW, "up/secret.txt", 0, RW, RW, 0));
        assertEquals(Errno.ENOTCAPABLE, h.pathOpen(3, FOLLOW, "up", DIRECTORY, 0, 0, 0));
        assertEquals(Errno.ENOTCAPABLE, h.pathOpen(3, FOLLOW, "abs/secret.txt", 0, RW, RW, 0));
        assertEquals(Errno.ENOTCAPABLE, h.pathOpen(3, FOLLOW, "subup", 0, RW, RW, 0));
        assertEquals(Errno.ENOTCAPABLE, h.pathOpen(3, FOLLOW, "sub/deep/secret.txt", 0, RW, RW, 0));
        assertEquals(Errno.ENOTCAPABLE, h.pathOpen(3, 0, "up/secret.txt", 0, RW, RW, 0));
        assertEquals(Errno.ELOOP, h.pathOpen(3, FOLLOW, "loop1", 0, RW, RW, 0));
        assertEquals(Errno.ELOOP, h.pathOpen(3, 0, "loop1/x", 0, RW, RW, 0));
        assertEquals(Errno.SUCCESS, h.pathOpen(3, FOLLOW, "sub/back", 0, RW, RW, 0));
        assertEquals("inside", h.read(h.i32(0), 10));
    }

    @Test
    void creating_throughEscapesIsRefused() {
        assertEquals(Errno.ENOTCAPABLE, h.pathOpen(3, FOLLOW, "../outside/new.txt", CREAT, RW, RW, 0));
        assertEquals(Errno.ENOTCAPABLE, h.pathOpen(3, FOLLOW, "up/new.txt", CREAT, RW, RW, 0));
        assertEquals(Errno.ENOTCAPABLE, h.pathOpen(3, FOLLOW, "sub/deep/new.txt", CREAT, RW, RW, 0));
        assertEquals(Errno.ENOTCAPABLE, h.path("path_create_directory", 3, "../outside/newdir"));
        assertEquals(Errno.ENOTCAPABLE, h.path("path_create_directory", 3, "up/newdir"));
        assertEquals(Errno.ENOTCAPABLE, h.path("path_create_directory", 3, "abs/newdir"));
        // creating through a dangling link that points out
        assertEquals(Errno.ENOTCAPABLE, h.pathOpen(3, FOLLOW, "dangleout", CREAT, RW, RW, 0));
        // without following, the link itself is there: nothing is created
        assertEquals(Errno.ELOOP, h.pathOpen(3, 0, "dangleout", CREAT, RW, RW, 0));
    }

    @Test
    void replacingALinkThatPointsOut_changesOnlyTheLink() throws Exception {
        assertEquals(Errno.SUCCESS, twoPaths("path_rename", "file.txt", "up"));
        assertEquals("inside", Files.readString(sandbox.resolve("up")));
        assertEquals(Errno.ENOTCAPABLE, h.path("path_unlink_file", 3, "abs/"));
        assertEquals(Errno.SUCCESS, h.path("path_unlink_file", 3, "abs"));
    }

    @Test
    void removing_throughEscapesIsRefused() {
        assertEquals(Errno.ENOTCAPABLE, h.path("path_unlink_file", 3, "../outside/secret.txt"));
        assertEquals(Errno.ENOTCAPABLE, h.path("path_unlink_file", 3, "up/secret.txt"));
        assertEquals(Errno.ENOTCAPABLE, h.path("path_unlink_file", 3, "sub/deep/secret.txt"));
        assertEquals(Errno.ENOTCAPABLE, h.path("path_remove_directory", 3, "up/dir"));
        assertEquals(Errno.ENOTCAPABLE, h.path("path_remove_directory", 3, "../outside/dir"));
        assertEquals(Errno.ENOTCAPABLE, h.path("path_remove_directory", 3, ".."));
        // unlinking the link itself is inside and allowed
        assertEquals(Errno.SUCCESS, h.path("path_unlink_file", 3, "up"));
        assertFalse(Files.exists(sandbox.resolve("up"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void renaming_andLinking_throughEscapesIsRefused() {
        assertEquals(Errno.ENOTCAPABLE, twoPaths("path_rename", "file.txt", "../outside/x"));
        assertEquals(Errno.ENOTCAPABLE, twoPaths("path_rename", "up/secret.txt", "stolen"));
        assertEquals(Errno.ENOTCAPABLE, twoPaths("path_rename", "file.txt", "up/x"));
        assertEquals(Errno.ENOTCAPABLE, linkPaths(FOLLOW, "up/secret.txt", "hard"));
        assertEquals(Errno.ENOTCAPABLE, linkPaths(FOLLOW, "subup", "hard"));
        assertEquals(Errno.ENOTCAPABLE, linkPaths(0, "file.txt", "../outside/hard"));
        assertTrue(Files.exists(sandbox.resolve("file.txt")));
        assertFalse(Files.exists(sandbox.resolve("stolen")));
        assertFalse(Files.exists(sandbox.resolve("hard")));
    }

    @Test
    void symlinkCreation_withAbsoluteTargetsOrOutsideIsRefused() {
        assertEquals(Errno.ENOTCAPABLE, symlink(outside.resolve("secret.txt").toString(), "s"));
        assertEquals(Errno.ENOTCAPABLE, symlink("x", "../outside/s"));
        assertEquals(Errno.ENOTCAPABLE, symlink("x", "up/s"));
        assertFalse(Files.exists(sandbox.resolve("s"), LinkOption.NOFOLLOW_LINKS));
        // a relative link that points out can be made, but never followed
        assertEquals(Errno.SUCCESS, symlink("../outside/secret.txt", "s"));
        assertEquals(Errno.ENOTCAPABLE, h.pathOpen(3, FOLLOW, "s", 0, RW, RW, 0));
    }

    @Test
    void stat_andTimes_throughEscapesAreRefused() {
        assertEquals(Errno.ENOTCAPABLE, statPath(FOLLOW, "up"));
        assertEquals(Errno.ENOTCAPABLE, statPath(0, "up/secret.txt"));
        assertEquals(Errno.ENOTCAPABLE, statPath(FOLLOW, "subup"));
        assertEquals(Errno.SUCCESS, statPath(0, "up")); // the link itself is inside
        int len = h.put(WasiHarness.PATH, "up/secret.txt");
        assertEquals(Errno.ENOTCAPABLE, h.call("path_filestat_set_times", 3, FOLLOW, WasiHarness.PATH, len,
                5, 5, FstFlags.ATIM | FstFlags.MTIM));
        len = h.put(WasiHarness.PATH, "subup");
        assertEquals(Errno.ENOTCAPABLE, h.call("path_filestat_set_times", 3, FOLLOW, WasiHarness.PATH, len,
                5, 5, FstFlags.ATIM | FstFlags.MTIM));
    }

    @Test
    void directoryDescriptors_areTheirOwnBoundary() {
        assertEquals(Errno.SUCCESS, h.pathOpen(3, FOLLOW, "sub", DIRECTORY, Rights.PATH_OPEN, RW, 0));
        int sub = h.i32(0);
        assertEquals(Errno.ENOTCAPABLE, h.pathOpen(sub, FOLLOW, "../file.txt", 0, RW, RW, 0));
        assertEquals(Errno.ENOTCAPABLE, h.pathOpen(sub, FOLLOW, "back", 0, RW, RW, 0));
        assertEquals(Errno.ENOTCAPABLE, h.pathOpen(sub, FOLLOW, "deep/secret.txt", 0, RW, RW, 0));
        assertEquals(Errno.SUCCESS, h.pathOpen(sub, FOLLOW, "f.txt", 0, RW, RW, 0));
    }

    @Test
    void swappingAnOpenDirectoryForALink_doesNotLeadOut() throws Exception {
        int sub = h.pathOpen(3, FOLLOW, "sub", DIRECTORY, Rights.PATH_OPEN | Rights.FD_READDIR
                | Rights.FD_FILESTAT_GET | Rights.FD_FILESTAT_SET_TIMES, RW, 0) == Errno.SUCCESS ? h.i32(0) : -1;
        int file = h.open(3, "sub/f.txt", 0, RW, 0);
        assertEquals(Errno.SUCCESS, twoPaths("path_rename", "sub", "sub2"));
        assertEquals(Errno.SUCCESS, symlink("../outside", "sub"));
        // the directory descriptor no longer reaches anything
        assertEquals(Errno.ENOTCAPABLE, h.pathOpen(sub, FOLLOW, "secret.txt", 0, RW, RW, 0));
        assertEquals(Errno.ENOTCAPABLE, h.call("fd_readdir", sub, WasiHarness.BUF, 4096, 0, 0));
        assertEquals(Errno.ENOTCAPABLE, h.call("fd_filestat_get", sub, 64));
        assertEquals(Errno.ENOTCAPABLE, h.call("fd_filestat_set_times", sub, 5, 5, FstFlags.ATIM | FstFlags.MTIM));
        // the file descriptor's metadata calls do not reach outside/f.txt
        assertEquals(Errno.ENOTCAPABLE, h.call("fd_filestat_set_times", file, 5, 5, FstFlags.ATIM | FstFlags.MTIM));
        assertEquals(Errno.SUCCESS, h.call("fd_filestat_get", file, 64));
        assertEquals(8, h.i64(64 + 32)); // the size of the open file, not of outside/f.txt
        assertEquals("inside f", h.read(file, 100));
    }

    @Test
    void readlink_readsOnlyLinksInside() {
        int len = h.put(WasiHarness.PATH, "up/secret.txt");
        assertEquals(Errno.ENOTCAPABLE, h.call("path_readlink", 3, WasiHarness.PATH, len, WasiHarness.BUF, 100, 0));
        len = h.put(WasiHarness.PATH, "up");
        assertEquals(Errno.SUCCESS, h.call("path_readlink", 3, WasiHarness.PATH, len, WasiHarness.BUF, 100, 0));
        assertEquals("../outside", h.string(WasiHarness.BUF, h.i32(0)));
    }

    @Test
    void nul_inPaths_isEINVAL() {
        assertEquals(Errno.EINVAL, h.pathOpen(3, FOLLOW, "file.txt\0/../../outside/secret.txt", 0, RW, RW, 0));
        assertEquals(Errno.EINVAL, h.path("path_create_directory", 3, "x\0y"));
        assertEquals(Errno.EINVAL, symlink("a\0b", "s"));
    }

    // ---- helpers

    private Errno twoPaths(String function, String from, String to) {
        int l1 = h.put(WasiHarness.PATH, from);
        int l2 = h.put(WasiHarness.PATH2, to);
        return h.call(function, 3, WasiHarness.PATH, l1, 3, WasiHarness.PATH2, l2);
    }

    private Errno linkPaths(int flags, String from, String to) {
        int l1 = h.put(WasiHarness.PATH, from);
        int l2 = h.put(WasiHarness.PATH2, to);
        return h.call("path_link", 3, flags, WasiHarness.PATH, l1, 3, WasiHarness.PATH2, l2);
    }

    private Errno symlink(String target, String name) {
        int l1 = h.put(WasiHarness.PATH, target);
        int l2 = h.put(WasiHarness.PATH2, name);
        return h.call("path_symlink", WasiHarness.PATH, l1, 3, WasiHarness.PATH2, l2);
    }

    private Errno statPath(int flags, String path) {
        int len = h.put(WasiHarness.PATH, path);
        return h.call("path_filestat_get", 3, flags, WasiHarness.PATH, len, 64);
    }

    /** Names, types, sizes, modification times and contents of everything in {@code outside}, and tmp's names. */
    static Map<String, String> snapshot(Path tmp, Path outside) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> top = Files.list(tmp)) {
            top.forEach(p -> out.put("tmp/" + p.getFileName(), "present"));
        }
        try (Stream<Path> all = Files.walk(outside)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String content = a.isRegularFile() ? Arrays.toString(Files.readAllBytes(p)) : "";
                out.put(outside.relativize(p).toString(), (a.isDirectory() ? "d" : a.isSymbolicLink() ? "l" : "f")
                        + " size=" + (a.isDirectory() ? "-" : a.size()) + " mtime=" + a.lastModifiedTime() + " " + content);
            }
        }
        return out;
    }
}
