package dev.robusta.runtime.internal;

import dev.robusta.runtime.RuntimeConfig;
import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The limits of one call from the host, as both engines keep them: one {@link #budget} charged at calls and
 * loop back-edges, refilled from the fuel, with interruption and the deadline checked whenever it runs out;
 * and the most nested calls allowed. Compiled code that does not count fuel charges only its loops, and its
 * calls poll {@link #callLimit} instead. Each engine's per-thread state extends this class, so the hot paths
 * read and charge the fields directly.
 */
public abstract class Limits {
    /** The budget between two checks of the deadline and interruption flags. */
    public static final long CHECK_INTERVAL = 100_000;

    /** Charged by calls and loop back-edges; {@link #checkLimits} runs when it goes negative. */
    public long budget;
    /** The most nested WebAssembly calls of the current call from the host. */
    public int maxDepth;

    /**
     * For code that does not count fuel: the deepest call its prologue lets through without taking the slow
     * path; {@link #maxDepth}, or -1 while a check of interruption and the deadline is wanted. Calls then
     * charge nothing: {@link #requestChecks} (from {@code Instance.interrupt()}) and the deadline's timer set
     * it, as V8 folds interrupts into its stack check, and {@link #checkLimits} puts it back.
     */
    public int callLimit;

    /** The limits of running calls whose code polls {@link #callLimit}. */
    private static final Set<Limits> POLLED = ConcurrentHashMap.newKeySet();
    /** How often the deadline's timer asks again once the deadline has passed, in milliseconds. */
    private static final long REPEAT_MS = 10;

    private long fuel;
    private long deadline;
    private boolean hasDeadline;
    private ModuleInstance top;
    private boolean polled;
    private ScheduledFuture<?> deadlineTimer;

    /** Starts the limits of a call from the host into {@code instance}; traps if it was interrupted already. */
    protected final void startLimits(ModuleInstance instance) {
        startLimits(instance, false);
    }

    /**
     * Starts the limits of a call from the host into {@code instance}; with {@code polled}, for code that
     * polls {@link #callLimit}, which interruption and the deadline then set.
     */
    protected final void startLimits(ModuleInstance instance, boolean polled) {
        RuntimeConfig config = instance.code.config();
        maxDepth = config.maxCallDepth();
        callLimit = maxDepth;
        top = instance;
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
        if (polled) {
            this.polled = true;
            POLLED.add(this);
            if (hasDeadline) {
                long delay = Math.max(0, deadline - System.nanoTime());
                deadlineTimer = DeadlineTimer.EXECUTOR.scheduleAtFixedRate(new DeadlineTimer(this), delay,
                        TimeUnit.MILLISECONDS.toNanos(REPEAT_MS), TimeUnit.NANOSECONDS);
            }
        }
        if (instance.interruptRequested) {
            instance.interruptRequested = false;
            throw new TrapException(Trap.INTERRUPTED);
        }
    }

    /** Forgets the instance of the finished call from the host. */
    protected final void endLimits() {
        top = null;
        if (polled) {
            polled = false;
            POLLED.remove(this);
            if (deadlineTimer != null) {
                deadlineTimer.cancel(false);
                deadlineTimer = null;
            }
        }
    }

    /**
     * Makes every running call that polls {@link #callLimit} check its limits at its next call (an instance was
     * interrupted: the calls that are not running it find nothing to do and go on).
     */
    static void requestChecks() {
        for (Limits l : POLLED) {
            l.callLimit = -1;
        }
    }

    /**
     * Sets {@link #callLimit} of one call's limits when its deadline has passed, and again every
     * {@link #REPEAT_MS} ms until the call ends (in case a check ran just before the deadline).
     */
    private static final class DeadlineTimer implements Runnable {
        /** One daemon thread for every deadline, made at the first. */
        static final ScheduledThreadPoolExecutor EXECUTOR = executor();

        private final Limits limits;

        DeadlineTimer(Limits limits) {
            this.limits = limits;
        }

        @Override
        public void run() {
            limits.callLimit = -1;
        }

        private static ScheduledThreadPoolExecutor executor() {
            ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "robusta-deadlines");
                t.setDaemon(true);
                return t;
            });
            e.setRemoveOnCancelPolicy(true);
            return e;
        }
    }

    /** Runs when the budget is spent: checks interruption and the deadline, refills the budget from the fuel. */
    public final void checkLimits(ModuleInstance current) {
        callLimit = maxDepth;
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
