package dev.robusta.runtime.internal;

import dev.robusta.runtime.HostFunction;
import dev.robusta.runtime.RawHostFunction;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.WasmException;

import java.util.List;
import java.util.Objects;

/**
 * A function implemented by the host, in boxed or raw form. Exceptions other than
 * {@link WasmException}s become traps of kind {@link Trap#HOST}.
 */
public final class HostFunctionInstance extends FunctionInstance {
    private final HostFunction boxed;
    private final RawHostFunction raw;
    private final String name;

    private HostFunctionInstance(FuncType type, HostFunction boxed, RawHostFunction raw, String name) {
        super(type);
        this.boxed = boxed;
        this.raw = raw;
        this.name = name;
    }

    /** A host function in boxed form; {@code name} is used in messages. */
    public static HostFunctionInstance boxed(FuncType type, HostFunction implementation, String name) {
        return new HostFunctionInstance(Objects.requireNonNull(type, "type"),
                Objects.requireNonNull(implementation, "implementation"), null, name);
    }

    /**
     * A host function in raw form; {@code name} is used in messages.
     *
     * @throws IllegalArgumentException when the type has a reference
     */
    public static HostFunctionInstance raw(FuncType type, RawHostFunction implementation, String name) {
        Objects.requireNonNull(type, "type");
        if (Values.anyReference(type.params()) || Values.anyReference(type.results())) {
            throw new IllegalArgumentException("a raw host function cannot have reference types: " + type);
        }
        return new HostFunctionInstance(type, null, Objects.requireNonNull(implementation, "implementation"), name);
    }

    /** The name given at creation, such as {@code "env.log"}. */
    public String name() {
        return name;
    }

    @Override
    public void invoke(ModuleInstance caller, long[] args, Object[] argRefs, long[] results, Object[] resultRefs) {
        try {
            if (raw != null) {
                invokeRaw(caller, args, results);
            } else {
                invokeBoxed(caller, args, argRefs, results, resultRefs);
            }
        } catch (WasmException e) {
            throw e;
        } catch (StackOverflowError e) {
            throw Traps.callStackExhausted();
        } catch (Exception e) {
            // RuntimeExceptions, and checked exceptions a lambda threw sneakily
            throw new TrapException(Trap.HOST, Trap.HOST.message() + ": " + name + ": " + e, e);
        }
    }

    private void invokeRaw(ModuleInstance caller, long[] args, long[] results) {
        long[] out = raw.apply(caller, args);
        int n = out == null ? 0 : out.length;
        if (n != results.length) {
            throw new TrapException(Trap.HOST, Trap.HOST.message() + ": " + name + " returned " + n
                    + " result slots, expected " + results.length);
        }
        int slot = 0;
        for (ValType t : type.results()) {
            results[slot] = Values.normalize(t, out[slot]);
            if (t.isVector()) {
                results[slot + 1] = out[slot + 1];
            }
            slot += Values.slots(t);
        }
    }

    private void invokeBoxed(ModuleInstance caller, long[] args, Object[] argRefs, long[] results, Object[] resultRefs) {
        List<ValType> params = type.params();
        Object[] in = new Object[params.size()];
        int slot = 0;
        for (int i = 0; i < in.length; i++) {
            ValType t = params.get(i);
            in[i] = Values.box(t, args, argRefs, slot);
            slot += Values.slots(t);
        }
        Object[] out = boxed.apply(caller, in);
        List<ValType> types = type.results();
        int n = out == null ? 0 : out.length;
        if (n != types.size()) {
            throw new TrapException(Trap.HOST, Trap.HOST.message() + ": " + name + " returned " + n
                    + " results, expected " + types.size());
        }
        slot = 0;
        for (int i = 0; i < n; i++) {
            ValType t = types.get(i);
            try {
                Values.unbox(t, out[i], results, resultRefs, slot, "result " + i);
            } catch (IllegalArgumentException e) {
                throw new TrapException(Trap.HOST, Trap.HOST.message() + ": " + name + ": " + e.getMessage(), e);
            }
            slot += Values.slots(t);
        }
    }

    @Override
    public String toString() {
        return "HostFunction[" + name + ": " + type + "]";
    }
}
