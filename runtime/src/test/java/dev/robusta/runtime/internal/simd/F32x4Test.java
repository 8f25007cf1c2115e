package dev.robusta.runtime.internal.simd;

import static dev.robusta.runtime.internal.simd.NaNs.F32_CANONICAL;
import static dev.robusta.runtime.internal.simd.NaNs.F32_SNAN;
import static dev.robusta.runtime.internal.simd.NaNs.assertArithmetic;
import static dev.robusta.runtime.internal.simd.NaNs.assertCanonical;
import static dev.robusta.runtime.internal.simd.Vectors.assertRun;
import static dev.robusta.runtime.internal.simd.Vectors.assertSlots;
import static dev.robusta.runtime.internal.simd.Vectors.f32Lane;
import static dev.robusta.runtime.internal.simd.Vectors.f32x4;
import static dev.robusta.runtime.internal.simd.Vectors.i32x4;
import static dev.robusta.runtime.internal.simd.Vectors.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.robusta.wasm.Opcode;
import org.junit.jupiter.api.Test;

/** The f32x4 instructions: IEEE semantics, NaN propagation and signed zeros. */
class F32x4Test {

    private static final float NAN = Float.intBitsToFloat(F32_CANONICAL);
    private static final float INF = Float.POSITIVE_INFINITY;

    private static float bits(int b) {
        return Float.intBitsToFloat(b);
    }

    @Test
    void comparisons_nanUnorderedAndZerosEqual() {
        long[] a = f32x4(0.0f, NAN, -0.0f, 1.0f);
        long[] b = f32x4(-0.0f, NAN, 1.0f, -INF);
        assertRun(i32x4(-1, 0, 0, 0), Opcode.F32X4_EQ, a, b);
        assertRun(i32x4(0, -1, -1, -1), Opcode.F32X4_NE, a, b);
        assertRun(i32x4(0, 0, -1, 0), Opcode.F32X4_LT, a, b);
        assertRun(i32x4(0, 0, 0, -1), Opcode.F32X4_GT, a, b);
        assertRun(i32x4(-1, 0, -1, 0), Opcode.F32X4_LE, a, b);
        assertRun(i32x4(-1, 0, 0, -1), Opcode.F32X4_GE, a, b);
    }

    @Test
    void rounding_keepsNegativeZeroAndRoundsHalfToEven() {
        assertRun(f32x4(-0.0f, 2, -1, 0x1p23f), Opcode.F32X4_CEIL, f32x4(-0.5f, 1.5f, -1.5f, 0x1p23f));
        assertRun(f32x4(-1, 0, -0.0f, INF), Opcode.F32X4_FLOOR, f32x4(-0.5f, 0.5f, -0.0f, INF));
        assertRun(f32x4(-0.0f, 1, -1, -INF), Opcode.F32X4_TRUNC, f32x4(-0.9f, 1.9f, -1.9f, -INF));
        assertRun(f32x4(0, 2, 2, -0.0f), Opcode.F32X4_NEAREST, f32x4(0.5f, 1.5f, 2.5f, -0.5f));
        assertRun(f32x4(8388609.0f, -4, 0x1.fffffep127f, 1), Opcode.F32X4_NEAREST,
                f32x4(8388609.0f, -3.5f, 0x1.fffffep127f, 0.50000006f));
        for (Opcode op : new Opcode[] {Opcode.F32X4_CEIL, Opcode.F32X4_FLOOR, Opcode.F32X4_TRUNC,
                Opcode.F32X4_NEAREST, Opcode.F32X4_SQRT}) {
            long[] r = run(op, f32x4(NAN, bits(F32_SNAN), bits(0xFFC00000), 1));
            assertCanonical(f32Lane(r, 0));
            assertArithmetic(f32Lane(r, 1));
            assertCanonical(f32Lane(r, 2));
        }
    }

    @Test
    void absNeg_onlyTheSignBit() {
        long[] v = i32x4(0x80000000, 0xFFA00001, 0xFF800000, 0x3F800000);
        assertRun(i32x4(0, 0x7FA00001, 0x7F800000, 0x3F800000), Opcode.F32X4_ABS, v);
        assertRun(i32x4(0, 0x7FA00001, 0x7F800000, 0xBF800000), Opcode.F32X4_NEG, v);
    }

    @Test
    void sqrt_negativeGivesCanonicalNaN() {
        long[] r = run(Opcode.F32X4_SQRT, f32x4(4, -1, -0.0f, INF));
        assertEquals(Float.floatToRawIntBits(2), f32Lane(r, 0));
        assertCanonical(f32Lane(r, 1));
        assertEquals(0x80000000, f32Lane(r, 2));
        assertEquals(0x7F800000, f32Lane(r, 3));
        assertRun(f32x4(0x1.6a09e6p0f, 0x1.6a09e6p-75f, 3, 0x1p63f), Opcode.F32X4_SQRT, f32x4(2, 0x1p-149f, 9, 0x1p126f));
    }

    @Test
    void arithmetic_ieeeSingle() {
        long[] a = f32x4(1, INF, 0x1p127f, 1);
        long[] b = f32x4(2, -INF, 0x1p127f, 3);
        long[] sum = run(Opcode.F32X4_ADD, a, b);
        assertEquals(Float.floatToRawIntBits(3), f32Lane(sum, 0));
        assertCanonical(f32Lane(sum, 1));
        assertEquals(0x7F800000, f32Lane(sum, 2));
        assertRun(f32x4(-1, INF, 0, -2), Opcode.F32X4_SUB, a, b);
        assertRun(f32x4(2, -INF, INF, 3), Opcode.F32X4_MUL, a, b);
        long[] quotient = run(Opcode.F32X4_DIV, a, b);
        assertCanonical(f32Lane(quotient, 1));
        assertEquals(Float.floatToRawIntBits(1f / 3f), f32Lane(quotient, 3));
        assertRun(f32x4(0x1p-149f, 0.1f + 0.2f, 1e-45f, 0), Opcode.F32X4_ADD,
                f32x4(0x1p-149f, 0.1f, 0, 0x1p-149f), f32x4(0, 0.2f, 1e-45f, -0x1p-149f));
        long[] nanOperand = run(Opcode.F32X4_MUL, f32x4(bits(F32_SNAN), 1, NAN, 0), f32x4(1, bits(F32_SNAN), 2, INF));
        assertArithmetic(f32Lane(nanOperand, 0));
        assertArithmetic(f32Lane(nanOperand, 1));
        assertCanonical(f32Lane(nanOperand, 2));
        assertCanonical(f32Lane(nanOperand, 3));
    }

    @Test
    void minMax_propagateNaNAndOrderZeros() {
        long[] a = f32x4(0.0f, -0.0f, bits(F32_SNAN), 1);
        long[] b = f32x4(-0.0f, 0.0f, 1, -INF);
        long[] min = run(Opcode.F32X4_MIN, a, b);
        assertEquals(0x80000000, f32Lane(min, 0));
        assertEquals(0x80000000, f32Lane(min, 1));
        assertArithmetic(f32Lane(min, 2));
        assertEquals(0xFF800000, f32Lane(min, 3));
        long[] max = run(Opcode.F32X4_MAX, a, b);
        assertEquals(0, f32Lane(max, 0));
        assertEquals(0, f32Lane(max, 1));
        assertArithmetic(f32Lane(max, 2));
        assertEquals(0x3F800000, f32Lane(max, 3));
        long[] canonical = run(Opcode.F32X4_MIN, f32x4(1, NAN, -NAN, 0), f32x4(NAN, 1, 0, -NAN));
        for (int k = 0; k < 4; k++) {
            assertCanonical(f32Lane(canonical, k));
        }
        long[] canonicalMax = run(Opcode.F32X4_MAX, f32x4(1, NAN, -NAN, 0), f32x4(NAN, 1, 0, -NAN));
        for (int k = 0; k < 4; k++) {
            assertCanonical(f32Lane(canonicalMax, k));
        }
    }

    @Test
    void pminPmax_returnAnOperandUnchanged() {
        long[] a = i32x4(0x00000000, F32_SNAN, 0x3F800000, 0x80000000);
        long[] b = i32x4(0x80000000, 0x3F800000, F32_SNAN, 0x00000000);
        assertSlots(a, run(Opcode.F32X4_PMIN, a, b));
        assertSlots(a, run(Opcode.F32X4_PMAX, a, b));
        assertRun(f32x4(1, -INF, 2, -1), Opcode.F32X4_PMIN, f32x4(1, 5, 2, 3), f32x4(4, -INF, 3, -1));
        assertRun(f32x4(4, 5, 3, 3), Opcode.F32X4_PMAX, f32x4(1, 5, 2, 3), f32x4(4, -INF, 3, -1));
    }
}
