package dev.robusta.wasi.internal.preview1;

import static dev.robusta.wasi.internal.abi.OFlags.CREAT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.robusta.wasi.Wasi;
import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.abi.FdFlags;
import dev.robusta.wasi.internal.abi.Rights;
import dev.robusta.wasi.internal.abi.Whence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/** fd_read, fd_write, fd_pread, fd_pwrite, fd_seek, fd_tell on files. */
class FileIoTest {
    static final long ALL = Rights.FD_READ | Rights.FD_WRITE | Rights.FD_SEEK | Rights.FD_TELL;

    @TempDir
    Path root;
    WasiHarness h;
    int fd;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(root.resolve("f"), "0123456789");
        h = WasiHarness.of(Wasi.builder().preopen(".", root));
        fd = h.open(3, "f", 0, ALL, 0);
    }

    long seek(long offset, int whence) {
        assertEquals(Errno.SUCCESS, h.call("fd_seek", fd, offset, whence, 8));
        return h.i64(8);
    }

    @Test
    void fdRead_andFdWrite_moveThePosition() throws Exception {
        assertEquals("012", h.read(fd, 3));
        assertEquals(Errno.SUCCESS, h.write(fd, "ab"));
        assertEquals("56789", h.read(fd, 100));
        assertEquals("", h.read(fd, 100));
        assertEquals("012ab56789", Files.readString(root.resolve("f")));
    }

    @Test
    void fdRead_scattersAcrossIovecs() {
        h.iovec(64, 1000, 4);
        h.iovec(72, 2000, 0);
        h.iovec(80, 3000, 10);
        assertEquals(Errno.SUCCESS, h.call("fd_read", fd, 64, 3, 0));
        assertEquals(10, h.i32(0));
        assertEquals("0123", h.string(1000, 4));
        assertEquals("456789", h.string(3000, 6));
    }

    @Test
    void fdSeek_everyWhence() {
        assertEquals(4, seek(4, Whence.SET));
        assertEquals("4", h.read(fd, 1));
        assertEquals(7, seek(2, Whence.CUR));
        assertEquals(5, seek(-2, Whence.CUR));
        assertEquals("5", h.read(fd, 1));
        assertEquals(10, seek(0, Whence.END));
        assertEquals(7, seek(-3, Whence.END));
        assertEquals("789", h.read(fd, 10));
        assertEquals(20, seek(10, Whence.END)); // beyond the end is allowed
        assertEquals("", h.read(fd, 10));
        assertEquals(Errno.SUCCESS, h.call("fd_tell", fd, 8));
        assertEquals(20, h.i64(8));
    }

    @Test
    void fdWrite_beyondTheEnd_fillsWithZeros() throws Exception {
        seek(12, Whence.SET);
        assertEquals(Errno.SUCCESS, h.write(fd, "x"));
        assertEquals("0123456789\0\0x", Files.readString(root.resolve("f")));
    }

    @Test
    void fdSeek_errors() {
        assertEquals(Errno.EINVAL, h.call("fd_seek", fd, -1, Whence.SET, 8));
        assertEquals(Errno.EINVAL, h.call("fd_seek", fd, -11, Whence.END, 8));
        assertEquals(Errno.EINVAL, h.call("fd_seek", fd, 0, 3, 8));
        assertEquals(Errno.EINVAL, h.call("fd_seek", fd, Long.MAX_VALUE, Whence.END, 8));
        assertEquals(Errno.EFAULT, h.call("fd_seek", fd, 1, Whence.SET, h.memory.byteSize() - 4));
        assertEquals(Errno.SUCCESS, h.call("fd_tell", fd, 8));
        assertEquals(0, h.i64(8)); // nothing moved
        assertEquals(Errno.EBADF, h.call("fd_seek", 42, 0, Whence.SET, 8));
        assertEquals(Errno.EBADF, h.call("fd_seek", 3, 0, Whence.SET, 8)); // a directory
        int noSeek = h.open(3, "f", 0, Rights.FD_READ | Rights.FD_TELL, 0);
        assertEquals(Errno.ENOTCAPABLE, h.call("fd_seek", noSeek, 1, Whence.SET, 8));
        assertEquals(Errno.SUCCESS, h.call("fd_seek", noSeek, 0, Whence.CUR, 8)); // a query needs fd_tell only
        int noTell = h.open(3, "f", 0, Rights.FD_READ, 0);
        assertEquals(Errno.ENOTCAPABLE, h.call("fd_tell", noTell, 8));
        assertEquals(Errno.ENOTCAPABLE, h.call("fd_seek", noTell, 0, Whence.CUR, 8));
    }

    @Test
    void fdPread_andFdPwrite_leaveThePosition() throws Exception {
        seek(2, Whence.SET);
        h.iovec(64, 1000, 3);
        assertEquals(Errno.SUCCESS, h.call("fd_pread", fd, 64, 1, 6, 0));
        assertEquals(3, h.i32(0));
        assertEquals("678", h.string(1000, 3));
        h.put(1000, "XY");
        h.iovec(64, 1000, 2);
        assertEquals(Errno.SUCCESS, h.call("fd_pwrite", fd, 64, 1, 8, 0));
        assertEquals(2, h.i32(0));
        assertEquals(Errno.SUCCESS, h.call("fd_pread", fd, 64, 1, 100, 0));
        assertEquals(0, h.i32(0)); // past the end
        assertEquals("01234567XY", Files.readString(root.resolve("f")));
        assertEquals(Errno.SUCCESS, h.call("fd_tell", fd, 8));
        assertEquals(2, h.i64(8));
    }

    @Test
    void fdPwrite_withAppend_writesAtTheOffset() throws Exception {
        int app = h.open(3, "f", 0, ALL, FdFlags.APPEND);
        h.put(1000, "Z");
        h.iovec(64, 1000, 1);
        assertEquals(Errno.SUCCESS, h.call("fd_pwrite", app, 64, 1, 0, 0));
        assertEquals("Z123456789", Files.readString(root.resolve("f")));
        assertEquals(Errno.SUCCESS, h.write(app, "!"));
        assertEquals("Z123456789!", Files.readString(root.resolve("f")));
    }

    @Test
    void fdPreadPwrite_errors() {
        h.iovec(64, 1000, 3);
        assertEquals(Errno.EINVAL, h.call("fd_pread", fd, 64, 1, -1, 0));
        assertEquals(Errno.EINVAL, h.call("fd_pwrite", fd, 64, 1, -1, 0));
        assertEquals(Errno.EBADF, h.call("fd_pread", 3, 64, 1, 0, 0));
        int ro = h.open(3, "f", 0, Rights.FD_READ, 0);
        assertEquals(Errno.ENOTCAPABLE, h.call("fd_pread", ro, 64, 1, 0, 0)); // needs fd_seek too
        assertEquals(Errno.ENOTCAPABLE, h.call("fd_pwrite", ro, 64, 1, 0, 0));
        assertEquals(Errno.EFAULT, h.call("fd_pread", fd, 64, 1, 0, h.memory.byteSize()));
    }

    @Test
    void fdWrite_toANewFile() throws Exception {
        int f = h.open(3, "new", CREAT, ALL, 0);
        assertEquals(Errno.SUCCESS, h.write(f, "line\n"));
        assertEquals(5, h.i32(0));
        assertEquals("line\n", Files.readString(root.resolve("new")));
    }

    @Test
    void fdReadAndWrite_onADirectory_areEBADF() {
        h.iovec(64, 1000, 3);
        assertEquals(Errno.EBADF, h.call("fd_read", 3, 64, 1, 0));
        assertEquals(Errno.EBADF, h.call("fd_write", 3, 64, 1, 0));
        assertEquals(Errno.EBADF, h.call("fd_tell", 3, 0));
    }
}
