package dev.robusta.wasi.internal.preview1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.robusta.wasi.Wasi;
import dev.robusta.wasi.internal.Errno;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

class StdioTest {
    @Test
    void fdWrite_stdoutAndStderr_gatherIovecsInOrder() {
        WasiHarness h = WasiHarness.of();
        h.put(100, "Hello, ");
        h.put(200, "world!\n");
        h.iovec(0, 100, 7);
        h.iovec(8, 300, 0);
        h.iovec(16, 200, 7);
        assertEquals(Errno.SUCCESS, h.call("fd_write", 1, 0, 3, 40));
        assertEquals(14, h.i32(40));
        assertEquals("Hello, world!\n", h.stdout());
        assertEquals(Errno.SUCCESS, h.call("fd_write", 2, 16, 1, 40));
        assertEquals(7, h.i32(40));
        assertEquals("world!\n", h.stderr());
    }

    @Test
    void fdWrite_noIovecs_writesNothing() {
        WasiHarness h = WasiHarness.of();
        h.memory.writeInt(40, 99);
        assertEquals(Errno.SUCCESS, h.call("fd_write", 1, 0, 0, 40));
        assertEquals(0, h.i32(40));
        assertEquals("", h.stdout());
    }

    @Test
    void fdWrite_errors() {
        WasiHarness h = WasiHarness.of();
        long end = h.memory.byteSize();
        h.put(100, "x");
        h.iovec(0, 100, 1);
        assertEquals(Errno.EBADF, h.call("fd_write", 7, 0, 1, 40));
        assertEquals(Errno.EBADF, h.call("fd_write", -1, 0, 1, 40));
        assertEquals(Errno.ENOTCAPABLE, h.call("fd_write", 0, 0, 1, 40)); // stdin is not writable
        h.iovec(8, (int) end - 1, 2);
        assertEquals(Errno.EFAULT, h.call("fd_write", 1, 8, 1, 40)); // buffer runs off the end
        assertEquals(Errno.EFAULT, h.call("fd_write", 1, end - 4, 1, 40)); // iovec array runs off
        assertEquals(Errno.EFAULT, h.call("fd_write", 1, 0, 1, end - 3)); // result pointer
        assertEquals("", h.stdout()); // a bad pointer writes nothing
    }

    @Test
    void fdRead_stdin_readsIntoIovecsAndZeroAtEnd() {
        WasiHarness h = WasiHarness.of(Wasi.builder()
                .stdin(new ByteArrayInputStream("abcdef".getBytes(StandardCharsets.UTF_8))));
        h.iovec(0, 100, 2);
        h.iovec(8, 200, 10);
        assertEquals(Errno.SUCCESS, h.call("fd_read", 0, 0, 2, 40));
        assertEquals(6, h.i32(40));
        assertEquals("ab", h.string(100, 2));
        assertEquals("cdef", h.string(200, 4));
        assertEquals(Errno.SUCCESS, h.call("fd_read", 0, 0, 2, 40));
        assertEquals(0, h.i32(40));
    }

    @Test
    void fdRead_errors() {
        WasiHarness h = WasiHarness.of(Wasi.builder()
                .stdin(new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8))));
        long end = h.memory.byteSize();
        h.iovec(0, 100, 3);
        assertEquals(Errno.EBADF, h.call("fd_read", 9, 0, 1, 40));
        assertEquals(Errno.ENOTCAPABLE, h.call("fd_read", 1, 0, 1, 40));
        assertEquals(Errno.EFAULT, h.call("fd_read", 0, 0, 1, end - 1));
        h.iovec(8, (int) end - 2, 3);
        assertEquals(Errno.EFAULT, h.call("fd_read", 0, 8, 1, 40));
        // nothing was consumed by the failed calls
        assertEquals(Errno.SUCCESS, h.call("fd_read", 0, 0, 1, 40));
        assertEquals(3, h.i32(40));
        assertEquals("abc", h.string(100, 3));
    }

    @Test
    void fdSeekAndTell_onStdio_isESPIPE() {
        WasiHarness h = WasiHarness.of();
        assertEquals(Errno.ESPIPE, h.call("fd_seek", 1, 0, 0, 40));
        assertEquals(Errno.ESPIPE, h.call("fd_tell", 0, 40));
        h.iovec(0, 100, 3);
        assertEquals(Errno.ESPIPE, h.call("fd_pread", 0, 0, 1, 0, 40));
        assertEquals(Errno.ESPIPE, h.call("fd_pwrite", 1, 0, 1, 0, 40));
    }
}
