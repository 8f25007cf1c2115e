package dev.robusta.runtime.internal;

import dev.robusta.runtime.internal.interpreter.LoweredFunction;
import dev.robusta.runtime.internal.interpreter.Machine;

/** A function defined by a module instance, run by the interpreter. */
public final class WasmFunction extends FunctionInstance {
    public final ModuleInstance instance;
    public final int index;
    private LoweredFunction lowered;

    public WasmFunction(ModuleInstance instance, int index) {
        super(instance.code.funcTypeOf(index), instance.code.canonicalType(instance.code.model().funcTypeIdx(index)));
        this.instance = instance;
        this.index = index;
    }

    /** The function's lowered code (lowered by the module on first use, then cached here). */
    public LoweredFunction lowered() {
        LoweredFunction l = lowered;
        if (l == null) {
            l = instance.code.lowered(index);
            lowered = l;
        }
        return l;
    }

    @Override
    public void invoke(ModuleInstance caller, long[] args, Object[] argRefs, long[] results, Object[] resultRefs) {
        Machine.current().invoke(this, args, argRefs, results, resultRefs);
    }

    @Override
    public String toString() {
        return "Function[" + instance.code.frameName(index) + ": " + type + "]";
    }
}
