package dev.robusta.compiler.internal;

import dev.robusta.runtime.internal.ByteArrayMemory;
import dev.robusta.runtime.internal.FunctionInstance;
import dev.robusta.runtime.internal.GlobalInstance;
import dev.robusta.runtime.internal.ModuleInstance;
import dev.robusta.runtime.internal.TableInstance;
import dev.robusta.wasm.FuncType;

/**
 * The context parameter of compiled functions: one instance's runtime objects, seen from one thread. The
 * generated class of a module extends it (adding a field per global and per table) and implements
 * {@link #enter}. Made on the first call on a thread (see {@link InstanceState#ctx}), when the instance is
 * complete.
 */
public abstract class Ctx {
    public final Exec exec;
    public final InstanceState state;
    public final ModuleInstance instance;
    /** Memory 0, or null. */
    public final ByteArrayMemory memory;
    public final FunctionInstance[] functions;
    public final TableInstance[] tables;
    public final GlobalInstance[] globals;
    /** The module's interned function types by type index, for {@code call_indirect}. */
    public final FuncType[] types;

    protected Ctx(Exec exec, InstanceState state) {
        this.exec = exec;
        this.state = state;
        ModuleInstance i = state.instance;
        this.instance = i;
        this.memory = i.memory0;
        this.functions = i.functions;
        this.tables = i.tables;
        this.globals = i.globals;
        this.types = i.code.funcTypes();
    }

    /**
     * Calls a defined function with arguments and results in slot form (see
     * {@link FunctionInstance#invoke}).
     *
     * @param typeId      the function's signature class in the generated code
     * @param dispatchIdx the function's index within its signature class
     * @param depth       the function's call depth (1 for a call from the host)
     */
    public abstract void enter(int typeId, int dispatchIdx, long[] args, Object[] argRefs, long[] results,
                               Object[] resultRefs, int depth);

    /** The prologue of every function when fuel is counted: the depth check and the charge of the call. */
    public static void prologue(Ctx ctx, int depth, int weight) {
        Exec e = ctx.exec;
        if (depth > e.maxDepth || (e.budget -= weight) < 0) {
            SlowPaths.call(ctx, depth);
        }
    }

    /**
     * The prologue of every function when fuel is not counted: the depth check alone. Interruption and the
     * deadline make it fail too ({@link dev.robusta.runtime.internal.Limits#callLimit}), so calls charge
     * nothing.
     */
    public static void depthCheck(Ctx ctx, int depth) {
        if (depth > ctx.exec.callLimit) {
            SlowPaths.call(ctx, depth);
        }
    }

    /**
     * The most a loop back-edge takes from its credit when fuel is not counted, whatever the size of the loop's
     * body: an iteration runs only part of a large body (a loop around a {@code switch} of hundreds of cases,
     * such as SQLite's bytecode engine, runs one case; its body weighs 22,496 instructions). Without the cap
     * that loop refilled its credit at every iteration and checked the deadline every fifth.
     */
    static final int MAX_LOOP_CHARGE = 100;

    /** The credit a loop takes from the budget at a time when fuel is not counted. */
    static final int CREDIT = 10_000;

    /**
     * The credit each call of a function starts its loops with, not charged to the budget: a call whose loops
     * run less than this never refills (see RATIONALE.md, "Why are loop back-edges charged from a local
     * credit when there is no fuel?").
     */
    public static final int FIRST_CREDIT = 1_000;

    /**
     * Refills the local credit of loop back-edges (used when fuel is not counted): charges the budget with
     * what was used and the new credit, which it returns.
     */
    public static int credit(Ctx ctx, int credit) {
        charge(ctx, CREDIT - credit);
        return CREDIT;
    }

    /** The charge of a loop back-edge when fuel is counted. */
    public static void charge(Ctx ctx, int weight) {
        Exec e = ctx.exec;
        if ((e.budget -= weight) < 0) {
            SlowPaths.spent(ctx);
        }
    }
}
