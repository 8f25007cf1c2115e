package dev.robusta.compiler.internal;

import dev.robusta.runtime.internal.Limits;
import dev.robusta.runtime.internal.ModuleInstance;

import java.util.Arrays;

/**
 * The execution state of compiled code on one thread: the limits of the current call from the host (as the
 * interpreter keeps them: one budget charged at calls and loop back-edges, refilled from the fuel, with the
 * deadline and interruption checked when it runs out), the depth of the frame that called out to the host,
 * and the buffer through which functions with several results return them.
 */
public final class Exec extends Limits {
    private static final ThreadLocal<Exec> CURRENT = ThreadLocal.withInitial(Exec::new);
    /** How many nested host-to-WebAssembly calls a thread may make. */
    static final int MAX_REENTRY = 1000;

    /** The results of a function with several results, in slot form (v128 in two slots). */
    public long[] results = new long[8];
    /** The reference results of a function with several results, by slot. */
    public Object[] resultRefs = new Object[8];

    /** Entries from the host that are running. */
    int active;
    /** The depth of the WebAssembly frame that last called a function through its instance. */
    int depth;

    private Exec() {
    }

    /** The calling thread's state. */
    static Exec current() {
        return CURRENT.get();
    }

    /** Makes the result buffers hold at least {@code slots} slots. */
    void ensureResults(int slots) {
        if (results.length < slots) {
            results = new long[slots];
            resultRefs = new Object[slots];
        }
    }

    /** Starts the limits of a call from the host into {@code instance}. */
    void start(ModuleInstance instance) {
        depth = 0;
        startLimits(instance, true);
    }

    /** Forgets what the finished call from the host referred to. */
    void finish() {
        endLimits();
        Arrays.fill(resultRefs, null);
    }

}
