package dev.robusta.compiler.internal;

import dev.robusta.runtime.internal.FunctionInstance;
import dev.robusta.runtime.internal.ModuleInstance;
import dev.robusta.runtime.internal.Traps;

/**
 * A defined function of an instance whose module is compiled. A call from outside the generated code (the
 * host, another instance, the interpreter) enters here: on the thread's first entry it starts the limits of
 * the call, then it runs the function's method through the generated {@link Ctx#enter}.
 */
public final class CompiledFunction extends FunctionInstance {
    final InstanceState state;
    final int index;
    /** The function's signature class and its index there: what {@code call_indirect} dispatches on. */
    public final int typeId;
    public final int dispatchIdx;

    CompiledFunction(InstanceState state, int index, int typeId, int dispatchIdx) {
        super(state.instance.code.funcTypeOf(index));
        this.state = state;
        this.index = index;
        this.typeId = typeId;
        this.dispatchIdx = dispatchIdx;
    }

    /** Whether this function belongs to the instance of {@code ctx} (so that a direct call can reach it). */
    public static boolean isLocal(Object f, Ctx ctx) {
        return f instanceof CompiledFunction && ((CompiledFunction) f).state == ctx.state;
    }

    @Override
    public void invoke(ModuleInstance caller, long[] args, Object[] argRefs, long[] results, Object[] resultRefs) {
        Exec ex = Exec.current();
        Ctx ctx = state.ctx(ex);
        int active = ex.active;
        boolean top = active == 0;
        int savedDepth = top ? 0 : ex.depth;
        ex.active = active + 1;
        try {
            if (top) {
                ex.start(state.instance);
            } else if (active >= Exec.MAX_REENTRY) {
                throw Traps.callStackExhausted();
            }
            ctx.enter(typeId, dispatchIdx, args, argRefs, results, resultRefs, savedDepth + 1);
        } catch (StackOverflowError e) {
            throw Traps.callStackExhausted();
        } finally {
            ex.active = active;
            ex.depth = savedDepth;
            if (top) {
                ex.finish();
            }
        }
    }

    @Override
    public String toString() {
        return "Function[" + state.instance.code.frameName(index) + ": " + type + "]";
    }
}
