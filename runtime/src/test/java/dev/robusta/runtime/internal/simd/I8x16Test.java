package dev.robusta.runtime.internal.simd;

import static dev.robusta.runtime.internal.simd.Vectors.assertRun;
import static dev.robusta.runtime.internal.simd.Vectors.i16x8;
import static dev.robusta.runtime.internal.simd.Vectors.i32;
import static dev.robusta.runtime.internal.simd.Vectors.i8x16;

import dev.robusta.wasm.Opcode;
import org.junit.jupiter.api.Test;

/** The i8x16 instructions, on lanes that differ in each position and in both halves. */
class I8x16Test {

    /** An i8x16 whose low and high halves both hold these eight lanes. */
    private static long[] twice(int... eight) {
        int[] lanes = new int[16];
        for (int i = 0; i < 16; i++) {
            lanes[i] = eight[i % 8];
        }
        return i8x16(lanes);
    }

    private static final long[] A = twice(0, 1, -1, -128, 127, -128, 127, 5);
    private static final long[] B = twice(0, -1, 1, 127, -128, -128, 127, 6);

    @Test
    void comparisons_signedAndUnsigned() {
        assertRun(twice(-1, 0, 0, 0, 0, -1, -1, 0), Opcode.I8X16_EQ, A, B);
        assertRun(twice(0, -1, -1, -1, -1, 0, 0, -1), Opcode.I8X16_NE, A, B);
        assertRun(twice(0, 0, -1, -1, 0, 0, 0, -1), Opcode.I8X16_LT_S, A, B);
        assertRun(twice(0, -1, 0, 0, -1, 0, 0, -1), Opcode.I8X16_LT_U, A, B);
        assertRun(twice(0, -1, 0, 0, -1, 0, 0, 0), Opcode.I8X16_GT_S, A, B);
        assertRun(twice(0, 0, -1, -1, 0, 0, 0, 0), Opcode.I8X16_GT_U, A, B);
        assertRun(twice(-1, 0, -1, -1, 0, -1, -1, -1), Opcode.I8X16_LE_S, A, B);
        assertRun(twice(-1, -1, 0, 0, -1, -1, -1, -1), Opcode.I8X16_LE_U, A, B);
        assertRun(twice(-1, -1, 0, 0, -1, -1, -1, 0), Opcode.I8X16_GE_S, A, B);
        assertRun(twice(-1, 0, -1, -1, 0, -1, -1, 0), Opcode.I8X16_GE_U, A, B);
    }

    @Test
    void absNegPopcnt() {
        long[] v = twice(0, 1, -1, -128, 127, -127, 5, -5);
        assertRun(twice(0, 1, 1, -128, 127, 127, 5, 5), Opcode.I8X16_ABS, v);
        assertRun(twice(0, -1, 1, -128, -127, 127, -5, 5), Opcode.I8X16_NEG, v);
        assertRun(twice(0, 1, 8, 1, 7, 4, 4, 3), Opcode.I8X16_POPCNT, twice(0, 1, -1, 0x80, 0x7F, 0x55, 0x0F, 0x13));
    }

    @Test
    void allTrueAndBitmask() {
        assertRun(i32(1), Opcode.I8X16_ALL_TRUE, twice(1, 2, 0x80, -1, 0x10, 0x20, 0x40, 0x7F));
        assertRun(i32(0), Opcode.I8X16_ALL_TRUE, i8x16(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0));
        assertRun(i32(0), Opcode.I8X16_ALL_TRUE, i8x16(1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1));
        assertRun(i32(0), Opcode.I8X16_ALL_TRUE, i8x16(0x100, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1));
        assertRun(i32(0xFFFF), Opcode.I8X16_BITMASK, twice(-1, -1, -1, -1, -1, -1, -1, -1));
        assertRun(i32(1), Opcode.I8X16_BITMASK, i8x16(-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0xA, 0xB, 0xC, 0xD, 0xF));
        assertRun(i32(0x8181), Opcode.I8X16_BITMASK, i8x16(0x80, 0x7F, 0, 0, 0, 0, 0, 0xFF, 0x80, 0, 0, 0, 0, 0, 0, 0x80));
    }

    @Test
    void narrow_saturatesEachOperandIntoItsHalf() {
        long[] a = i16x8(0, 127, 128, -128, -129, 32767, -32768, 1);
        long[] b = i16x8(-1, 255, 256, 0x7F, 5, -5, 100, -100);
        assertRun(i8x16(0, 127, 127, -128, -128, 127, -128, 1, -1, 127, 127, 127, 5, -5, 100, -100),
                Opcode.I8X16_NARROW_I16X8_S, a, b);
        assertRun(i8x16(0, 127, 128, 0, 0, 255, 0, 1, 0, 255, 255, 127, 5, 0, 100, 0),
                Opcode.I8X16_NARROW_I16X8_U, a, b);
    }

    @Test
    void shifts_countModulo8() {
        long[] v = twice(-128, -64, 0, 1, 2, 3, 4, 5);
        assertRun(twice(0, -128, 0, 2, 4, 6, 8, 10), Opcode.I8X16_SHL, v, i32(1));
        assertRun(twice(0, -128, 0, 2, 4, 6, 8, 10), Opcode.I8X16_SHL, v, i32(9));
        assertRun(v, Opcode.I8X16_SHL, v, i32(8));
        long[] w = twice(-128, -64, 127, 1, 2, -1, 4, 5);
        assertRun(twice(-64, -32, 63, 0, 1, -1, 2, 2), Opcode.I8X16_SHR_S, w, i32(1));
        assertRun(twice(-1, -1, 0, 0, 0, -1, 0, 0), Opcode.I8X16_SHR_S, w, i32(-1));
        assertRun(twice(0x40, 0x60, 63, 0, 1, 0x7F, 2, 2), Opcode.I8X16_SHR_U, w, i32(1));
        assertRun(twice(1, 1, 0, 0, 0, 1, 0, 0), Opcode.I8X16_SHR_U, w, i32(0x7FFFFFFF));
    }

    @Test
    void add_wrapsAndSaturates() {
        long[] a = twice(127, -128, 1, -1, 100, 0x80, 5, 0);
        long[] b = twice(1, -1, -1, -1, 100, 0x80, 6, 0);
        assertRun(twice(-128, 127, 0, -2, -56, 0, 11, 0), Opcode.I8X16_ADD, a, b);
        assertRun(twice(127, -128, 0, -2, 127, -128, 11, 0), Opcode.I8X16_ADD_SAT_S, a, b);
        assertRun(twice(128, 255, 255, 255, 200, 255, 11, 0), Opcode.I8X16_ADD_SAT_U, a, b);
    }

    @Test
    void sub_wrapsAndSaturates() {
        long[] a = twice(-128, 127, 0, 1, 100, -100, 5, 0);
        long[] b = twice(1, -1, 1, 2, -100, 100, 6, -128);
        assertRun(twice(127, -128, -1, -1, -56, 56, -1, -128), Opcode.I8X16_SUB, a, b);
        assertRun(twice(-128, 127, -1, -1, 127, -128, -1, 127), Opcode.I8X16_SUB_SAT_S, a, b);
        assertRun(twice(127, 0, 0, 0, 0, 56, 0, 0), Opcode.I8X16_SUB_SAT_U, a, b);
    }

    @Test
    void minMax_signedAndUnsigned() {
        long[] a = twice(0, -1, 127, -128, 5, 6, -5, 0x80);
        long[] b = twice(-1, 0, -128, 127, 6, 5, 5, 0x7F);
        assertRun(twice(-1, -1, -128, -128, 5, 5, -5, -128), Opcode.I8X16_MIN_S, a, b);
        assertRun(twice(0, 0, 127, 127, 5, 5, 5, 127), Opcode.I8X16_MIN_U, a, b);
        assertRun(twice(0, 0, 127, 127, 6, 6, 5, 127), Opcode.I8X16_MAX_S, a, b);
        assertRun(twice(255, 255, 128, 128, 6, 6, 251, 128), Opcode.I8X16_MAX_U, a, b);
    }

    @Test
    void avgrU_roundsUp() {
        assertRun(twice(0, 255, 2, 255, 101, 1, 4, 128), Opcode.I8X16_AVGR_U,
                twice(0, 255, 1, 254, 100, 0, 3, 128), twice(0, 255, 2, 255, 101, 1, 4, 127));
    }
}
