package dev.robusta.runtime.internal.simd;

import static dev.robusta.runtime.internal.simd.NaNs.F64_CANONICAL;
import static dev.robusta.runtime.internal.simd.NaNs.F64_SNAN;
import static dev.robusta.runtime.internal.simd.NaNs.assertArithmetic;
import static dev.robusta.runtime.internal.simd.NaNs.assertCanonical;
import static dev.robusta.runtime.internal.simd.Vectors.assertRun;
import static dev.robusta.runtime.internal.simd.Vectors.assertSlots;
import static dev.robusta.runtime.internal.simd.Vectors.f64x2;
import static dev.robusta.runtime.internal.simd.Vectors.i64x2;
import static dev.robusta.runtime.internal.simd.Vectors.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.robusta.wasm.Opcode;
import org.junit.jupiter.api.Test;

/** The f64x2 instructions: IEEE semantics, NaN propagation and signed zeros. */
class F64x2Test {

    private static final double NAN = Double.longBitsToDouble(F64_CANONICAL);
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final long NEG_ZERO = Long.MIN_VALUE;

    private static double bits(long b) {
        return Double.longBitsToDouble(b);
    }

    @Test
    void comparisons_nanUnorderedAndZerosEqual() {
        assertRun(i64x2(-1, 0), Opcode.F64X2_EQ, f64x2(0.0, NAN), f64x2(-0.0, NAN));
        assertRun(i64x2(0, -1), Opcode.F64X2_NE, f64x2(0.0, NAN), f64x2(-0.0, 1));
        assertRun(i64x2(-1, 0), Opcode.F64X2_LT, f64x2(-INF, NAN), f64x2(-1, 1));
        assertRun(i64x2(0, -1), Opcode.F64X2_GT, f64x2(-INF, 2), f64x2(-1, 1));
        assertRun(i64x2(-1, 0), Opcode.F64X2_LE, f64x2(-0.0, 1), f64x2(0.0, NAN));
        assertRun(i64x2(-1, 0), Opcode.F64X2_GE, f64x2(INF, NAN), f64x2(INF, NAN));
    }

    @Test
    void rounding_keepsNegativeZeroAndRoundsHalfToEven() {
        assertRun(f64x2(-0.0, 2), Opcode.F64X2_CEIL, f64x2(-0.5, 1.5));
        assertRun(f64x2(-1, -0.0), Opcode.F64X2_FLOOR, f64x2(-0.5, -0.0));
        assertRun(f64x2(-0.0, 4503599627370497.0), Opcode.F64X2_TRUNC, f64x2(-0.9, 4503599627370497.0));
        assertRun(f64x2(2, -0.0), Opcode.F64X2_NEAREST, f64x2(2.5, -0.5));
        assertRun(f64x2(-4, 1), Opcode.F64X2_NEAREST, f64x2(-3.5, 0.5000000000000001));
        for (Opcode op : new Opcode[] {Opcode.F64X2_CEIL, Opcode.F64X2_FLOOR, Opcode.F64X2_TRUNC,
                Opcode.F64X2_NEAREST, Opcode.F64X2_SQRT}) {
            long[] r = run(op, f64x2(NAN, bits(F64_SNAN)));
            assertCanonical(r[0]);
            assertArithmetic(r[1]);
        }
    }

    @Test
    void absNeg_onlyTheSignBit() {
        long[] v = i64x2(0xFFF4000000000001L, NEG_ZERO);
        assertRun(i64x2(0x7FF4000000000001L, 0), Opcode.F64X2_ABS, v);
        assertRun(i64x2(0x7FF4000000000001L, 0), Opcode.F64X2_NEG, v);
    }

    @Test
    void sqrt() {
        long[] r = run(Opcode.F64X2_SQRT, f64x2(-1, -0.0));
        assertCanonical(r[0]);
        assertEquals(NEG_ZERO, r[1]);
        assertRun(f64x2(Math.sqrt(2), 0x1p-537), Opcode.F64X2_SQRT, f64x2(2, 0x1p-1074));
    }

    @Test
    void arithmetic_ieeeDouble() {
        long[] sum = run(Opcode.F64X2_ADD, f64x2(INF, 0.1), f64x2(-INF, 0.2));
        assertCanonical(sum[0]);
        assertEquals(Double.doubleToRawLongBits(0.30000000000000004), sum[1]);
        assertRun(f64x2(-0.0, INF), Opcode.F64X2_SUB, f64x2(-0.0, 0x1.fffffffffffffp1023), f64x2(0.0, -0x1p970));
        assertRun(f64x2(-0.0, 0x1p-1074), Opcode.F64X2_MUL, f64x2(-0.0, 0x1p-537), f64x2(5, 0x1p-537));
        long[] quotient = run(Opcode.F64X2_DIV, f64x2(0.0, 1), f64x2(-0.0, 3));
        assertCanonical(quotient[0]);
        assertEquals(Double.doubleToRawLongBits(1.0 / 3), quotient[1]);
        long[] nanOperand = run(Opcode.F64X2_SUB, f64x2(bits(F64_SNAN), 1), f64x2(1, bits(F64_SNAN)));
        assertArithmetic(nanOperand[0]);
        assertArithmetic(nanOperand[1]);
    }

    @Test
    void minMax_propagateNaNAndOrderZeros() {
        assertRun(i64x2(NEG_ZERO, NEG_ZERO), Opcode.F64X2_MIN, f64x2(0.0, -0.0), f64x2(-0.0, 0.0));
        assertRun(i64x2(0, 0), Opcode.F64X2_MAX, f64x2(0.0, -0.0), f64x2(-0.0, 0.0));
        assertRun(f64x2(-INF, 1), Opcode.F64X2_MIN, f64x2(-INF, 1), f64x2(1, INF));
        assertRun(f64x2(1, INF), Opcode.F64X2_MAX, f64x2(-INF, 1), f64x2(1, INF));
        long[] min = run(Opcode.F64X2_MIN, f64x2(bits(F64_SNAN), 1), f64x2(1, NAN));
        assertArithmetic(min[0]);
        assertCanonical(min[1]);
        long[] max = run(Opcode.F64X2_MAX, f64x2(bits(F64_SNAN), -NAN), f64x2(1, 0));
        assertArithmetic(max[0]);
        assertCanonical(max[1]);
    }

    @Test
    void pminPmax_returnAnOperandUnchanged() {
        long[] a = i64x2(0, F64_SNAN);
        long[] b = i64x2(NEG_ZERO, 0x3FF0000000000000L);
        assertSlots(a, run(Opcode.F64X2_PMIN, a, b));
        assertSlots(a, run(Opcode.F64X2_PMAX, a, b));
        assertSlots(b, run(Opcode.F64X2_PMIN, b, a));
        assertRun(f64x2(-INF, 2), Opcode.F64X2_PMIN, f64x2(1, 2), f64x2(-INF, 3));
        assertRun(f64x2(1, 3), Opcode.F64X2_PMAX, f64x2(1, 2), f64x2(-INF, 3));
    }
}
