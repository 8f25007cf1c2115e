package dev.robusta.wasi.internal.preview1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.wasi.Wasi;
import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.abi.FdFlags;
import dev.robusta.wasi.internal.abi.FileType;
import dev.robusta.wasi.internal.abi.FstFlags;
import dev.robusta.wasi.internal.abi.RightSets;
import dev.robusta.wasi.internal.abi.Rights;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

/** fd_fdstat_*, fd_filestat_*, fd_prestat_*. */
class FdStatTest {
    static final long FILE = RightSets.REGULAR_FILE_BASE;

    @TempDir
    Path root;
    WasiHarness h;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(root.resolve("f"), "0123456789");
        Files.createDirectory(root.resolve("d"));
        h = WasiHarness.of(Wasi.builder().preopen("/sandbox", root).preopen("é", root.resolve("d"), true));
    }

    @Test
    void fdFdstatGet_describesEachKindOfDescriptor() {
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_get", 0, 64));
        assertEquals(FileType.CHARACTER_DEVICE, h.u8(64));
        assertEquals(RightSets.STDIN, h.i64(72));
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_get", 1, 64));
        assertEquals(RightSets.STDOUT, h.i64(72));
        assertEquals(0, h.i64(72) & (Rights.FD_SEEK | Rights.FD_TELL)); // libc's isatty() needs this
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_get", 3, 64));
        assertEquals(FileType.DIRECTORY, h.u8(64));
        assertEquals(0, h.u16(66));
        assertEquals(RightSets.DIRECTORY_BASE, h.i64(72));
        assertEquals(RightSets.DIRECTORY_INHERITING, h.i64(80));
        int fd = h.open(3, "f", 0, FILE, FdFlags.APPEND);
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_get", fd, 64));
        assertEquals(FileType.REGULAR_FILE, h.u8(64));
        assertEquals(FdFlags.APPEND, h.u16(66));
        assertEquals(FILE, h.i64(72));
    }

    @Test
    void fdFdstatGet_errors() {
        assertEquals(Errno.EBADF, h.call("fd_fdstat_get", 99, 64));
        assertEquals(Errno.EFAULT, h.call("fd_fdstat_get", 1, h.memory.byteSize() - 8));
    }

    @Test
    void fdFdstatSetFlags_replacesTheFlags() throws Exception {
        int fd = h.open(3, "f", 0, FILE, 0);
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_set_flags", fd, FdFlags.APPEND));
        assertEquals(Errno.SUCCESS, h.write(fd, "A"));
        assertEquals("0123456789A", Files.readString(root.resolve("f")));
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_set_flags", fd, 0));
        assertEquals(Errno.SUCCESS, h.call("fd_seek", fd, 0, 0, 0));
        assertEquals(Errno.SUCCESS, h.write(fd, "B"));
        assertEquals("B123456789A", Files.readString(root.resolve("f")));
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_get", fd, 64));
        assertEquals(0, h.u16(66));
    }

    @Test
    void fdFdstatSetFlags_errors() {
        assertEquals(Errno.EINVAL, h.call("fd_fdstat_set_flags", 1, 0x20));
        assertEquals(Errno.EBADF, h.call("fd_fdstat_set_flags", 99, 0));
        int fd = h.open(3, "f", 0, Rights.FD_READ, 0);
        assertEquals(Errno.ENOTCAPABLE, h.call("fd_fdstat_set_flags", fd, FdFlags.APPEND));
    }

    @Test
    void fdFdstatSetRights_onlyDrops() {
        int fd = h.open(3, "f", 0, Rights.FD_READ | Rights.FD_WRITE, 0);
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_set_rights", fd, Rights.FD_READ, 0));
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_get", fd, 64));
        assertEquals(Rights.FD_READ, h.i64(72));
        assertEquals(0, h.i64(80));
        assertEquals(Errno.ENOTCAPABLE, h.write(fd, "x"));
        assertEquals(Errno.ENOTCAPABLE, h.call("fd_fdstat_set_rights", fd, Rights.FD_READ | Rights.FD_WRITE, 0));
        assertEquals(Errno.ENOTCAPABLE, h.call("fd_fdstat_set_rights", fd, Rights.FD_READ, Rights.FD_READ));
        assertEquals(Errno.EBADF, h.call("fd_fdstat_set_rights", 99, 0, 0));
    }

    @Test
    void fdFilestatGet_ofAFileADirectoryAndStdio() throws Exception {
        int fd = h.open(3, "f", 0, FILE, 0);
        assertEquals(Errno.SUCCESS, h.call("fd_filestat_get", fd, 64));
        BasicFileAttributes a = Files.readAttributes(root.resolve("f"), BasicFileAttributes.class);
        assertEquals(Files.getAttribute(root.resolve("f"), "unix:dev"), h.i64(64));
        assertEquals(Files.getAttribute(root.resolve("f"), "unix:ino"), h.i64(72));
        assertEquals(FileType.REGULAR_FILE, h.u8(80));
        assertEquals(1, h.i64(88));
        assertEquals(10, h.i64(96));
        assertEquals(a.lastModifiedTime().to(TimeUnit.NANOSECONDS), h.i64(112));
        assertEquals(Errno.SUCCESS, h.call("fd_filestat_get", 3, 64));
        assertEquals(FileType.DIRECTORY, h.u8(80));
        assertEquals(Files.getAttribute(root, "unix:ino"), h.i64(72));
        assertEquals(Errno.SUCCESS, h.call("fd_filestat_get", 1, 64));
        assertEquals(FileType.CHARACTER_DEVICE, h.u8(80));
    }

    @Test
    void fdFilestatGet_errors() {
        assertEquals(Errno.EBADF, h.call("fd_filestat_get", 99, 64));
        assertEquals(Errno.EFAULT, h.call("fd_filestat_get", 3, h.memory.byteSize() - 63));
        int fd = h.open(3, "f", 0, Rights.FD_READ, 0);
        assertEquals(Errno.ENOTCAPABLE, h.call("fd_filestat_get", fd, 64));
    }

    @Test
    void fdFilestatSetSize_truncatesAndExtends() throws Exception {
        int fd = h.open(3, "f", 0, FILE, 0);
        assertEquals(Errno.SUCCESS, h.call("fd_filestat_set_size", fd, 4));
        assertEquals("0123", Files.readString(root.resolve("f")));
        assertEquals(Errno.SUCCESS, h.call("fd_filestat_set_size", fd, 6));
        assertEquals("0123\0\0", Files.readString(root.resolve("f")));
        assertEquals(Errno.SUCCESS, h.call("fd_tell", fd, 0));
        assertEquals(0, h.i64(0));
    }

    @Test
    void fdFilestatSetSize_errors() {
        int fd = h.open(3, "f", 0, FILE, 0);
        assertEquals(Errno.EINVAL, h.call("fd_filestat_set_size", fd, -1));
        assertEquals(Errno.ENOTCAPABLE, h.call("fd_filestat_set_size", 3, 0)); // a directory has no such right
        assertEquals(Errno.ENOTCAPABLE, h.call("fd_filestat_set_size", 1, 0));
        assertEquals(Errno.EBADF, h.call("fd_filestat_set_size", 99, 0));
    }

    @Test
    void fdFilestatSetTimes_setsGivenOrCurrentTimes() throws Exception {
        int fd = h.open(3, "f", 0, FILE, 0);
        long t = 1_500_000_000_123_456_000L;
        assertEquals(Errno.SUCCESS, h.call("fd_filestat_set_times", fd, t, t + 1000, FstFlags.ATIM | FstFlags.MTIM));
        BasicFileAttributes a = Files.readAttributes(root.resolve("f"), BasicFileAttributes.class);
        assertEquals(t, a.lastAccessTime().to(TimeUnit.NANOSECONDS));
        assertEquals(t + 1000, a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        long before = System.currentTimeMillis();
        assertEquals(Errno.SUCCESS, h.call("fd_filestat_set_times", fd, 0, 0, FstFlags.MTIM_NOW));
        a = Files.readAttributes(root.resolve("f"), BasicFileAttributes.class);
        assertEquals(t, a.lastAccessTime().to(TimeUnit.NANOSECONDS)); // unchanged
        assertTrue(a.lastModifiedTime().toMillis() >= before - 1000, a.lastModifiedTime().toString());
        assertEquals(Errno.SUCCESS, h.call("fd_filestat_set_times", 3, t, t, FstFlags.ATIM | FstFlags.MTIM));
        assertEquals(FileTime.from(t, TimeUnit.NANOSECONDS), Files.getLastModifiedTime(root));
    }

    @Test
    void fdFilestatSetTimes_errors() {
        int fd = h.open(3, "f", 0, FILE, 0);
        assertEquals(Errno.EINVAL, h.call("fd_filestat_set_times", fd, 1, 1, FstFlags.ATIM | FstFlags.ATIM_NOW));
        assertEquals(Errno.EINVAL, h.call("fd_filestat_set_times", fd, 1, 1, FstFlags.MTIM | FstFlags.MTIM_NOW));
        assertEquals(Errno.EINVAL, h.call("fd_filestat_set_times", fd, 1, 1, 0x10));
        assertEquals(Errno.ENOTCAPABLE, h.call("fd_filestat_set_times", 1, 1, 1, FstFlags.ATIM));
        assertEquals(Errno.EBADF, h.call("fd_filestat_set_times", 99, 1, 1, FstFlags.ATIM));
    }

    @Test
    void fdPrestat_namesThePreopens() {
        assertEquals(Errno.SUCCESS, h.call("fd_prestat_get", 3, 64));
        assertEquals(0, h.u8(64));
        assertEquals(8, h.i32(68));
        assertEquals(Errno.SUCCESS, h.call("fd_prestat_dir_name", 3, 1000, 8));
        assertEquals("/sandbox", h.string(1000, 8));
        assertEquals(Errno.SUCCESS, h.call("fd_prestat_get", 4, 64));
        assertEquals(2, h.i32(68)); // "é" is two bytes
        h.memory.writeByte(1002, (byte) 'x');
        assertEquals(Errno.SUCCESS, h.call("fd_prestat_dir_name", 4, 1000, 10));
        assertEquals("é", h.string(1000, 2));
        assertEquals('x', h.u8(1002)); // no terminator
    }

    @Test
    void fdPrestat_errors() {
        assertEquals(Errno.EBADF, h.call("fd_prestat_get", 5, 64)); // where libc stops looking
        assertEquals(Errno.EBADF, h.call("fd_prestat_get", 1, 64));
        int dir = h.open(3, "d", 0, 0, 0);
        assertEquals(Errno.EBADF, h.call("fd_prestat_get", dir, 64)); // opened, not preopened
        assertEquals(Errno.EBADF, h.call("fd_prestat_dir_name", dir, 1000, 10));
        assertEquals(Errno.ENAMETOOLONG, h.call("fd_prestat_dir_name", 3, 1000, 7));
        assertEquals(Errno.EFAULT, h.call("fd_prestat_get", 3, h.memory.byteSize() - 4));
        assertEquals(Errno.EFAULT, h.call("fd_prestat_dir_name", 3, h.memory.byteSize() - 4, 8));
    }
}
