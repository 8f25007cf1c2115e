package dev.robusta.wasi.internal.preview1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.wasi.Wasi;
import dev.robusta.wasi.WasiVersion;
import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.abi.ClockId;
import dev.robusta.wasi.internal.abi.EventType;
import dev.robusta.wasi.internal.abi.FileType;
import dev.robusta.wasi.internal.abi.RightSets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

/** {@code wasi_unstable}: the same functions with snapshot 0's whence, filestat and subscription layouts. */
class UnstableTest {
    @TempDir
    Path root;
    WasiHarness h;
    int fd;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(root.resolve("f"), "0123456789");
        Files.setLastModifiedTime(root.resolve("f"), FileTime.from(1_600_000_000_000_000_000L, TimeUnit.NANOSECONDS));
        h = WasiHarness.of(Wasi.builder().version(WasiVersion.UNSTABLE).preopen(".", root));
        fd = h.open(3, "f", 0, RightSets.REGULAR_FILE_BASE, 0);
    }

    @Test
    void importObject_isWasiUnstableWithoutSockAccept() {
        assertEquals("wasi_unstable", h.module);
        assertNull(h.function("sock_accept"));
        assertEquals(Errno.ENOTSOCK, h.call("sock_shutdown", 1, 3));
    }

    @Test
    void fdSeek_whenceIsCurEndSet() {
        assertEquals(Errno.SUCCESS, h.call("fd_seek", fd, 4, 2, 8)); // set
        assertEquals(4, h.i64(8));
        assertEquals(Errno.SUCCESS, h.call("fd_seek", fd, 2, 0, 8)); // cur
        assertEquals(6, h.i64(8));
        assertEquals(Errno.SUCCESS, h.call("fd_seek", fd, -1, 1, 8)); // end
        assertEquals(9, h.i64(8));
        assertEquals("9", h.read(fd, 5));
        assertEquals(Errno.EINVAL, h.call("fd_seek", fd, 0, 3, 8));
    }

    @Test
    void fdFilestatGet_uses56ByteLayout() throws Exception {
        h.memory.fill(64, (byte) 0x77, 72);
        assertEquals(Errno.SUCCESS, h.call("fd_filestat_get", fd, 64));
        assertEquals(Files.getAttribute(root.resolve("f"), "unix:ino"), h.i64(64 + 8));
        assertEquals(FileType.REGULAR_FILE, h.u8(64 + 16));
        assertEquals(1, h.i32(64 + 20));     // nlink: u32 at 20
        assertEquals(10, h.i64(64 + 24));    // size at 24
        assertEquals(1_600_000_000_000_000_000L, h.i64(64 + 40)); // mtim at 40
        assertTrue(h.i64(64 + 48) > 0);      // ctim at 48
        assertEquals(0x77, h.u8(64 + 56));   // nothing past 56 bytes
    }

    @Test
    void pathFilestatGet_uses56ByteLayout() {
        h.memory.fill(64, (byte) 0x77, 72);
        int len = h.put(WasiHarness.PATH, "f");
        assertEquals(Errno.SUCCESS, h.call("path_filestat_get", 3, 0, WasiHarness.PATH, len, 64));
        assertEquals(10, h.i64(64 + 24));
        assertEquals(0x77, h.u8(64 + 56));
        assertEquals(Errno.EFAULT, h.call("path_filestat_get", 3, 0, WasiHarness.PATH, len, h.memory.byteSize() - 55));
        assertEquals(Errno.SUCCESS, h.call("path_filestat_get", 3, 0, WasiHarness.PATH, len, h.memory.byteSize() - 56));
    }

    @Test
    void pollOneoff_uses56ByteSubscriptionsWithIdentifier() {
        long in = 1024;
        for (int i = 0; i < 2; i++) {
            long at = in + 56L * i;
            h.memory.fill(at, (byte) 0, 56);
            h.memory.writeLong(at, 100 + i);                       // userdata
            h.memory.writeByte(at + 8, (byte) EventType.CLOCK);    // tag
            h.memory.writeLong(at + 16, 0xABCDEF);                 // identifier
            h.memory.writeInt(at + 24, ClockId.MONOTONIC);         // id
            h.memory.writeLong(at + 32, i == 0 ? 10_000_000_000L : 20_000_000L); // timeout
        }
        long start = System.nanoTime();
        assertEquals(Errno.SUCCESS, h.call("poll_oneoff", in, 4096, 2, 0));
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
        assertEquals(1, h.i32(0));
        assertEquals(101, h.i64(4096));
        assertEquals(EventType.CLOCK, h.u8(4096 + 10));
    }
}
