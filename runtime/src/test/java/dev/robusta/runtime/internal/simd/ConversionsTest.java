package dev.robusta.runtime.internal.simd;

import static dev.robusta.runtime.internal.simd.NaNs.F32_CANONICAL;
import static dev.robusta.runtime.internal.simd.NaNs.F64_CANONICAL;
import static dev.robusta.runtime.internal.simd.NaNs.assertArithmetic;
import static dev.robusta.runtime.internal.simd.NaNs.assertCanonical;
import static dev.robusta.runtime.internal.simd.Vectors.assertRun;
import static dev.robusta.runtime.internal.simd.Vectors.f32Lane;
import static dev.robusta.runtime.internal.simd.Vectors.f32x4;
import static dev.robusta.runtime.internal.simd.Vectors.f64x2;
import static dev.robusta.runtime.internal.simd.Vectors.i32x4;
import static dev.robusta.runtime.internal.simd.Vectors.i64x2;
import static dev.robusta.runtime.internal.simd.Vectors.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.robusta.wasm.Opcode;
import org.junit.jupiter.api.Test;

/** Demote, promote, trunc_sat and convert; vectors from simd_conversions.wast and simd_i32x4_trunc_sat_*.wast. */
class ConversionsTest {

    private static final int MIN = Integer.MIN_VALUE;
    private static final int MAX = Integer.MAX_VALUE;
    private static final float FNAN = Float.intBitsToFloat(F32_CANONICAL);
    private static final double DNAN = Double.longBitsToDouble(F64_CANONICAL);
    private static final float INF = Float.POSITIVE_INFINITY;

    @Test
    void demote_roundsAndZeroesTheHighHalf() {
        assertRun(f32x4(0x1.fffffep+127f, 0x1.fffffcp-127f, 0, 0), Opcode.F32X4_DEMOTE_F64X2_ZERO,
                f64x2(0x1.fffffd0000001p+127, 0x1.fffffdfffffffp-127));
        assertRun(f32x4(-0.0f, INF, 0, 0), Opcode.F32X4_DEMOTE_F64X2_ZERO, f64x2(-0x1p-150, 0x1.ffffffp+127));
        assertRun(f32x4(0x1p-126f, 0x1p-149f, 0, 0), Opcode.F32X4_DEMOTE_F64X2_ZERO,
                f64x2(0x1.fffffe0000000p-127, 0x1.8p-150));
        long[] nan = run(Opcode.F32X4_DEMOTE_F64X2_ZERO, i64x2(0xFFF8000000000000L, 0x7FF0000000000001L));
        assertCanonical(f32Lane(nan, 0));
        assertEquals(0x80000000, f32Lane(nan, 0) & 0x80000000, "sign kept");
        assertArithmetic(f32Lane(nan, 1));
        assertEquals(0, nan[1]);
    }

    @Test
    void promote_exactFromTheLowHalf() {
        assertRun(f64x2(0x1.fffffep+127, -0x1p-149), Opcode.F64X2_PROMOTE_LOW_F32X4,
                f32x4(0x1.fffffep+127f, -0x1p-149f, 7, 8));
        long[] nan = run(Opcode.F64X2_PROMOTE_LOW_F32X4, i32x4(0xFFC00000, 0x7F800001, 0, 0));
        assertCanonical(nan[0]);
        assertEquals(Long.MIN_VALUE, nan[0] & Long.MIN_VALUE, "sign kept");
        assertArithmetic(nan[1]);
    }

    @Test
    void truncSatF32x4_nanZeroAndSaturation() {
        assertRun(i32x4(0, MIN, MAX, -2), Opcode.I32X4_TRUNC_SAT_F32X4_S, f32x4(FNAN, -INF, 2147483648f, -2.9f));
        assertRun(i32x4(MIN, MAX, -2147483520, 0), Opcode.I32X4_TRUNC_SAT_F32X4_S,
                f32x4(-2147483904f, INF, -2147483520f, -0.9f));
        assertRun(i32x4(0, 0, -1, 0xFFFFFF00), Opcode.I32X4_TRUNC_SAT_F32X4_U,
                f32x4(FNAN, -0.9f, 4294967296f, 4294967040f));
        assertRun(i32x4(0, -1, 1, 0x80000000), Opcode.I32X4_TRUNC_SAT_F32X4_U, f32x4(-1, INF, 1.9f, 2147483648f));
    }

    @Test
    void truncSatF64x2Zero_nanZeroAndSaturation() {
        assertRun(i32x4(0, MIN, 0, 0), Opcode.I32X4_TRUNC_SAT_F64X2_S_ZERO, f64x2(DNAN, Double.NEGATIVE_INFINITY));
        assertRun(i32x4(MAX, MIN, 0, 0), Opcode.I32X4_TRUNC_SAT_F64X2_S_ZERO, f64x2(2147483647.9, -2147483648.9));
        assertRun(i32x4(-1, 0, 0, 0), Opcode.I32X4_TRUNC_SAT_F64X2_U_ZERO, f64x2(4294967295.9, -0.9));
        assertRun(i32x4(-1, 0, 0, 0), Opcode.I32X4_TRUNC_SAT_F64X2_U_ZERO, f64x2(4294967296.0, DNAN));
    }

    @Test
    void convert_roundsToNearest() {
        assertRun(f32x4(-2147483648f, -1, 16777216f, 2147483648f), Opcode.F32X4_CONVERT_I32X4_S,
                i32x4(MIN, -1, 16777217, MAX));
        assertRun(f32x4(4294967296f, 2147483648f, 16777216f, 4294967040f), Opcode.F32X4_CONVERT_I32X4_U,
                i32x4(-1, MIN, 16777217, 0xFFFFFF7F));
        assertRun(f32x4(16777220f, 16777220f, 0, 1), Opcode.F32X4_CONVERT_I32X4_U, i32x4(16777219, 16777221, 0, 1));
        assertRun(f64x2(-1, -2147483648.0), Opcode.F64X2_CONVERT_LOW_I32X4_S, i32x4(-1, MIN, 7, 8));
        assertRun(f64x2(4294967295.0, 2147483648.0), Opcode.F64X2_CONVERT_LOW_I32X4_U, i32x4(-1, MIN, 7, 8));
    }
}
