package dev.robusta.runtime.internal;

import dev.robusta.runtime.Global;
import dev.robusta.runtime.V128;
import dev.robusta.wasm.GlobalType;
import dev.robusta.wasm.ValType;

/**
 * A global in slot form: {@link #value} holds a number (or a v128's low half, {@link #hi} its high half)
 * and {@link #ref} a reference. Engines read and write the fields directly.
 */
public final class GlobalInstance implements Global {
    private final GlobalType type;
    /**
     * For a reference type given by a type index, the abstract heap type above it in its module
     * ({@code HT_FUNC}, {@code HT_STRUCT} or {@code HT_ARRAY}), so that linking can compare it with other
     * modules' types; 0 otherwise.
     */
    int concreteHeapKind;
    public long value;
    public long hi;
    public Object ref;

    public GlobalInstance(GlobalType type) {
        this.type = type;
    }

    /**
     * A global holding a boxed value.
     *
     * @throws IllegalArgumentException when the box does not fit the type
     */
    public static GlobalInstance create(GlobalType type, Object value) {
        GlobalInstance g = new GlobalInstance(type);
        g.store(value);
        return g;
    }

    @Override
    public GlobalType type() {
        return type;
    }

    @Override
    public Object get() {
        ValType t = type.valType();
        switch (t.code()) {
            case ValType.CODE_I32: return (int) value;
            case ValType.CODE_I64: return value;
            case ValType.CODE_F32: return Float.intBitsToFloat((int) value);
            case ValType.CODE_F64: return Double.longBitsToDouble(value);
            case ValType.CODE_V128: return new V128(value, hi);
            default: return ref;
        }
    }

    @Override
    public void set(Object v) {
        if (!type.mutable()) {
            throw new IllegalStateException("global is immutable");
        }
        store(v);
    }

    private void store(Object v) {
        long[] s = new long[2];
        Object[] r = new Object[1];
        Values.unbox(type.valType(), v, s, r, 0, "global value");
        value = s[0];
        hi = s[1];
        ref = r[0];
    }

    @Override
    public long getLong() {
        if (type.valType().isReference()) {
            throw new IllegalArgumentException("global holds a reference: " + type.valType());
        }
        return value;
    }

    @Override
    public void setLong(long v) {
        if (!type.mutable()) {
            throw new IllegalStateException("global is immutable");
        }
        ValType t = type.valType();
        if (t.isReference() || t.isVector()) {
            throw new IllegalArgumentException("setLong cannot set a global of type " + t);
        }
        value = Values.normalize(t, v);
    }

    @Override
    public String toString() {
        return "Global[" + (type.mutable() ? "mut " : "") + type.valType() + " = " + get() + "]";
    }
}
