package dev.robusta.wasi.internal.preview1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.abi.ClockId;
import org.junit.jupiter.api.Test;

class ClockTest {
    final WasiHarness h = WasiHarness.of();

    long time(int id) {
        assertEquals(Errno.SUCCESS, h.call("clock_time_get", id, 1, 8));
        return h.i64(8);
    }

    @Test
    void clockTimeGet_realtimeIsNanosecondsSinceTheEpoch() {
        long before = System.currentTimeMillis();
        long t = time(ClockId.REALTIME);
        long after = System.currentTimeMillis();
        assertTrue(t / 1_000_000 >= before - 1 && t / 1_000_000 <= after + 1, t + " not in [" + before + ", " + after + "]");
    }

    @Test
    void clockTimeGet_monotonicNeverGoesBack() throws Exception {
        long a = time(ClockId.MONOTONIC);
        Thread.sleep(5);
        long b = time(ClockId.MONOTONIC);
        assertTrue(b - a >= 5_000_000, (b - a) + " ns");
    }

    @Test
    void clockTimeGet_cpuClocksAdvanceWithWork() {
        long p0 = time(ClockId.PROCESS_CPUTIME_ID);
        long t0 = time(ClockId.THREAD_CPUTIME_ID);
        long x = 0;
        // spin until this thread had 20 ms of CPU (the machine may be shared: wall time says little), 10 s at most
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end && time(ClockId.THREAD_CPUTIME_ID) - t0 < 20_000_000) {
            for (int i = 0; i < 100_000; i++) {
                x += x * 31 + 7;
            }
        }
        long p1 = time(ClockId.PROCESS_CPUTIME_ID);
        long t1 = time(ClockId.THREAD_CPUTIME_ID);
        assertTrue(x != 1);
        assertTrue(t1 - t0 >= 10_000_000, "thread cpu " + (t1 - t0));
        assertTrue(p1 - p0 >= 10_000_000, "process cpu " + (p1 - p0));
        assertTrue(p1 >= t1, "process includes the thread");
    }

    @Test
    void clockResGet_everyClock() {
        long[] expected = {1000, 1, 1, 1};
        for (int id = 0; id < 4; id++) {
            assertEquals(Errno.SUCCESS, h.call("clock_res_get", id, 8));
            assertEquals(expected[id], h.i64(8), "clock " + id);
        }
    }

    @Test
    void clock_errors() {
        assertEquals(Errno.EINVAL, h.call("clock_time_get", 4, 0, 8));
        assertEquals(Errno.EINVAL, h.call("clock_res_get", -1, 8));
        assertEquals(Errno.EFAULT, h.call("clock_time_get", 0, 0, h.memory.byteSize() - 7));
        assertEquals(Errno.EFAULT, h.call("clock_res_get", 0, h.memory.byteSize()));
    }
}
