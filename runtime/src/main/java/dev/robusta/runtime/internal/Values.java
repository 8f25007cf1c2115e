package dev.robusta.runtime.internal;

import dev.robusta.runtime.V128;
import dev.robusta.wasm.ValType;

import java.util.List;

/**
 * Conversions between the boxed form of values ({@link dev.robusta.runtime.HostFunction}) and their slot
 * form: a {@code long} per slot (i32 and f32 sign-extended bits, i64, f64 bits; a v128 takes two slots, low
 * half first) plus an {@code Object} per slot for references.
 */
public final class Values {
    private Values() {
    }

    /** The number of slots a value of type {@code t} takes: 2 for v128, else 1. */
    public static int slots(ValType t) {
        return t.code() == ValType.CODE_V128 ? 2 : 1;
    }

    /** The number of slots of a sequence of types. */
    public static int slots(List<ValType> types) {
        int n = 0;
        for (ValType t : types) {
            n += slots(t);
        }
        return n;
    }

    /** Whether any of {@code types} is a reference type. */
    public static boolean anyReference(List<ValType> types) {
        for (ValType t : types) {
            if (t.isReference()) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code t} is a function reference type (its values are functions or null). */
    public static boolean isFuncRef(ValType t) {
        return t.isReference() && (t.heapType() == ValType.HT_FUNC || t.heapType() == ValType.HT_NOFUNC || t.heapType() >= 0);
    }

    /**
     * The boxed value of the slots {@code s[i]} (and {@code s[i + 1]} for v128) or {@code r[i]}.
     */
    public static Object box(ValType t, long[] s, Object[] r, int i) {
        switch (t.code()) {
            case ValType.CODE_I32: return (int) s[i];
            case ValType.CODE_I64: return s[i];
            case ValType.CODE_F32: return Float.intBitsToFloat((int) s[i]);
            case ValType.CODE_F64: return Double.longBitsToDouble(s[i]);
            case ValType.CODE_V128: return new V128(s[i], s[i + 1]);
            default: return r == null ? null : r[i];
        }
    }

    /**
     * Stores boxed {@code value} of type {@code t} into slot {@code i} of {@code s} / {@code r}.
     *
     * @param what names the value in the error message
     * @throws IllegalArgumentException when the box does not match the type
     */
    public static void unbox(ValType t, Object value, long[] s, Object[] r, int i, String what) {
        switch (t.code()) {
            case ValType.CODE_I32:
                s[i] = expect(value, Integer.class, t, what);
                return;
            case ValType.CODE_I64:
                s[i] = expect(value, Long.class, t, what);
                return;
            case ValType.CODE_F32:
                s[i] = Float.floatToRawIntBits(expect(value, Float.class, t, what));
                return;
            case ValType.CODE_F64:
                s[i] = Double.doubleToRawLongBits(expect(value, Double.class, t, what));
                return;
            case ValType.CODE_V128: {
                V128 v = expect(value, V128.class, t, what);
                s[i] = v.lo();
                s[i + 1] = v.hi();
                return;
            }
            default:
                checkReference(t, value, what);
                s[i] = 0;
                r[i] = value;
        }
    }

    /**
     * Checks that {@code value} may be stored in a place of reference type {@code t}.
     *
     * @throws IllegalArgumentException when it may not
     */
    public static void checkReference(ValType t, Object value, String what) {
        if (value == null) {
            if (!t.isNullable()) {
                throw new IllegalArgumentException(what + ": null is not a " + t);
            }
            return;
        }
        if (isFuncRef(t) && !(value instanceof FunctionInstance)) {
            throw new IllegalArgumentException(what + ": expected a function made by Robusta for " + t + ", got "
                    + value.getClass().getName());
        }
    }

    /** The raw slot of a number value: i32/f32 sign-extended, i64/f64 as is. */
    public static long normalize(ValType t, long raw) {
        switch (t.code()) {
            case ValType.CODE_I32:
            case ValType.CODE_F32:
                return (int) raw;
            default:
                return raw;
        }
    }

    private static <T> T expect(Object value, Class<T> type, ValType t, String what) {
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(what + ": expected " + type.getSimpleName() + " for " + t + ", got "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        return type.cast(value);
    }
}
