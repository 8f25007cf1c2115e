package dev.robusta.runtime.internal;

import dev.robusta.runtime.Function;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.ValType;

import java.util.List;

/**
 * A function of either kind, with its type's slot layout worked out once. Every {@link Function} that can
 * be imported or stored in a table is one of these.
 */
public abstract class FunctionInstance implements Function {
    /** The type, interned ({@link FuncTypes#canonical}). */
    public final FuncType type;
    /** The type's identity, for {@code call_indirect} and import matching ({@link CanonicalTypes}). */
    public final CanonicalTypes.Type canonical;
    public final int paramSlots;
    public final int resultSlots;
    public final boolean refParams;
    public final boolean refResults;

    /** A function whose type is given without a module (a host function, for instance). */
    protected FunctionInstance(FuncType type) {
        this(type, CanonicalTypes.of(type));
    }

    /** A function of a module, whose type has the identity {@code canonical} there. */
    protected FunctionInstance(FuncType type, CanonicalTypes.Type canonical) {
        this.canonical = canonical;
        this.type = FuncTypes.canonical(type);
        this.paramSlots = Values.slots(type.params());
        this.resultSlots = Values.slots(type.results());
        this.refParams = Values.anyReference(type.params());
        this.refResults = Values.anyReference(type.results());
    }

    @Override
    public final FuncType type() {
        return type;
    }

    /**
     * Calls the function with arguments in slot form; writes the results in slot form.
     *
     * @param caller     the calling instance, or null
     * @param args       {@link #paramSlots} slots
     * @param argRefs    the references among the arguments (by slot), or null when there are none
     * @param results    {@link #resultSlots} slots to fill
     * @param resultRefs where to put references among the results (by slot), or null when there are none
     */
    public abstract void invoke(ModuleInstance caller, long[] args, Object[] argRefs, long[] results, Object[] resultRefs);

    @Override
    public final long[] call(long... args) {
        if (refParams || refResults) {
            throw new IllegalArgumentException("the raw form cannot pass references; use apply: " + type);
        }
        if (args.length != paramSlots) {
            throw new IllegalArgumentException("expected " + paramSlots + " argument slots for " + type + ", got "
                    + args.length);
        }
        long[] in = new long[args.length];
        int slot = 0;
        for (ValType t : type.params()) {
            in[slot] = Values.normalize(t, args[slot]);
            if (t.isVector()) {
                in[slot + 1] = args[slot + 1];
            }
            slot += Values.slots(t);
        }
        long[] out = new long[resultSlots];
        invoke(null, in, null, out, null);
        return out;
    }

    @Override
    public final Object[] apply(Object... args) {
        List<ValType> params = type.params();
        if (args.length != params.size()) {
            throw new IllegalArgumentException("expected " + params.size() + " arguments for " + type + ", got "
                    + args.length);
        }
        long[] in = new long[paramSlots];
        Object[] inRefs = refParams ? new Object[paramSlots] : null;
        int slot = 0;
        for (int i = 0; i < args.length; i++) {
            ValType t = params.get(i);
            Values.unbox(t, args[i], in, inRefs, slot, "argument " + i);
            slot += Values.slots(t);
        }
        long[] out = new long[resultSlots];
        Object[] outRefs = refResults ? new Object[resultSlots] : null;
        invoke(null, in, inRefs, out, outRefs);
        List<ValType> results = type.results();
        Object[] boxed = new Object[results.size()];
        slot = 0;
        for (int i = 0; i < boxed.length; i++) {
            ValType t = results.get(i);
            boxed[i] = Values.box(t, out, outRefs, slot);
            slot += Values.slots(t);
        }
        return boxed;
    }
}
