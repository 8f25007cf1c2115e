package dev.robusta.runtime.internal.simd;

import static dev.robusta.runtime.internal.simd.Vectors.assertRun;
import static dev.robusta.runtime.internal.simd.Vectors.assertSlots;
import static dev.robusta.runtime.internal.simd.Vectors.f32;
import static dev.robusta.runtime.internal.simd.Vectors.f32x4;
import static dev.robusta.runtime.internal.simd.Vectors.f64;
import static dev.robusta.runtime.internal.simd.Vectors.f64x2;
import static dev.robusta.runtime.internal.simd.Vectors.i16x8;
import static dev.robusta.runtime.internal.simd.Vectors.i32;
import static dev.robusta.runtime.internal.simd.Vectors.i32x4;
import static dev.robusta.runtime.internal.simd.Vectors.i64;
import static dev.robusta.runtime.internal.simd.Vectors.i64x2;
import static dev.robusta.runtime.internal.simd.Vectors.i8x16;
import static dev.robusta.runtime.internal.simd.Vectors.runWith;

import dev.robusta.wasm.Opcode;
import org.junit.jupiter.api.Test;

/** Splat, extract_lane, replace_lane, shuffle and swizzle; vectors from simd_splat/lane.wast. */
class LanesTest {

    private static final long[] BYTES = i8x16(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);

    @Test
    void splat_everyShape_wrapsAndRepeats() {
        assertRun(i8x16(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), Opcode.I8X16_SPLAT, i32(256));
        assertRun(i8x16(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1), Opcode.I8X16_SPLAT, i32(-1));
        assertRun(i16x8(-32768, -32768, -32768, -32768, -32768, -32768, -32768, -32768),
                Opcode.I16X8_SPLAT, i32(32768));
        assertRun(i16x8(0x5678, 0x5678, 0x5678, 0x5678, 0x5678, 0x5678, 0x5678, 0x5678),
                Opcode.I16X8_SPLAT, i32(0x12345678));
        assertRun(i32x4(-2147483648, -2147483648, -2147483648, -2147483648), Opcode.I32X4_SPLAT, i32(-2147483648));
        assertRun(i64x2(0x8000000000000000L, 0x8000000000000000L), Opcode.I64X2_SPLAT, i64(Long.MIN_VALUE));
        assertRun(f32x4(-0.0f, -0.0f, -0.0f, -0.0f), Opcode.F32X4_SPLAT, f32(-0.0f));
        assertRun(i32x4(0x7fc01234, 0x7fc01234, 0x7fc01234, 0x7fc01234), Opcode.F32X4_SPLAT, i32(0x7fc01234));
        assertRun(f64x2(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY), Opcode.F64X2_SPLAT,
                f64(Double.POSITIVE_INFINITY));
    }

    private static long[] extract(Opcode op, int lane, long[] v) {
        return runWith(op, lane, 0, v);
    }

    @Test
    void extractLane_signedUnsignedAndFloat_lanesFromBothHalves() {
        long[] v = i8x16(-128, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 0xFF);
        assertSlots(i32(-128), extract(Opcode.I8X16_EXTRACT_LANE_S, 0, v));
        assertSlots(i32(0x80), extract(Opcode.I8X16_EXTRACT_LANE_U, 0, v));
        assertSlots(i32(-1), extract(Opcode.I8X16_EXTRACT_LANE_S, 15, v));
        assertSlots(i32(255), extract(Opcode.I8X16_EXTRACT_LANE_U, 15, v));
        assertSlots(i32(8), extract(Opcode.I8X16_EXTRACT_LANE_S, 8, v));
        long[] h = i16x8(0, 1, 2, 3, 4, 5, 6, 0x8000);
        assertSlots(i32(-32768), extract(Opcode.I16X8_EXTRACT_LANE_S, 7, h));
        assertSlots(i32(32768), extract(Opcode.I16X8_EXTRACT_LANE_U, 7, h));
        assertSlots(i32(4), extract(Opcode.I16X8_EXTRACT_LANE_U, 4, h));
        long[] w = i32x4(1, 2, -3, 0x80000000);
        assertSlots(i32(-3), extract(Opcode.I32X4_EXTRACT_LANE, 2, w));
        assertSlots(i32(-2147483648), extract(Opcode.I32X4_EXTRACT_LANE, 3, w));
        assertSlots(i64(-1), extract(Opcode.I64X2_EXTRACT_LANE, 1, i64x2(0, -1)));
        assertSlots(f32(-1.5f), extract(Opcode.F32X4_EXTRACT_LANE, 1, f32x4(0, -1.5f, 2, 3)));
        assertSlots(i32(0xffc00001), extract(Opcode.F32X4_EXTRACT_LANE, 3, i32x4(0, 0, 0, 0xffc00001)));
        assertSlots(f64(-0.0), extract(Opcode.F64X2_EXTRACT_LANE, 0, f64x2(-0.0, 1)));
    }

    private static long[] replace(Opcode op, int lane, long[] v, long[] x) {
        return runWith(op, lane, 0, v, x);
    }

    @Test
    void replaceLane_everyShape_changesOnlyThatLane() {
        assertSlots(i8x16(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, -1),
                replace(Opcode.I8X16_REPLACE_LANE, 15, BYTES, i32(0x1FF)));
        assertSlots(i8x16(0x7F, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15),
                replace(Opcode.I8X16_REPLACE_LANE, 0, BYTES, i32(0x7F)));
        assertSlots(i16x8(0, 0, 0, 0, 0x1234, 0, 0, 0),
                replace(Opcode.I16X8_REPLACE_LANE, 4, new long[2], i32(0xAB1234)));
        assertSlots(i32x4(1, 2, -1, 4), replace(Opcode.I32X4_REPLACE_LANE, 2, i32x4(1, 2, 3, 4), i32(-1)));
        assertSlots(i64x2(5, Long.MIN_VALUE), replace(Opcode.I64X2_REPLACE_LANE, 1, i64x2(5, 6), i64(Long.MIN_VALUE)));
        assertSlots(f32x4(1, 2, 3, -0.0f), replace(Opcode.F32X4_REPLACE_LANE, 3, f32x4(1, 2, 3, 4), f32(-0.0f)));
        assertSlots(f64x2(Double.NaN, 2), replace(Opcode.F64X2_REPLACE_LANE, 0, f64x2(1, 2), f64(Double.NaN)));
    }

    @Test
    void shuffle_picksFromBothOperands() {
        long[] b = i8x16(16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31);
        // lanes 31 0 30 1 ... as in simd_lane.wast
        long[] idx = i8x16(31, 0, 30, 1, 29, 2, 28, 3, 27, 4, 26, 5, 25, 6, 24, 7);
        assertSlots(i8x16(31, 0, 30, 1, 29, 2, 28, 3, 27, 4, 26, 5, 25, 6, 24, 7),
                runWith(Opcode.I8X16_SHUFFLE, idx[0], idx[1], BYTES, b));
        long[] reverse = i8x16(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
        assertSlots(i8x16(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
                runWith(Opcode.I8X16_SHUFFLE, reverse[0], reverse[1], BYTES, b));
    }

    @Test
    void swizzle_indexOf16OrMore_givesZero() {
        long[] v = i8x16(0xE0, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEE, 0xEF);
        assertRun(i8x16(0xEF, 0xE0, 0, 0, 0, 0xE8, 0, 0, 0, 0, 0xE7, 0xE1, 0, 0, 0, 0),
                Opcode.I8X16_SWIZZLE, v, i8x16(15, 0, 16, 17, 0x7F, 8, 0x80, 0x90, -1, 255, 7, 1, 32, 64, 100, 200));
        assertRun(i8x16(0xE0, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEE, 0xEF),
                Opcode.I8X16_SWIZZLE, v, BYTES);
    }
}
