package dev.robusta.wasi.internal.preview1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.wasi.Wasi;
import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.abi.ClockId;
import dev.robusta.wasi.internal.abi.EventType;
import dev.robusta.wasi.internal.abi.RightSets;
import dev.robusta.wasi.internal.abi.Rights;
import dev.robusta.wasi.internal.abi.SubClockFlags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

class PollTest {
    static final long IN = 1024;
    static final long OUT_EVENTS = 4096;
    static final long MS = 1_000_000;

    static void clockSub(WasiHarness h, int index, long userdata, int id, long timeout, int flags) {
        long at = IN + 48L * index;
        h.memory.fill(at, (byte) 0, 48);
        h.memory.writeLong(at, userdata);
        h.memory.writeByte(at + 8, (byte) EventType.CLOCK);
        h.memory.writeInt(at + 16, id);
        h.memory.writeLong(at + 24, timeout);
        h.memory.writeShort(at + 40, (short) flags);
    }

    static void fdSub(WasiHarness h, int index, long userdata, int type, int fd) {
        long at = IN + 48L * index;
        h.memory.fill(at, (byte) 0, 48);
        h.memory.writeLong(at, userdata);
        h.memory.writeByte(at + 8, (byte) type);
        h.memory.writeInt(at + 16, fd);
    }

    /** Polls {@code n} subscriptions; returns the number of events. */
    static int poll(WasiHarness h, int n) {
        assertEquals(Errno.SUCCESS, h.call("poll_oneoff", IN, OUT_EVENTS, n, 0));
        return h.i32(0);
    }

    static long userdata(WasiHarness h, int event) {
        return h.i64(OUT_EVENTS + 32L * event);
    }

    static int error(WasiHarness h, int event) {
        return h.u16(OUT_EVENTS + 32L * event + 8);
    }

    static int type(WasiHarness h, int event) {
        return h.u8(OUT_EVENTS + 32L * event + 10);
    }

    static long nbytes(WasiHarness h, int event) {
        return h.i64(OUT_EVENTS + 32L * event + 16);
    }

    @Test
    void pollOneoff_relativeClock_sleeps() {
        WasiHarness h = WasiHarness.of();
        clockSub(h, 0, 77, ClockId.MONOTONIC, 50 * MS, 0);
        long start = System.nanoTime();
        assertEquals(1, poll(h, 1));
        assertTrue(System.nanoTime() - start >= 50 * MS);
        assertEquals(77, userdata(h, 0));
        assertEquals(0, error(h, 0));
        assertEquals(EventType.CLOCK, type(h, 0));
    }

    @Test
    void pollOneoff_absoluteClocks() {
        WasiHarness h = WasiHarness.of();
        assertEquals(Errno.SUCCESS, h.call("clock_time_get", ClockId.MONOTONIC, 0, 8));
        clockSub(h, 0, 1, ClockId.MONOTONIC, h.i64(8) + 30 * MS, SubClockFlags.SUBSCRIPTION_CLOCK_ABSTIME);
        long start = System.nanoTime();
        assertEquals(1, poll(h, 1));
        assertTrue(System.nanoTime() - start >= 25 * MS, "waited " + (System.nanoTime() - start));
        assertEquals(Errno.SUCCESS, h.call("clock_time_get", ClockId.REALTIME, 0, 8));
        clockSub(h, 0, 2, ClockId.REALTIME, h.i64(8) + 30 * MS, SubClockFlags.SUBSCRIPTION_CLOCK_ABSTIME);
        start = System.nanoTime();
        assertEquals(1, poll(h, 1));
        assertTrue(System.nanoTime() - start >= 20 * MS, "waited " + (System.nanoTime() - start));
        clockSub(h, 0, 3, ClockId.REALTIME, 1000, SubClockFlags.SUBSCRIPTION_CLOCK_ABSTIME); // 1970
        start = System.nanoTime();
        assertEquals(1, poll(h, 1));
        assertTrue(System.nanoTime() - start < 1000 * MS);
        assertEquals(3, userdata(h, 0));
    }

    @Test
    void pollOneoff_earliestClockWins() {
        WasiHarness h = WasiHarness.of();
        clockSub(h, 0, 1, ClockId.MONOTONIC, 10_000 * MS, 0);
        clockSub(h, 1, 2, ClockId.MONOTONIC, 10 * MS, 0);
        clockSub(h, 2, 3, ClockId.MONOTONIC, -1L, 0); // u64 max: never
        long start = System.nanoTime();
        assertEquals(1, poll(h, 3));
        assertTrue(System.nanoTime() - start < 5_000 * MS);
        assertEquals(2, userdata(h, 0));
    }

    @Test
    void pollOneoff_filesAndOutputsAreReadyAtOnce(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("f"), "0123456789");
        WasiHarness h = WasiHarness.of(Wasi.builder().preopen(".", root));
        int f = h.open(3, "f", 0, Rights.FD_READ | Rights.POLL_FD_READWRITE, 0);
        h.read(f, 3);
        clockSub(h, 0, 1, ClockId.MONOTONIC, 10_000 * MS, 0);
        fdSub(h, 1, 2, EventType.FD_WRITE, 1);
        fdSub(h, 2, 3, EventType.FD_READ, f);
        long start = System.nanoTime();
        assertEquals(2, poll(h, 3));
        assertTrue(System.nanoTime() - start < 5_000 * MS);
        assertEquals(2, userdata(h, 0));
        assertEquals(EventType.FD_WRITE, type(h, 0));
        assertEquals(3, userdata(h, 1));
        assertEquals(EventType.FD_READ, type(h, 1));
        assertEquals(7, nbytes(h, 1));
    }

    @Test
    void pollOneoff_stdinWithData_isReady() {
        WasiHarness h = WasiHarness.of(Wasi.builder().stdin(new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8))));
        fdSub(h, 0, 9, EventType.FD_READ, 0);
        assertEquals(1, poll(h, 1));
        assertEquals(0, error(h, 0));
        assertEquals(3, nbytes(h, 0));
    }

    @Test
    void pollOneoff_stdinAtEnd_isReady() {
        WasiHarness h = WasiHarness.of();
        fdSub(h, 0, 9, EventType.FD_READ, 0);
        clockSub(h, 1, 1, ClockId.MONOTONIC, 10_000 * MS, 0);
        long start = System.nanoTime();
        assertEquals(1, poll(h, 2));
        assertTrue(System.nanoTime() - start < 5_000 * MS);
        assertEquals(9, userdata(h, 0));
        assertEquals("", h.read(0, 10));
    }

    @Test
    void pollOneoff_waitsForStdinWithoutBusyWaiting() throws Exception {
        PipedOutputStream writer = new PipedOutputStream();
        PipedInputStream pipe = new PipedInputStream(writer);
        WasiHarness h = WasiHarness.of(Wasi.builder().stdin(pipe));
        // nothing comes: the clock fires, and the thread used almost no CPU meanwhile
        fdSub(h, 0, 1, EventType.FD_READ, 0);
        clockSub(h, 1, 2, ClockId.MONOTONIC, 300 * MS, 0);
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long start = System.nanoTime();
        assertEquals(1, poll(h, 2));
        long cpuUsed = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu;
        assertTrue(System.nanoTime() - start >= 300 * MS);
        assertEquals(2, userdata(h, 0));
        assertTrue(cpuUsed < 100 * MS, "cpu used while waiting: " + cpuUsed);
        // input arrives while waiting: stdin becomes ready before the clock
        Thread feeder = new Thread(() -> {
            try {
                Thread.sleep(100);
                writer.write("hello".getBytes(StandardCharsets.UTF_8));
                writer.flush();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        feeder.start();
        clockSub(h, 1, 2, ClockId.MONOTONIC, 20_000 * MS, 0);
        start = System.nanoTime();
        assertEquals(1, poll(h, 2));
        assertTrue(System.nanoTime() - start < 10_000 * MS);
        assertEquals(1, userdata(h, 0));
        assertEquals(EventType.FD_READ, type(h, 0));
        assertEquals("hello", h.read(0, 10));
        feeder.join();
        writer.close();
    }

    @Test
    void pollOneoff_perSubscriptionErrors() {
        WasiHarness h = WasiHarness.of();
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_set_rights", 1, RightSets.STDOUT & ~Rights.POLL_FD_READWRITE, 0));
        fdSub(h, 0, 1, EventType.FD_READ, 42);
        fdSub(h, 1, 2, EventType.FD_WRITE, 1);
        clockSub(h, 2, 3, ClockId.PROCESS_CPUTIME_ID, 1, 0);
        clockSub(h, 3, 4, 9, 1, 0);
        clockSub(h, 4, 5, ClockId.MONOTONIC, 1, 0x2);
        assertEquals(5, poll(h, 5));
        assertEquals(Errno.EBADF.code(), error(h, 0));
        assertEquals(EventType.FD_READ, type(h, 0));
        assertEquals(Errno.ENOTCAPABLE.code(), error(h, 1));
        assertEquals(Errno.ENOTSUP.code(), error(h, 2));
        assertEquals(Errno.EINVAL.code(), error(h, 3));
        assertEquals(Errno.EINVAL.code(), error(h, 4));
    }

    @Test
    void pollOneoff_errors() {
        WasiHarness h = WasiHarness.of();
        assertEquals(Errno.EINVAL, h.call("poll_oneoff", IN, OUT_EVENTS, 0, 0));
        clockSub(h, 0, 1, ClockId.MONOTONIC, 0, 0);
        h.memory.writeByte(IN + 8, (byte) 3);
        assertEquals(Errno.EINVAL, h.call("poll_oneoff", IN, OUT_EVENTS, 1, 0));
        clockSub(h, 0, 1, ClockId.MONOTONIC, 0, 0);
        assertEquals(Errno.EFAULT, h.call("poll_oneoff", h.memory.byteSize() - 40, OUT_EVENTS, 1, 0));
        assertEquals(Errno.EFAULT, h.call("poll_oneoff", IN, h.memory.byteSize() - 16, 1, 0));
        assertEquals(Errno.EFAULT, h.call("poll_oneoff", IN, OUT_EVENTS, 1, h.memory.byteSize()));
        assertEquals(Errno.EFAULT, h.call("poll_oneoff", IN, OUT_EVENTS, 0x1000_0000, 0));
    }
}
