package dev.robusta.runtime.internal.simd;

import static dev.robusta.runtime.internal.simd.Vectors.assertRun;
import static dev.robusta.runtime.internal.simd.Vectors.i16x8;
import static dev.robusta.runtime.internal.simd.Vectors.i32;
import static dev.robusta.runtime.internal.simd.Vectors.i32x4;

import dev.robusta.wasm.Opcode;
import org.junit.jupiter.api.Test;

/** The i32x4 integer instructions (the float conversions are in ConversionsTest). */
class I32x4Test {

    private static final int MIN = Integer.MIN_VALUE;
    private static final int MAX = Integer.MAX_VALUE;

    @Test
    void comparisons_signedAndUnsigned() {
        long[] a = i32x4(0, 1, -1, MIN);
        long[] b = i32x4(0, -1, 1, MAX);
        assertRun(i32x4(-1, 0, 0, 0), Opcode.I32X4_EQ, a, b);
        assertRun(i32x4(0, -1, -1, -1), Opcode.I32X4_NE, a, b);
        assertRun(i32x4(0, 0, -1, -1), Opcode.I32X4_LT_S, a, b);
        assertRun(i32x4(0, -1, 0, 0), Opcode.I32X4_LT_U, a, b);
        assertRun(i32x4(0, -1, 0, 0), Opcode.I32X4_GT_S, a, b);
        assertRun(i32x4(0, 0, -1, -1), Opcode.I32X4_GT_U, a, b);
        assertRun(i32x4(-1, 0, -1, -1), Opcode.I32X4_LE_S, a, b);
        assertRun(i32x4(-1, -1, 0, 0), Opcode.I32X4_LE_U, a, b);
        assertRun(i32x4(-1, -1, 0, 0), Opcode.I32X4_GE_S, a, b);
        assertRun(i32x4(-1, 0, -1, -1), Opcode.I32X4_GE_U, a, b);
        long[] c = i32x4(MAX, MIN, MAX, 5);
        long[] d = i32x4(MIN, MIN, MAX, 6);
        assertRun(i32x4(0, -1, -1, 0), Opcode.I32X4_EQ, c, d);
        assertRun(i32x4(-1, 0, 0, -1), Opcode.I32X4_LT_U, c, d);
        assertRun(i32x4(-1, 0, 0, 0), Opcode.I32X4_GT_S, c, d);
        assertRun(i32x4(0, -1, -1, 0), Opcode.I32X4_GE_U, c, d);
    }

    @Test
    void extaddPairwise_signedAndUnsigned() {
        long[] v = i16x8(-32768, -32768, 32767, 32767, -1, 1, 65535, 65535);
        assertRun(i32x4(-65536, 65534, 0, -2), Opcode.I32X4_EXTADD_PAIRWISE_I16X8_S, v);
        assertRun(i32x4(65536, 65534, 65536, 131070), Opcode.I32X4_EXTADD_PAIRWISE_I16X8_U, v);
    }

    @Test
    void absNegAllTrueBitmask() {
        assertRun(i32x4(0, 1, MIN, 5), Opcode.I32X4_ABS, i32x4(0, -1, MIN, -5));
        assertRun(i32x4(-1, 1, MIN, -MAX), Opcode.I32X4_NEG, i32x4(1, -1, MIN, MAX));
        assertRun(i32(1), Opcode.I32X4_ALL_TRUE, i32x4(0x100, -1, MIN, 1));
        assertRun(i32(0), Opcode.I32X4_ALL_TRUE, i32x4(1, 1, 1, 0));
        assertRun(i32(0), Opcode.I32X4_ALL_TRUE, i32x4(0, 1, 1, 1));
        assertRun(i32(5), Opcode.I32X4_BITMASK, i32x4(-1, 0, MIN, MAX));
    }

    @Test
    void extend_lowAndHigh() {
        long[] v = i16x8(-32768, 32767, -1, 0, 1, 0x8000, 5, -5);
        assertRun(i32x4(-32768, 32767, -1, 0), Opcode.I32X4_EXTEND_LOW_I16X8_S, v);
        assertRun(i32x4(32768, 32767, 65535, 0), Opcode.I32X4_EXTEND_LOW_I16X8_U, v);
        assertRun(i32x4(1, -32768, 5, -5), Opcode.I32X4_EXTEND_HIGH_I16X8_S, v);
        assertRun(i32x4(1, 32768, 5, 65531), Opcode.I32X4_EXTEND_HIGH_I16X8_U, v);
    }

    @Test
    void shifts_countModulo32() {
        long[] v = i32x4(MIN, -2, 1, MAX);
        assertRun(i32x4(0, -4, 2, -2), Opcode.I32X4_SHL, v, i32(1));
        assertRun(i32x4(0, -4, 2, -2), Opcode.I32X4_SHL, v, i32(33));
        assertRun(i32x4(-1073741824, -1, 0, 0x3FFFFFFF), Opcode.I32X4_SHR_S, v, i32(1));
        assertRun(i32x4(-1, -1, 0, 0), Opcode.I32X4_SHR_S, v, i32(31));
        assertRun(i32x4(0x40000000, 0x7FFFFFFF, 0, 0x3FFFFFFF), Opcode.I32X4_SHR_U, v, i32(1));
        assertRun(v, Opcode.I32X4_SHR_U, v, i32(32));
    }

    @Test
    void addSubMul_wrap() {
        assertRun(i32x4(MIN, MAX, 0, -2), Opcode.I32X4_ADD, i32x4(MAX, MIN, 1, -1), i32x4(1, -1, -1, -1));
        assertRun(i32x4(MAX, MIN, -1, -2), Opcode.I32X4_SUB, i32x4(MIN, MAX, 0, 5), i32x4(1, -1, 1, 7));
        assertRun(i32x4(-2, MIN, 0, -21), Opcode.I32X4_MUL, i32x4(MAX, MIN, 0x10000, -3), i32x4(2, -1, 0x10000, 7));
    }

    @Test
    void minMax_signedAndUnsigned() {
        long[] a = i32x4(0, -1, MAX, MIN);
        long[] b = i32x4(-1, 0, MIN, MAX);
        assertRun(i32x4(-1, -1, MIN, MIN), Opcode.I32X4_MIN_S, a, b);
        assertRun(i32x4(0, 0, MAX, MAX), Opcode.I32X4_MIN_U, a, b);
        assertRun(i32x4(0, 0, MAX, MAX), Opcode.I32X4_MAX_S, a, b);
        assertRun(i32x4(-1, -1, MIN, MIN), Opcode.I32X4_MAX_U, a, b);
    }

    @Test
    void dot_specVectorsAndWrap() {
        assertRun(i32x4(1073709056, 1073709056, 1073709056, 1073709056), Opcode.I32X4_DOT_I16X8_S,
                i16x8(-32768, 65535, -32768, 65535, -32768, 65535, -32768, 65535),
                i16x8(-32767, 0, -32767, 0, -32767, 0, -32767, 0));
        assertRun(i32x4(616605, 3083025, 7522581, 13935273), Opcode.I32X4_DOT_I16X8_S,
                i16x8(111, 222, 333, 444, 555, 666, 777, 888), i16x8(1111, 2222, 3333, 4444, 5555, 6666, 7777, 8888));
        assertRun(i32x4(MIN, MIN, MIN, MIN), Opcode.I32X4_DOT_I16X8_S,
                i16x8(-32768, -32768, -32768, -32768, -32768, -32768, -32768, -32768),
                i16x8(-32768, -32768, -32768, -32768, -32768, -32768, -32768, -32768));
    }

    @Test
    void extmul_lowAndHigh() {
        long[] a = i16x8(-32768, 32767, -1, 2, 3, -4, 65535, 1000);
        long[] b = i16x8(-32768, 32767, 65535, -3, 5, 6, 65535, 1000);
        assertRun(i32x4(1073741824, 1073676289, 1, -6), Opcode.I32X4_EXTMUL_LOW_I16X8_S, a, b);
        assertRun(i32x4(1073741824, 1073676289, -131071, 131066), Opcode.I32X4_EXTMUL_LOW_I16X8_U, a, b);
        assertRun(i32x4(15, -24, 1, 1000000), Opcode.I32X4_EXTMUL_HIGH_I16X8_S, a, b);
        assertRun(i32x4(15, 393192, -131071, 1000000), Opcode.I32X4_EXTMUL_HIGH_I16X8_U, a, b);
    }
}
