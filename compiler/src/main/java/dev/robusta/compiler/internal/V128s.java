package dev.robusta.compiler.internal;

import dev.robusta.runtime.V128;
import dev.robusta.runtime.internal.simd.Simd;

/**
 * The SIMD instructions that do not access memory, as the generated code calls them: one method per operand
 * shape (the instruction's signature, {@code VV>V} for example), each taking the operands, the opcode and its
 * two immediates (lane index, or the shuffle's lane indices), and running {@link Simd#execute} on a small
 * stack of its own. A v128 is a {@link V128} on the JVM side.
 */
public final class V128s {
    public static final V128 ZERO = new V128(0, 0);

    private V128s() {
    }

    private static V128 v(long[] s) {
        return new V128(s[0], s[1]);
    }

    private static int push(long[] s, int sp, V128 a) {
        s[sp] = a.lo();
        s[sp + 1] = a.hi();
        return sp + 2;
    }

    /** v128.const. */
    public static V128 constant(long lo, long hi) {
        return new V128(lo, hi);
    }

    /** {@code V>V}. */
    public static V128 unary(V128 a, int code, long imm0, long imm1) {
        long[] s = new long[4];
        Simd.execute(code, s, push(s, 0, a), imm0, imm1);
        return v(s);
    }

    /** {@code VV>V}, including i8x16.shuffle. */
    public static V128 binary(V128 a, V128 b, int code, long imm0, long imm1) {
        long[] s = new long[4];
        Simd.execute(code, s, push(s, push(s, 0, a), b), imm0, imm1);
        return v(s);
    }

    /** {@code VVV>V}. */
    public static V128 ternary(V128 a, V128 b, V128 c, int code, long imm0, long imm1) {
        long[] s = new long[6];
        Simd.execute(code, s, push(s, push(s, push(s, 0, a), b), c), imm0, imm1);
        return v(s);
    }

    /** {@code Vi>V}: shifts, i8x16/i16x8/i32x4.replace_lane. */
    public static V128 withI32(V128 a, int x, int code, long imm0, long imm1) {
        long[] s = new long[4];
        s[push(s, 0, a)] = x;
        Simd.execute(code, s, 3, imm0, imm1);
        return v(s);
    }

    /** {@code VI>V}: i64x2.replace_lane. */
    public static V128 withI64(V128 a, long x, int code, long imm0, long imm1) {
        long[] s = new long[4];
        s[push(s, 0, a)] = x;
        Simd.execute(code, s, 3, imm0, imm1);
        return v(s);
    }

    /** {@code Vf>V}: f32x4.replace_lane. */
    public static V128 withF32(V128 a, float x, int code, long imm0, long imm1) {
        return withI32(a, Float.floatToRawIntBits(x), code, imm0, imm1);
    }

    /** {@code VF>V}: f64x2.replace_lane. */
    public static V128 withF64(V128 a, double x, int code, long imm0, long imm1) {
        return withI64(a, Double.doubleToRawLongBits(x), code, imm0, imm1);
    }

    /** {@code V>i}: extract_lane, any_true, all_true, bitmask. */
    public static int toI32(V128 a, int code, long imm0, long imm1) {
        long[] s = new long[4];
        Simd.execute(code, s, push(s, 0, a), imm0, imm1);
        return (int) s[0];
    }

    /** {@code V>I}: i64x2.extract_lane. */
    public static long toI64(V128 a, int code, long imm0, long imm1) {
        long[] s = new long[4];
        Simd.execute(code, s, push(s, 0, a), imm0, imm1);
        return s[0];
    }

    /** {@code V>f}: f32x4.extract_lane. */
    public static float toF32(V128 a, int code, long imm0, long imm1) {
        return Float.intBitsToFloat(toI32(a, code, imm0, imm1));
    }

    /** {@code V>F}: f64x2.extract_lane. */
    public static double toF64(V128 a, int code, long imm0, long imm1) {
        return Double.longBitsToDouble(toI64(a, code, imm0, imm1));
    }

    /** {@code i>V}: i8x16/i16x8/i32x4.splat. */
    public static V128 fromI32(int x, int code, long imm0, long imm1) {
        long[] s = new long[4];
        s[0] = x;
        Simd.execute(code, s, 1, imm0, imm1);
        return v(s);
    }

    /** {@code I>V}: i64x2.splat. */
    public static V128 fromI64(long x, int code, long imm0, long imm1) {
        long[] s = new long[4];
        s[0] = x;
        Simd.execute(code, s, 1, imm0, imm1);
        return v(s);
    }

    /** {@code f>V}: f32x4.splat. */
    public static V128 fromF32(float x, int code, long imm0, long imm1) {
        return fromI32(Float.floatToRawIntBits(x), code, imm0, imm1);
    }

    /** {@code F>V}: f64x2.splat. */
    public static V128 fromF64(double x, int code, long imm0, long imm1) {
        return fromI64(Double.doubleToRawLongBits(x), code, imm0, imm1);
    }
}
