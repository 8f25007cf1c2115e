package dev.robusta.runtime.internal.simd;

import static dev.robusta.runtime.internal.simd.Vectors.assertRun;
import static dev.robusta.runtime.internal.simd.Vectors.i32;
import static dev.robusta.runtime.internal.simd.Vectors.i32x4;
import static dev.robusta.runtime.internal.simd.Vectors.i64x2;

import dev.robusta.wasm.Opcode;
import org.junit.jupiter.api.Test;

/** v128.not/and/andnot/or/xor/bitselect/any_true; vectors from simd_bitwise.wast and simd_boolean.wast. */
class BitwiseTest {

    private static final long[] A = i32x4(0, 0, -1, -1);
    private static final long[] B = i32x4(0, -1, 0, -1);

    @Test
    void logic_truthTable() {
        assertRun(i32x4(-1, -1, 0, 0), Opcode.V128_NOT, A);
        assertRun(i32x4(0, 0, 0, -1), Opcode.V128_AND, A, B);
        assertRun(i32x4(0, 0, -1, 0), Opcode.V128_ANDNOT, A, B);
        assertRun(i32x4(0, -1, -1, -1), Opcode.V128_OR, A, B);
        assertRun(i32x4(0, -1, -1, 0), Opcode.V128_XOR, A, B);
    }

    @Test
    void bitselect_takesFirstWhereMaskIsSet() {
        assertRun(i32x4(0xABABABAB, 0xABABABAB, 0xABABABAB, 0xABABABAB), Opcode.V128_BITSELECT,
                i32x4(0xAAAAAAAA, 0xAAAAAAAA, 0xAAAAAAAA, 0xAAAAAAAA),
                i32x4(0xBBBBBBBB, 0xBBBBBBBB, 0xBBBBBBBB, 0xBBBBBBBB),
                i32x4(0xF0F0F0F0, 0xF0F0F0F0, 0xF0F0F0F0, 0xF0F0F0F0));
        assertRun(i64x2(0x00000000FFFFFFFFL, 0xFFFFFFFF00000000L), Opcode.V128_BITSELECT,
                i64x2(-1, -1), i64x2(0, 0), i64x2(0x00000000FFFFFFFFL, 0xFFFFFFFF00000000L));
    }

    @Test
    void anyTrue_anyBitInEitherHalf() {
        assertRun(i32(0), Opcode.V128_ANY_TRUE, i64x2(0, 0));
        assertRun(i32(1), Opcode.V128_ANY_TRUE, i64x2(0, Long.MIN_VALUE));
        assertRun(i32(1), Opcode.V128_ANY_TRUE, i64x2(1, 0));
    }
}
