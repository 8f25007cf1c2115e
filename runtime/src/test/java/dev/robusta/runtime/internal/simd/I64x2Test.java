package dev.robusta.runtime.internal.simd;

import static dev.robusta.runtime.internal.simd.Vectors.assertRun;
import static dev.robusta.runtime.internal.simd.Vectors.i32;
import static dev.robusta.runtime.internal.simd.Vectors.i32x4;
import static dev.robusta.runtime.internal.simd.Vectors.i64x2;

import dev.robusta.wasm.Opcode;
import org.junit.jupiter.api.Test;

/** The i64x2 instructions. */
class I64x2Test {

    private static final long MIN = Long.MIN_VALUE;
    private static final long MAX = Long.MAX_VALUE;

    @Test
    void absNegAllTrueBitmask() {
        assertRun(i64x2(MIN, 5), Opcode.I64X2_ABS, i64x2(MIN, -5));
        assertRun(i64x2(MIN, -5), Opcode.I64X2_NEG, i64x2(MIN, 5));
        assertRun(i32(1), Opcode.I64X2_ALL_TRUE, i64x2(1L << 40, -1));
        assertRun(i32(0), Opcode.I64X2_ALL_TRUE, i64x2(0, 1));
        assertRun(i32(0), Opcode.I64X2_ALL_TRUE, i64x2(1, 0));
        assertRun(i32(1), Opcode.I64X2_BITMASK, i64x2(-1, 0));
        assertRun(i32(2), Opcode.I64X2_BITMASK, i64x2(MAX, MIN));
    }

    @Test
    void extend_lowAndHigh() {
        long[] v = i32x4(-1, Integer.MIN_VALUE, 5, -5);
        assertRun(i64x2(-1, Integer.MIN_VALUE), Opcode.I64X2_EXTEND_LOW_I32X4_S, v);
        assertRun(i64x2(0xFFFFFFFFL, 0x80000000L), Opcode.I64X2_EXTEND_LOW_I32X4_U, v);
        assertRun(i64x2(5, -5), Opcode.I64X2_EXTEND_HIGH_I32X4_S, v);
        assertRun(i64x2(5, 0xFFFFFFFBL), Opcode.I64X2_EXTEND_HIGH_I32X4_U, v);
    }

    @Test
    void shifts_countModulo64() {
        long[] v = i64x2(MIN, 3);
        assertRun(i64x2(0, 6), Opcode.I64X2_SHL, v, i32(1));
        assertRun(i64x2(0, 6), Opcode.I64X2_SHL, v, i32(65));
        assertRun(i64x2(0xC000000000000000L, 1), Opcode.I64X2_SHR_S, v, i32(1));
        assertRun(i64x2(0x4000000000000000L, 1), Opcode.I64X2_SHR_U, v, i32(1));
        assertRun(v, Opcode.I64X2_SHR_U, v, i32(64));
        assertRun(i64x2(-1, 0), Opcode.I64X2_SHR_S, v, i32(-1));
    }

    @Test
    void addSubMul_wrap() {
        assertRun(i64x2(MIN, 0), Opcode.I64X2_ADD, i64x2(MAX, 1), i64x2(1, -1));
        assertRun(i64x2(MAX, -1), Opcode.I64X2_SUB, i64x2(MIN, 0), i64x2(1, 1));
        assertRun(i64x2(-2, 0), Opcode.I64X2_MUL, i64x2(MAX, 1L << 32), i64x2(2, 1L << 32));
    }

    @Test
    void comparisons_signed() {
        long[] a = i64x2(MIN, 5);
        long[] b = i64x2(MAX, 5);
        assertRun(i64x2(0, -1), Opcode.I64X2_EQ, a, b);
        assertRun(i64x2(-1, 0), Opcode.I64X2_NE, a, b);
        assertRun(i64x2(-1, 0), Opcode.I64X2_LT_S, a, b);
        assertRun(i64x2(0, 0), Opcode.I64X2_GT_S, a, b);
        assertRun(i64x2(-1, -1), Opcode.I64X2_LE_S, a, b);
        assertRun(i64x2(0, -1), Opcode.I64X2_GE_S, a, b);
        assertRun(i64x2(-1, 0), Opcode.I64X2_LT_S, i64x2(-1, 0), i64x2(0, -1));
        assertRun(i64x2(0, -1), Opcode.I64X2_GT_S, i64x2(-1, 0), i64x2(0, -1));
    }

    @Test
    void extmul_lowAndHigh() {
        long[] a = i32x4(-1, Integer.MIN_VALUE, 65536, -7);
        long[] b = i32x4(-1, Integer.MIN_VALUE, 65536, 3);
        assertRun(i64x2(1, 1L << 62), Opcode.I64X2_EXTMUL_LOW_I32X4_S, a, b);
        assertRun(i64x2(0xFFFFFFFE00000001L, 1L << 62), Opcode.I64X2_EXTMUL_LOW_I32X4_U, a, b);
        assertRun(i64x2(1L << 32, -21), Opcode.I64X2_EXTMUL_HIGH_I32X4_S, a, b);
        assertRun(i64x2(1L << 32, 0x2FFFFFFEBL), Opcode.I64X2_EXTMUL_HIGH_I32X4_U, a, b);
    }
}
