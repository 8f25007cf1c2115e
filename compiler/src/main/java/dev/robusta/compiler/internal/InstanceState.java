package dev.robusta.compiler.internal;

import dev.robusta.runtime.internal.FunctionInstance;
import dev.robusta.runtime.internal.ModuleInstance;
import dev.robusta.runtime.internal.WasmFunction;

/**
 * What the compiled functions of one instance share: the module's compiled code, the instance, and the
 * context of the thread that called first (other threads make theirs at each call from the host).
 */
public final class InstanceState {
    final CompiledModule module;
    final ModuleInstance instance;
    private volatile Ctx primary;
    /** Functions run on the interpreter (see {@link Fallback}), made at their first call. */
    private final java.util.concurrent.ConcurrentHashMap<Integer, FunctionInstance> interpreted =
            new java.util.concurrent.ConcurrentHashMap<>();

    InstanceState(CompiledModule module, ModuleInstance instance) {
        this.module = module;
        this.instance = instance;
    }

    /** Defined function {@code funcIdx} of this instance as the interpreter runs it. */
    FunctionInstance interpreted(int funcIdx) {
        return interpreted.computeIfAbsent(funcIdx, i -> new WasmFunction(instance, i));
    }

    /** The context of this instance for the thread whose state is {@code exec}. */
    Ctx ctx(Exec exec) {
        Ctx c = primary;
        if (c != null && c.exec == exec) {
            return c;
        }
        c = module.newCtx(exec, this);
        if (primary == null) {
            primary = c;
        }
        return c;
    }
}
