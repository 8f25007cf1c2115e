package dev.robusta.runtime.internal.simd;

import static dev.robusta.runtime.internal.simd.Vectors.assertRun;
import static dev.robusta.runtime.internal.simd.Vectors.i16x8;
import static dev.robusta.runtime.internal.simd.Vectors.i32;
import static dev.robusta.runtime.internal.simd.Vectors.i32x4;
import static dev.robusta.runtime.internal.simd.Vectors.i8x16;

import dev.robusta.wasm.Opcode;
import org.junit.jupiter.api.Test;

/** The i16x8 instructions, on lanes that differ in each position. */
class I16x8Test {

    private static final long[] A = i16x8(0, 1, -1, -32768, 32767, -32768, 32767, 5);
    private static final long[] B = i16x8(0, -1, 1, 32767, -32768, -32768, 32767, 6);

    @Test
    void comparisons_signedAndUnsigned() {
        assertRun(i16x8(-1, 0, 0, 0, 0, -1, -1, 0), Opcode.I16X8_EQ, A, B);
        assertRun(i16x8(0, -1, -1, -1, -1, 0, 0, -1), Opcode.I16X8_NE, A, B);
        assertRun(i16x8(0, 0, -1, -1, 0, 0, 0, -1), Opcode.I16X8_LT_S, A, B);
        assertRun(i16x8(0, -1, 0, 0, -1, 0, 0, -1), Opcode.I16X8_LT_U, A, B);
        assertRun(i16x8(0, -1, 0, 0, -1, 0, 0, 0), Opcode.I16X8_GT_S, A, B);
        assertRun(i16x8(0, 0, -1, -1, 0, 0, 0, 0), Opcode.I16X8_GT_U, A, B);
        assertRun(i16x8(-1, 0, -1, -1, 0, -1, -1, -1), Opcode.I16X8_LE_S, A, B);
        assertRun(i16x8(-1, -1, 0, 0, -1, -1, -1, -1), Opcode.I16X8_LE_U, A, B);
        assertRun(i16x8(-1, -1, 0, 0, -1, -1, -1, 0), Opcode.I16X8_GE_S, A, B);
        assertRun(i16x8(-1, 0, -1, -1, 0, -1, -1, 0), Opcode.I16X8_GE_U, A, B);
    }

    @Test
    void extaddPairwise_signedAndUnsigned() {
        long[] v = i8x16(-128, -128, 127, 127, -1, 1, 255, 255, 0, 5, -7, 3, 100, 100, -100, -100);
        assertRun(i16x8(-256, 254, 0, -2, 5, -4, 200, -200), Opcode.I16X8_EXTADD_PAIRWISE_I8X16_S, v);
        assertRun(i16x8(256, 254, 256, 510, 5, 252, 200, 312), Opcode.I16X8_EXTADD_PAIRWISE_I8X16_U, v);
    }

    @Test
    void absNeg() {
        long[] v = i16x8(0, 1, -1, -32768, 32767, -32767, 5, -5);
        assertRun(i16x8(0, 1, 1, -32768, 32767, 32767, 5, 5), Opcode.I16X8_ABS, v);
        assertRun(i16x8(0, -1, 1, -32768, -32767, 32767, -5, 5), Opcode.I16X8_NEG, v);
    }

    @Test
    void q15mulrSatS_roundsAndSaturates() {
        assertRun(i16x8(32767, 8192, -32767, 1, 0, 1, 0, 0), Opcode.I16X8_Q15MULR_SAT_S,
                i16x8(-32768, 16384, -32768, -1, -1, 100, 3, 0), i16x8(-32768, 16384, 32767, -32768, -1, 200, -5, 5));
    }

    @Test
    void allTrueAndBitmask() {
        assertRun(i32(1), Opcode.I16X8_ALL_TRUE, i16x8(1, 0x100, 0x8000, -1, 2, 3, 4, 0x7FFF));
        assertRun(i32(0), Opcode.I16X8_ALL_TRUE, i16x8(1, 1, 1, 1, 1, 1, 1, 0));
        assertRun(i32(0), Opcode.I16X8_ALL_TRUE, i16x8(1, 0, 1, 1, 1, 1, 1, 1));
        assertRun(i32(0x85), Opcode.I16X8_BITMASK, i16x8(-1, 0, 0x8000, 1, 0x7FFF, 0, 0, -2));
    }

    @Test
    void narrow_saturatesEachOperandIntoItsHalf() {
        long[] a = i32x4(0, 32767, 32768, -32769);
        long[] b = i32x4(-32768, 65535, 0x90ABCDEF, 0x12345678);
        assertRun(i16x8(0, 32767, 32767, -32768, -32768, 32767, -32768, 32767), Opcode.I16X8_NARROW_I32X4_S, a, b);
        assertRun(i16x8(0, 32767, 32768, 0, 0, 65535, 0, 65535), Opcode.I16X8_NARROW_I32X4_U, a, b);
    }

    @Test
    void extend_lowAndHigh() {
        long[] v = i8x16(-128, 127, -1, 0, 1, 0x80, 5, -5, 9, -9, 100, -100, 0x7F, 0xFF, 0, 1);
        assertRun(i16x8(-128, 127, -1, 0, 1, -128, 5, -5), Opcode.I16X8_EXTEND_LOW_I8X16_S, v);
        assertRun(i16x8(128, 127, 255, 0, 1, 128, 5, 251), Opcode.I16X8_EXTEND_LOW_I8X16_U, v);
        assertRun(i16x8(9, -9, 100, -100, 127, -1, 0, 1), Opcode.I16X8_EXTEND_HIGH_I8X16_S, v);
        assertRun(i16x8(9, 247, 100, 156, 127, 255, 0, 1), Opcode.I16X8_EXTEND_HIGH_I8X16_U, v);
    }

    @Test
    void shifts_countModulo16() {
        long[] v = i16x8(-32768, -16384, 0, 1, 2, 0x7FFF, 4, -1);
        assertRun(i16x8(0, -32768, 0, 2, 4, -2, 8, -2), Opcode.I16X8_SHL, v, i32(1));
        assertRun(i16x8(0, -32768, 0, 2, 4, -2, 8, -2), Opcode.I16X8_SHL, v, i32(17));
        assertRun(i16x8(-16384, -8192, 0, 0, 1, 0x3FFF, 2, -1), Opcode.I16X8_SHR_S, v, i32(1));
        assertRun(i16x8(-1, -1, 0, 0, 0, 0, 0, -1), Opcode.I16X8_SHR_S, v, i32(15));
        assertRun(i16x8(0x4000, 0x6000, 0, 0, 1, 0x3FFF, 2, 0x7FFF), Opcode.I16X8_SHR_U, v, i32(1));
        assertRun(v, Opcode.I16X8_SHR_U, v, i32(32));
    }

    @Test
    void addSub_wrapAndSaturate() {
        long[] a = i16x8(32767, -32768, 1, -1, 20000, -20000, 5, 0);
        long[] b = i16x8(1, -1, -1, -1, 20000, -20000, 6, -32768);
        assertRun(i16x8(-32768, 32767, 0, -2, -25536, 25536, 11, -32768), Opcode.I16X8_ADD, a, b);
        assertRun(i16x8(32767, -32768, 0, -2, 32767, -32768, 11, -32768), Opcode.I16X8_ADD_SAT_S, a, b);
        assertRun(i16x8(32768, 65535, 65535, 65535, 40000, 65535, 11, 32768), Opcode.I16X8_ADD_SAT_U, a, b);
        assertRun(i16x8(32766, -32767, 2, 0, 0, 0, -1, -32768), Opcode.I16X8_SUB, a, b);
        assertRun(i16x8(32766, -32767, 2, 0, 0, 0, -1, 32767), Opcode.I16X8_SUB_SAT_S, a, b);
        assertRun(i16x8(32766, 0, 0, 0, 0, 0, 0, 0), Opcode.I16X8_SUB_SAT_U, a, b);
        assertRun(i16x8(32767, -32768, -1, 1, -31744, -31744, 30, 0), Opcode.I16X8_MUL, a, b);
    }

    @Test
    void minMaxAvgr() {
        long[] a = i16x8(0, -1, 32767, -32768, 5, 6, -5, 0x8000);
        long[] b = i16x8(-1, 0, -32768, 32767, 6, 5, 5, 0x7FFF);
        assertRun(i16x8(-1, -1, -32768, -32768, 5, 5, -5, -32768), Opcode.I16X8_MIN_S, a, b);
        assertRun(i16x8(0, 0, 32767, 32767, 5, 5, 5, 32767), Opcode.I16X8_MIN_U, a, b);
        assertRun(i16x8(0, 0, 32767, 32767, 6, 6, 5, 32767), Opcode.I16X8_MAX_S, a, b);
        assertRun(i16x8(65535, 65535, 32768, 32768, 6, 6, 65531, 32768), Opcode.I16X8_MAX_U, a, b);
        assertRun(i16x8(0, 65535, 2, 65535, 101, 1, 4, 32768), Opcode.I16X8_AVGR_U,
                i16x8(0, 65535, 1, 65534, 100, 0, 3, 32768), i16x8(0, 65535, 2, 65535, 101, 1, 4, 32767));
    }

    @Test
    void extmul_lowAndHigh() {
        long[] a = i8x16(-128, 127, -1, 2, 3, 4, 5, 6, 7, 8, 9, 10, -11, 12, -128, 255);
        long[] b = i8x16(-128, 127, 255, -2, 3, 4, 5, 6, 7, 8, 9, 10, 11, -12, 127, 255);
        assertRun(i16x8(16384, 16129, 1, -4, 9, 16, 25, 36), Opcode.I16X8_EXTMUL_LOW_I8X16_S, a, b);
        assertRun(i16x8(16384, 16129, -511, 508, 9, 16, 25, 36), Opcode.I16X8_EXTMUL_LOW_I8X16_U, a, b);
        assertRun(i16x8(49, 64, 81, 100, -121, -144, -16256, 1), Opcode.I16X8_EXTMUL_HIGH_I8X16_S, a, b);
        assertRun(i16x8(49, 64, 81, 100, 2695, 2928, 16256, -511), Opcode.I16X8_EXTMUL_HIGH_I8X16_U, a, b);
    }
}
