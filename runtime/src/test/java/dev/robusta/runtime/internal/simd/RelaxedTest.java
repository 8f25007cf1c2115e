package dev.robusta.runtime.internal.simd;

import static dev.robusta.runtime.internal.simd.NaNs.F32_CANONICAL;
import static dev.robusta.runtime.internal.simd.NaNs.F64_CANONICAL;
import static dev.robusta.runtime.internal.simd.Vectors.assertRun;
import static dev.robusta.runtime.internal.simd.Vectors.assertSlots;
import static dev.robusta.runtime.internal.simd.Vectors.f32x4;
import static dev.robusta.runtime.internal.simd.Vectors.f64x2;
import static dev.robusta.runtime.internal.simd.Vectors.i16x8;
import static dev.robusta.runtime.internal.simd.Vectors.i32x4;
import static dev.robusta.runtime.internal.simd.Vectors.i64x2;
import static dev.robusta.runtime.internal.simd.Vectors.i8x16;
import static dev.robusta.runtime.internal.simd.Vectors.run;

import dev.robusta.wasm.Opcode;
import org.junit.jupiter.api.Test;

/**
 * The relaxed instructions give the deterministic profile's results: the same as the corresponding
 * non-relaxed instruction, unfused multiply-add, signed dot products. Vectors from the wasm-3.0 relaxed
 * scripts, taking the deterministic alternative of each {@code either}.
 */
class RelaxedTest {

    private static final float FMAX = Float.MAX_VALUE;
    private static final float FNAN = Float.intBitsToFloat(F32_CANONICAL);
    private static final double DNAN = Double.longBitsToDouble(F64_CANONICAL);

    @Test
    void relaxedSwizzle_isSwizzle() {
        long[] v = i8x16(0xE0, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEE, 0xEF);
        long[] indices = i8x16(15, 0, 16, 17, 0x7F, 8, 0x80, 0x90, -1, 255, 7, 1, 32, 64, 100, 200);
        assertSlots(run(Opcode.I8X16_SWIZZLE, v, indices), run(Opcode.I8X16_RELAXED_SWIZZLE, v, indices));
        assertRun(i8x16(0xEF, 0xE0, 0, 0, 0, 0xE8, 0, 0, 0, 0, 0xE7, 0xE1, 0, 0, 0, 0),
                Opcode.I8X16_RELAXED_SWIZZLE, v, indices);
    }

    @Test
    void relaxedTrunc_isTruncSat() {
        long[] f = f32x4(FNAN, -Float.POSITIVE_INFINITY, 2147483648f, -2.9f);
        assertRun(i32x4(0, Integer.MIN_VALUE, Integer.MAX_VALUE, -2), Opcode.I32X4_RELAXED_TRUNC_F32X4_S, f);
        assertRun(i32x4(0, 0, 0x80000000, 0), Opcode.I32X4_RELAXED_TRUNC_F32X4_U, f);
        long[] d = f64x2(DNAN, -2147483649.0);
        assertRun(i32x4(0, Integer.MIN_VALUE, 0, 0), Opcode.I32X4_RELAXED_TRUNC_F64X2_S_ZERO, d);
        assertRun(i32x4(-1, 0, 0, 0), Opcode.I32X4_RELAXED_TRUNC_F64X2_U_ZERO, f64x2(4294967296.0, DNAN));
    }

    @Test
    void relaxedMadd_isUnfused() {
        // FLT_MAX * 2 - FLT_MAX: inf unfused (FLT_MAX fused)
        assertRun(f32x4(Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, 3, -5), Opcode.F32X4_RELAXED_MADD,
                f32x4(FMAX, FMAX, 1, 2), f32x4(2, 2, 2, -3), f32x4(-FMAX, -FMAX, 1, 1));
        // (1 + 2^-22)(1 + 2^-15) - (1 + 2^-15 + 2^-22): 0 unfused (2^-37 fused)
        assertRun(f32x4(0, 0, 0, 0), Opcode.F32X4_RELAXED_MADD, f32x4(0x1.000004p+0f, 0x1.000004p+0f,
                        0x1.000004p+0f, 0x1.000004p+0f), f32x4(0x1.0002p+0f, 0x1.0002p+0f, 0x1.0002p+0f, 0x1.0002p+0f),
                f32x4(-0x1.000204p+0f, -0x1.000204p+0f, -0x1.000204p+0f, -0x1.000204p+0f));
        assertRun(f32x4(0, 0, -1, 7), Opcode.F32X4_RELAXED_NMADD,
                f32x4(-0x1.000004p+0f, -0x1.000004p+0f, 1, 2), f32x4(0x1.0002p+0f, 0x1.0002p+0f, 2, -3),
                f32x4(-0x1.000204p+0f, -0x1.000204p+0f, 1, 1));
        assertRun(f64x2(Double.POSITIVE_INFINITY, 0), Opcode.F64X2_RELAXED_MADD,
                f64x2(Double.MAX_VALUE, 0x1.0000000000001p+0), f64x2(2, 0x1.0000000000001p+0),
                f64x2(-Double.MAX_VALUE, -0x1.0000000000002p+0));
        assertRun(f64x2(Double.POSITIVE_INFINITY, 0), Opcode.F64X2_RELAXED_NMADD,
                f64x2(-Double.MAX_VALUE, -0x1.0000000000001p+0), f64x2(2, 0x1.0000000000001p+0),
                f64x2(-Double.MAX_VALUE, -0x1.0000000000002p+0));
    }

    @Test
    void relaxedLaneselect_isBitselect() {
        long[] a = i8x16(0, 1, 0x12, 0x12, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        long[] b = i8x16(16, 17, 0x34, 0x34, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31);
        long[] m = i8x16(0xff, 0, 0xf0, 0x0f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        long[] expected = i8x16(0, 17, 0x14, 0x32, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31);
        assertRun(expected, Opcode.I8X16_RELAXED_LANESELECT, a, b, m);
        assertRun(expected, Opcode.I16X8_RELAXED_LANESELECT, a, b, m);
        assertRun(expected, Opcode.I32X4_RELAXED_LANESELECT, a, b, m);
        assertRun(expected, Opcode.I64X2_RELAXED_LANESELECT, a, b, m);
        assertRun(i16x8(0, 9, 0x1278, 0x5634, 12, 13, 14, 15), Opcode.I16X8_RELAXED_LANESELECT,
                i16x8(0, 1, 0x1234, 0x1234, 4, 5, 6, 7), i16x8(8, 9, 0x5678, 0x5678, 12, 13, 14, 15),
                i16x8(0xffff, 0, 0xff00, 0x00ff, 0, 0, 0, 0));
        assertRun(i64x2(0x1234567887654321L, 0x1111111122222222L), Opcode.I64X2_RELAXED_LANESELECT,
                i64x2(0x1234567811111111L, 0x1111111111111111L), i64x2(0x2222222287654321L, 0x2222222222222222L),
                i64x2(0xFFFFFFFF00000000L, 0xFFFFFFFF00000000L));
    }

    @Test
    void relaxedMinMax_isMinMax() {
        long[] a = f32x4(-FNAN, 0.0f, -0.0f, 1);
        long[] b = f32x4(1, -0.0f, 0.0f, FNAN);
        assertSlots(run(Opcode.F32X4_MIN, a, b), run(Opcode.F32X4_RELAXED_MIN, a, b));
        assertSlots(run(Opcode.F32X4_MAX, a, b), run(Opcode.F32X4_RELAXED_MAX, a, b));
        assertRun(i32x4(0xFFC00000, 0x80000000, 0x80000000, F32_CANONICAL), Opcode.F32X4_RELAXED_MIN, a, b);
        assertRun(i32x4(0xFFC00000, 0, 0, F32_CANONICAL), Opcode.F32X4_RELAXED_MAX, a, b);
        long[] c = f64x2(0.0, DNAN);
        long[] d = f64x2(-0.0, 1);
        assertRun(i64x2(Long.MIN_VALUE, F64_CANONICAL), Opcode.F64X2_RELAXED_MIN, c, d);
        assertRun(i64x2(0, F64_CANONICAL), Opcode.F64X2_RELAXED_MAX, c, d);
    }

    @Test
    void relaxedQ15mulr_isQ15mulrSat() {
        assertRun(i16x8(32767, 32767, 0, 1, 8192, -32767, 0, 0), Opcode.I16X8_RELAXED_Q15MULR_S,
                i16x8(-32768, -32768, 0, -1, 16384, -32768, 3, 0), i16x8(-32768, -32768, 5, -32768, 16384, 32767, -5, 5));
    }

    @Test
    void relaxedDot_signedWithSaturatedPairs() {
        long[] ramp = i8x16(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        assertRun(i16x8(1, 13, 41, 85, 145, 221, 313, 421), Opcode.I16X8_RELAXED_DOT_I8X16_I7X16_S, ramp, ramp);
        assertRun(i16x8(-32512, 32258, 0, 0, 0, 0, 0, 0), Opcode.I16X8_RELAXED_DOT_I8X16_I7X16_S,
                i8x16(-128, -128, 127, 127, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                i8x16(127, 127, 127, 127, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertRun(i16x8(32512, 0, 0, 0, 0, 0, 0, 32767), Opcode.I16X8_RELAXED_DOT_I8X16_I7X16_S,
                i8x16(-128, -128, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -128, -128),
                i8x16(-127, -127, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -128, -128));
    }

    @Test
    void relaxedDotAdd_signedPlusAccumulator() {
        long[] ramp = i8x16(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        assertRun(i32x4(14, 127, 368, 737), Opcode.I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S, ramp, ramp, i32x4(0, 1, 2, 3));
        assertRun(i32x4(-65023, 64518, 3, 4), Opcode.I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S,
                i8x16(-128, -128, -128, -128, 127, 127, 127, 127, 0, 0, 0, 0, 0, 0, 0, 0),
                i8x16(127, 127, 127, 127, 127, 127, 127, 127, 0, 0, 0, 0, 0, 0, 0, 0), i32x4(1, 2, 3, 4));
        assertRun(i32x4(65025, 2, 3, Integer.MIN_VALUE), Opcode.I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S,
                i8x16(-128, -128, -128, -128, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0),
                i8x16(-127, -127, -127, -127, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0), i32x4(1, 2, 3, Integer.MAX_VALUE));
    }
}
