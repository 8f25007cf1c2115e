package dev.robusta.runtime.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Opt-in wall-clock timing of the phases of one process's work (reading, decoding, validating, compiling,
 * instantiating, running...), for {@code ROBUSTA_TIMING=1 robusta run ...}. Off unless {@link #start} was
 * called: then {@link #end} costs one read of a static field. Each {@link #end} closes the phase that began
 * at the previous one (or at {@link #start}), so the phases add up to the time since {@link #start}.
 */
public final class PhaseTimer {
    /** A phase that ended: its name and its wall time in nanoseconds. */
    public record Phase(String name, long nanos) {
    }

    private static volatile boolean on;
    private static long last;
    private static final List<Phase> PHASES = new ArrayList<>();

    private PhaseTimer() {
    }

    /** Starts timing (again, forgetting earlier phases): the first phase begins now. */
    public static synchronized void start() {
        PHASES.clear();
        last = System.nanoTime();
        on = true;
    }

    /** Whether timing is on. */
    public static boolean enabled() {
        return on;
    }

    /** Ends the phase {@code name}: the time since the previous phase ended. Does nothing when timing is off. */
    public static void end(String name) {
        if (on) {
            record(name);
        }
    }

    private static synchronized void record(String name) {
        long now = System.nanoTime();
        PHASES.add(new Phase(name, now - last));
        last = now;
    }

    /** The phases ended so far, in order. */
    public static synchronized List<Phase> phases() {
        return List.copyOf(PHASES);
    }

    /** Stops timing and forgets the phases. */
    public static synchronized void stop() {
        on = false;
        PHASES.clear();
    }
}
