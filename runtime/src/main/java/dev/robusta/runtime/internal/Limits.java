package dev.robusta.runtime.internal;

import dev.robusta.runtime.RuntimeConfig;
import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;

import java.time.Duration;

/**
 * The limits of one call from the host, as both engines keep them: one {@link #budget} charged at calls and
 * loop back-edges, refilled from the fuel, with interruption and the deadline checked whenever it runs out;
 * and the most nested calls allowed. Each engine's per-thread state extends this class, so the hot paths
 * read and charge the fields directly.
 */
public abstract class Limits {
    /** The budget between two checks of the deadline and interruption flags. */
    public static final long CHECK_INTERVAL = 100_000;

    /** Charged by calls and loop back-edges; {@link #checkLimits} runs when it goes negative. */
    public long budget;
    /** The most nested WebAssembly calls of the current call from the host. */
    public int maxDepth;

    private long fuel;
    private long deadline;
    private boolean hasDeadline;
    private ModuleInstance top;

    /** Starts the limits of a call from the host into {@code instance}; traps if it was interrupted already. */
    protected final void startLimits(ModuleInstance instance) {
        RuntimeConfig config = instance.code.config();
        maxDepth = config.maxCallDepth();
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
        if (instance.interruptRequested) {
            instance.interruptRequested = false;
            throw new TrapException(Trap.INTERRUPTED);
        }
    }

    /** Forgets the instance of the finished call from the host. */
    protected final void endLimits() {
        top = null;
    }

    /** Runs when the budget is spent: checks interruption and the deadline, refills the budget from the fuel. */
    public final void checkLimits(ModuleInstance current) {
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
