package dev.robusta.compiler.internal;

import dev.robusta.runtime.V128;
import dev.robusta.wasm.ValType;

/**
 * The locals of a split function ({@link Split}), in slot form in a {@code long[]} (a v128 in two slots) and
 * references in an {@code Object[]}, shared by the function's method and its pieces.
 */
public final class Frame {
    private Frame() {
    }

    /** The suffix of the accessors of type {@code t}. */
    static String suffix(ValType t) {
        switch (t.code()) {
            case ValType.CODE_I32: return "I32";
            case ValType.CODE_I64: return "I64";
            case ValType.CODE_F32: return "F32";
            case ValType.CODE_F64: return "F64";
            default: return "V128";
        }
    }

    public static int getI32(long[] f, int i) {
        return (int) f[i];
    }

    public static long getI64(long[] f, int i) {
        return f[i];
    }

    public static float getF32(long[] f, int i) {
        return Float.intBitsToFloat((int) f[i]);
    }

    public static double getF64(long[] f, int i) {
        return Double.longBitsToDouble(f[i]);
    }

    public static V128 getV128(long[] f, int i) {
        return new V128(f[i], f[i + 1]);
    }

    public static void set(int v, long[] f, int i) {
        f[i] = v;
    }

    public static void set(long v, long[] f, int i) {
        f[i] = v;
    }

    public static void set(float v, long[] f, int i) {
        f[i] = Float.floatToRawIntBits(v);
    }

    public static void set(double v, long[] f, int i) {
        f[i] = Double.doubleToRawLongBits(v);
    }

    public static void set(V128 v, long[] f, int i) {
        f[i] = v.lo();
        f[i + 1] = v.hi();
    }

    public static void set(Object v, Object[] f, int i) {
        f[i] = v;
    }
}
