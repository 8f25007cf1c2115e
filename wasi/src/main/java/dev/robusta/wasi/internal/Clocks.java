package dev.robusta.wasi.internal;

import dev.robusta.wasi.internal.abi.ClockId;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;

/**
 * The four WASI clocks from the JVM: {@code realtime} from {@link Instant#now()} (microseconds on Linux),
 * {@code monotonic} from {@link System#nanoTime()}, {@code process_cputime_id} from the JVM's process CPU
 * time ({@code com.sun.management} when present, otherwise {@link ProcessHandle}, whose resolution is the
 * kernel's clock tick), {@code thread_cputime_id} from {@link ThreadMXBean#getCurrentThreadCpuTime()}.
 */
public final class Clocks {
    /** The resolution reported for realtime: {@link Instant#now()} has microseconds on common JVMs. */
    static final long REALTIME_RESOLUTION = 1_000;
    /** The resolution reported for the others: nanosecond counters. */
    static final long NANO_RESOLUTION = 1;
    /** {@link ProcessHandle} CPU time comes in clock ticks of 10 ms. */
    static final long TICK_RESOLUTION = 10_000_000;

    private Clocks() {
    }

    /**
     * The resolution of clock {@code id} in ns.
     *
     * @throws ErrnoException {@link Errno#EINVAL} for an unknown clock
     */
    public static long resolution(int id) {
        switch (id) {
            case ClockId.REALTIME: return REALTIME_RESOLUTION;
            case ClockId.MONOTONIC: return NANO_RESOLUTION;
            case ClockId.PROCESS_CPUTIME_ID: return ProcessCpu.AVAILABLE ? NANO_RESOLUTION : TICK_RESOLUTION;
            case ClockId.THREAD_CPUTIME_ID:
                checkThreadCpu();
                return NANO_RESOLUTION;
            default: throw Errno.EINVAL.exception("clock " + id);
        }
    }

    /**
     * The time of clock {@code id} in ns.
     *
     * @throws ErrnoException {@link Errno#EINVAL} for an unknown clock, {@link Errno#ENOTSUP} when the
     *         JVM cannot measure CPU time
     */
    public static long time(int id) {
        switch (id) {
            case ClockId.REALTIME: return realtime();
            case ClockId.MONOTONIC: return System.nanoTime();
            case ClockId.PROCESS_CPUTIME_ID: return ProcessCpu.time();
            case ClockId.THREAD_CPUTIME_ID:
                checkThreadCpu();
                return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            default: throw Errno.EINVAL.exception("clock " + id);
        }
    }

    /** Nanoseconds since the Unix epoch. */
    public static long realtime() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static void checkThreadCpu() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (!bean.isCurrentThreadCpuTimeSupported()) {
            throw Errno.ENOTSUP.exception("thread CPU time");
        }
        if (!bean.isThreadCpuTimeEnabled()) {
            bean.setThreadCpuTimeEnabled(true);
        }
    }

    /** Process CPU time, from com.sun.management when the JDK has it. */
    private static final class ProcessCpu {
        static final java.lang.management.OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();
        static final boolean AVAILABLE = hasSunBean();

        private static boolean hasSunBean() {
            try {
                return OS instanceof com.sun.management.OperatingSystemMXBean
                        && ((com.sun.management.OperatingSystemMXBean) OS).getProcessCpuTime() >= 0;
            } catch (LinkageError e) {
                return false;
            }
        }

        static long time() {
            if (AVAILABLE) {
                return ((com.sun.management.OperatingSystemMXBean) OS).getProcessCpuTime();
            }
            return ProcessHandle.current().info().totalCpuDuration()
                    .orElseThrow(() -> Errno.ENOTSUP.exception("process CPU time")).toNanos();
        }
    }
}
