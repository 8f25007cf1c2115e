package dev.robusta.compiler.internal;

import dev.robusta.runtime.internal.FunctionInstance;
import dev.robusta.runtime.internal.HostFunctionInstance;
import dev.robusta.runtime.internal.TableInstance;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;

/**
 * Calls that leave the generated code's direct {@code invokestatic}: the lookup of {@code call_indirect}
 * and calls through a {@link FunctionInstance} (imports, functions of other instances, functions left to the
 * interpreter), with arguments and results in slot form.
 */
public final class Calls {
    public static final long[] NO_SLOTS = new long[0];

    private Calls() {
    }

    /**
     * The function {@code call_indirect} calls: element {@code i} of {@code t}, checked against the
     * expected type.
     */
    public static FunctionInstance indirect(int i, TableInstance t, FuncType expected) {
        if (Integer.compareUnsigned(i, t.size) >= 0) {
            throw new TrapException(Trap.UNDEFINED_ELEMENT, Trap.UNDEFINED_ELEMENT.message() + " "
                    + Integer.toUnsignedString(i));
        }
        Object e = t.elements[i];
        if (e == null) {
            throw new TrapException(Trap.UNINITIALIZED_ELEMENT, Trap.UNINITIALIZED_ELEMENT.message() + " " + i);
        }
        FunctionInstance f = (FunctionInstance) e;
        if (f.type != expected && !f.type.equals(expected)) {
            throw new TrapException(Trap.INDIRECT_CALL_TYPE_MISMATCH);
        }
        return f;
    }

    /**
     * Calls {@code f} from a compiled function at {@code depth}: a host function costs one unit of budget (a
     * function of WebAssembly charges its own call).
     */
    public static void invoke(FunctionInstance f, Ctx ctx, int depth, long[] args, Object[] argRefs, long[] results,
                              Object[] resultRefs) {
        Exec ex = ctx.exec;
        if (f instanceof HostFunctionInstance && --ex.budget < 0) {
            ex.checkLimits(ctx.instance);
        }
        ex.depth = depth;
        f.invoke(ctx.instance, args, argRefs, results, resultRefs);
    }
}
