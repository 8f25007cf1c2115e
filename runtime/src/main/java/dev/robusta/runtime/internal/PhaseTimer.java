package dev.robusta.runtime.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opt-in wall-clock timing of the phases of one process's work (reading, decoding, validating, compiling,
 * instantiating, running...), for {@code ROBUSTA_TIMING=1 robusta run ...}. Off unless {@link #start} was
 * called: then {@link #end} costs one read of a static field. Each {@link #end} closes the phase that began
 * at the previous one (or at {@link #start}), so the phases add up to the time since {@link #start}. Costs
 * spread over the phases, such as the classes the compiler generates at first calls while the program runs,
 * are summed apart ({@link #within}).
 */
public final class PhaseTimer {
    /** A phase that ended: its name and its wall time in nanoseconds. */
    public record Phase(String name, long nanos) {
    }

    /** A cost within the phases: how many times it was counted, and its total wall time in nanoseconds. */
    public record Part(String name, int count, long nanos) {
    }

    private static volatile boolean on;
    private static long last;
    private static final List<Phase> PHASES = new ArrayList<>();
    /** By name: the count and the nanoseconds of each part. */
    private static final Map<String, long[]> PARTS = new LinkedHashMap<>();

    private PhaseTimer() {
    }

    /** Starts timing (again, forgetting earlier phases): the first phase begins now. */
    public static synchronized void start() {
        PHASES.clear();
        PARTS.clear();
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

    /**
     * Counts {@code nanos} more of the part {@code name}, a cost that falls within the phases (and is counted
     * in them too). Does nothing when timing is off.
     */
    public static void within(String name, long nanos) {
        if (on) {
            add(name, nanos);
        }
    }

    // no lambdas here: spinning one up would take milliseconds of the phase being timed
    private static synchronized void add(String name, long nanos) {
        long[] part = PARTS.get(name);
        if (part == null) {
            part = new long[2];
            PARTS.put(name, part);
        }
        part[0]++;
        part[1] += nanos;
    }

    /** The parts counted so far, in the order they were first counted. */
    public static synchronized List<Part> parts() {
        List<Part> parts = new ArrayList<>();
        for (Map.Entry<String, long[]> e : PARTS.entrySet()) {
            parts.add(new Part(e.getKey(), (int) e.getValue()[0], e.getValue()[1]));
        }
        return parts;
    }

    /** The phases ended so far, in order. */
    public static synchronized List<Phase> phases() {
        return List.copyOf(PHASES);
    }

    /** Stops timing and forgets the phases. */
    public static synchronized void stop() {
        on = false;
        PHASES.clear();
        PARTS.clear();
    }
}
