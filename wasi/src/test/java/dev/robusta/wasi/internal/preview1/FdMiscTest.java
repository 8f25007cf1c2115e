package dev.robusta.wasi.internal.preview1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.robusta.wasi.Wasi;
import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.abi.Advice;
import dev.robusta.wasi.internal.abi.FileType;
import dev.robusta.wasi.internal.abi.RightSets;
import dev.robusta.wasi.internal.abi.Rights;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/** fd_close, fd_renumber, fd_advise, fd_allocate, fd_datasync, fd_sync. */
class FdMiscTest {
    static final long FILE = RightSets.REGULAR_FILE_BASE;

    @TempDir
    Path root;
    WasiHarness h;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(root.resolve("f"), "0123");
        Files.writeString(root.resolve("g"), "gggg");
        h = WasiHarness.of(Wasi.builder().preopen(".", root));
    }

    @Test
    void fdClose_freesTheNumberForReuse() {
        int fd = h.open(3, "f", 0, FILE, 0);
        assertEquals(4, fd);
        assertEquals(Errno.SUCCESS, h.call("fd_close", fd));
        assertEquals(Errno.EBADF, h.call("fd_close", fd));
        assertEquals(Errno.EBADF, h.write(fd, "x"));
        assertEquals(4, h.open(3, "g", 0, FILE, 0));
    }

    @Test
    void fdClose_ofStdioAndPreopens() {
        assertEquals(Errno.SUCCESS, h.call("fd_close", 1));
        assertEquals(Errno.EBADF, h.write(1, "x"));
        assertEquals(Errno.SUCCESS, h.call("fd_close", 3));
        assertEquals(Errno.EBADF, h.call("fd_prestat_get", 3, 64));
        assertEquals(Errno.EBADF, h.call("fd_close", -1));
    }

    @Test
    void fdRenumber_movesAndClosesTheTarget() {
        int f = h.open(3, "f", 0, FILE, 0);
        int g = h.open(3, "g", 0, FILE, 0);
        assertEquals(Errno.SUCCESS, h.call("fd_renumber", f, g));
        assertEquals("0123", h.read(g, 10));
        assertEquals(Errno.EBADF, h.call("fd_fdstat_get", f, 64));
        assertEquals(Errno.SUCCESS, h.call("fd_renumber", g, 1)); // over stdout
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_get", 1, 64));
        assertEquals(FileType.REGULAR_FILE, h.u8(64));
        assertEquals(Errno.SUCCESS, h.call("fd_renumber", 1, 1));
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_get", 1, 64));
    }

    @Test
    void fdRenumber_errors() {
        assertEquals(Errno.EBADF, h.call("fd_renumber", 99, 1));
        assertEquals(Errno.EBADF, h.call("fd_renumber", 1, 99));
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_get", 1, 64)); // untouched
    }

    @Test
    void fdAdvise_acceptsEveryAdvice() {
        int f = h.open(3, "f", 0, FILE, 0);
        for (int advice = Advice.NORMAL; advice <= Advice.NOREUSE; advice++) {
            assertEquals(Errno.SUCCESS, h.call("fd_advise", f, 0, 100, advice));
        }
    }

    @Test
    void fdAdvise_errors() {
        int f = h.open(3, "f", 0, FILE, 0);
        assertEquals(Errno.EINVAL, h.call("fd_advise", f, 0, 100, 6));
        assertEquals(Errno.EINVAL, h.call("fd_advise", f, -1, 100, 0));
        assertEquals(Errno.EINVAL, h.call("fd_advise", f, Long.MAX_VALUE, 2, 0));
        assertEquals(Errno.EBADF, h.call("fd_advise", 99, 0, 0, 0));
        assertEquals(Errno.ENOTCAPABLE, h.call("fd_advise", 1, 0, 0, 0));
    }

    @Test
    void fdAllocate_extendsButNeverShrinks() throws Exception {
        int f = h.open(3, "f", 0, FILE, 0);
        assertEquals(Errno.SUCCESS, h.call("fd_allocate", f, 0, 2));
        assertEquals(4, Files.size(root.resolve("f")));
        assertEquals(Errno.SUCCESS, h.call("fd_allocate", f, 4, 4));
        assertEquals("0123\0\0\0\0", Files.readString(root.resolve("f")));
    }

    @Test
    void fdAllocate_errors() {
        int f = h.open(3, "f", 0, FILE, 0);
        assertEquals(Errno.EINVAL, h.call("fd_allocate", f, 0, 0));
        assertEquals(Errno.EINVAL, h.call("fd_allocate", f, -1, 1));
        assertEquals(Errno.EFBIG, h.call("fd_allocate", f, Long.MAX_VALUE, 2));
        int ro = h.open(3, "f", 0, Rights.FD_READ, 0);
        assertEquals(Errno.ENOTCAPABLE, h.call("fd_allocate", ro, 0, 10));
        assertEquals(Errno.ENOTCAPABLE, h.call("fd_allocate", 3, 0, 10));
        assertEquals(Errno.EBADF, h.call("fd_allocate", 99, 0, 10));
    }

    @Test
    void fdSync_andDatasync() {
        int f = h.open(3, "f", 0, FILE, 0);
        assertEquals(Errno.SUCCESS, h.write(f, "x"));
        assertEquals(Errno.SUCCESS, h.call("fd_datasync", f));
        assertEquals(Errno.SUCCESS, h.call("fd_sync", f));
        assertEquals(Errno.SUCCESS, h.call("fd_sync", 3));
    }

    @Test
    void fdSync_errors() {
        int ro = h.open(3, "f", 0, Rights.FD_READ, 0);
        assertEquals(Errno.ENOTCAPABLE, h.call("fd_datasync", ro));
        assertEquals(Errno.ENOTCAPABLE, h.call("fd_sync", ro));
        assertEquals(Errno.ENOTCAPABLE, h.call("fd_datasync", 1));
        assertEquals(Errno.EBADF, h.call("fd_sync", 99));
        assertEquals(Errno.EBADF, h.call("fd_datasync", 99));
    }
}
