package dev.robusta.compiler.internal;

import dev.robusta.runtime.RuntimeConfig;
import dev.robusta.runtime.internal.ModuleInstance;
import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;

import java.time.Duration;
import java.util.Arrays;

/**
 * The execution state of compiled code on one thread: the limits of the current call from the host (as the
 * interpreter keeps them: one budget charged at calls and loop back-edges, refilled from the fuel, with the
 * deadline and interruption checked when it runs out), the depth of the frame that called out to the host,
 * and the buffer through which functions with several results return them.
 */
public final class Exec {
    private static final ThreadLocal<Exec> CURRENT = ThreadLocal.withInitial(Exec::new);
    /** The budget between two checks of the deadline and interruption flags. */
    static final long CHECK_INTERVAL = 100_000;
    /** How many nested host-to-WebAssembly calls a thread may make. */
    static final int MAX_REENTRY = 1000;

    /** Charged by calls and loop back-edges; {@link #checkLimits} runs when it goes negative. */
    public long budget;
    /** The results of a function with several results, in slot form (v128 in two slots). */
    public long[] results = new long[8];
    /** The reference results of a function with several results, by slot. */
    public Object[] resultRefs = new Object[8];
    /** The most nested WebAssembly calls of the current call from the host. */
    public int maxDepth;

    /** Entries from the host that are running. */
    int active;
    /** The depth of the WebAssembly frame that last called a function through its instance. */
    int depth;
    private long fuel;
    private long deadline;
    private boolean hasDeadline;
    private ModuleInstance top;

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
        RuntimeConfig config = instance.code.config();
        maxDepth = config.maxCallDepth();
        top = instance;
        depth = 0;
        fuel = config.fuel().orElse(-1);
        if (fuel >= 0) {
            budget = Math.min(fuel, CHECK_INTERVAL);
            fuel -= budget;
        } else {
            budget = CHECK_INTERVAL;
        }
        hasDeadline = false;
        Duration timeout = config.timeout().orElse(null);
        if (timeout != null) {
            try {
                deadline = Math.addExact(System.nanoTime(), timeout.toNanos());
                hasDeadline = true;
            } catch (ArithmeticException e) {
                hasDeadline = false;
            }
        }
        if (instance.interruptRequested) {
            instance.interruptRequested = false;
            throw new TrapException(Trap.INTERRUPTED);
        }
    }

    /** Forgets what the finished call from the host referred to. */
    void finish() {
        top = null;
        Arrays.fill(resultRefs, null);
    }

    /** Runs when the budget is spent: checks interruption and the deadline, refills the budget from the fuel. */
    void checkLimits(ModuleInstance current) {
        ModuleInstance t = top;
        if (current.interruptRequested || (t != null && t.interruptRequested)) {
            current.interruptRequested = false;
            if (t != null) {
                t.interruptRequested = false;
            }
            budget = CHECK_INTERVAL;
            throw new TrapException(Trap.INTERRUPTED);
        }
        if (hasDeadline && System.nanoTime() - deadline >= 0) {
            budget = CHECK_INTERVAL;
            throw new TrapException(Trap.DEADLINE_EXCEEDED);
        }
        if (fuel < 0) {
            budget = CHECK_INTERVAL;
            return;
        }
        while (budget < 0) {
            if (fuel == 0) {
                throw new TrapException(Trap.FUEL_EXHAUSTED);
            }
            long chunk = Math.min(fuel, CHECK_INTERVAL);
            fuel -= chunk;
            budget += chunk;
        }
    }
}
