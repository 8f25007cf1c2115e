package dev.robusta.runtime;

import static dev.robusta.runtime.Instructions.f32;
import static dev.robusta.runtime.Instructions.f64;
import static dev.robusta.runtime.WasmBuilder.F32;
import static dev.robusta.runtime.WasmBuilder.F64;
import static dev.robusta.runtime.WasmBuilder.I32;
import static dev.robusta.runtime.WasmBuilder.I64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;
import org.junit.jupiter.api.Test;

import java.util.List;

class NumericTest {
    private static Function i32Binary(Opcode op) {
        return Instructions.of(op, List.of(I32, I32), I32);
    }

    private static Function i64Binary(Opcode op) {
        return Instructions.of(op, List.of(I64, I64), I64);
    }

    private static void assertTrap(Trap expected, Runnable r) {
        TrapException e = assertThrows(TrapException.class, r::run);
        assertEquals(expected, e.trap());
        assertEquals(expected.message(), e.getMessage());
    }

    @Test
    void i32Division_trapsAndUnsignedForms() {
        Function divS = i32Binary(Opcode.I32_DIV_S);
        assertEquals(-3, divS.callInt(-7, 2));
        assertTrap(Trap.INTEGER_DIVIDE_BY_ZERO, () -> divS.callInt(1, 0));
        assertTrap(Trap.INTEGER_OVERFLOW, () -> divS.callInt(Integer.MIN_VALUE, -1));
        assertEquals(0x7FFF_FFFF, i32Binary(Opcode.I32_DIV_U).callInt(-1, 2));
        assertEquals(0, i32Binary(Opcode.I32_REM_S).callInt(Integer.MIN_VALUE, -1));
        assertEquals(-1, i32Binary(Opcode.I32_REM_S).callInt(-7, 2));
        assertEquals(1, i32Binary(Opcode.I32_REM_U).callInt(-1, 2));
        assertTrap(Trap.INTEGER_DIVIDE_BY_ZERO, () -> i32Binary(Opcode.I32_REM_U).callInt(1, 0));
    }

    @Test
    void i32Bits_shiftsRotatesCounts() {
        assertEquals(2, i32Binary(Opcode.I32_SHL).callInt(1, 33));
        assertEquals(-1, i32Binary(Opcode.I32_SHR_S).callInt(-1, 5));
        assertEquals(0x07FF_FFFF, i32Binary(Opcode.I32_SHR_U).callInt(-1, 5));
        assertEquals(0x0000_0003, i32Binary(Opcode.I32_ROTL).callInt(0x8000_0001L, 1));
        assertEquals(0xC000_0000, i32Binary(Opcode.I32_ROTR).callInt(0x8000_0001L, 1));
        assertEquals(32, Instructions.of(Opcode.I32_CLZ, List.of(I32), I32).callInt(0));
        assertEquals(31, Instructions.of(Opcode.I32_CTZ, List.of(I32), I32).callInt(0x8000_0000L));
        assertEquals(32, Instructions.of(Opcode.I32_POPCNT, List.of(I32), I32).callInt(-1));
        assertEquals(-128, Instructions.of(Opcode.I32_EXTEND8_S, List.of(I32), I32).callInt(0x1280));
        assertEquals(-32768, Instructions.of(Opcode.I32_EXTEND16_S, List.of(I32), I32).callInt(0x18000));
    }

    @Test
    void i32Comparisons_signedAndUnsigned() {
        assertEquals(1, i32Binary(Opcode.I32_LT_S).callInt(-1, 0));
        assertEquals(0, i32Binary(Opcode.I32_LT_U).callInt(-1, 0));
        assertEquals(1, i32Binary(Opcode.I32_GE_U).callInt(-1, 0));
        assertEquals(1, i32Binary(Opcode.I32_GT_U).callInt(0x8000_0000L, 0x7FFF_FFFF));
        assertEquals(0, i32Binary(Opcode.I32_GT_S).callInt(0x8000_0000L, 0x7FFF_FFFF));
        assertEquals(1, i32Binary(Opcode.I32_LE_S).callInt(5, 5));
        assertEquals(1, Instructions.of(Opcode.I32_EQZ, List.of(I32), I32).callInt(0));
    }

    @Test
    void i64Arithmetic_trapsBitsAndUnsigned() {
        assertTrap(Trap.INTEGER_DIVIDE_BY_ZERO, () -> i64Binary(Opcode.I64_DIV_S).callLong(1, 0));
        assertTrap(Trap.INTEGER_OVERFLOW, () -> i64Binary(Opcode.I64_DIV_S).callLong(Long.MIN_VALUE, -1));
        assertEquals(0L, i64Binary(Opcode.I64_REM_S).callLong(Long.MIN_VALUE, -1));
        assertEquals(Long.MAX_VALUE, i64Binary(Opcode.I64_DIV_U).callLong(-1, 2));
        assertEquals(1L, i64Binary(Opcode.I64_REM_U).callLong(-1, 2));
        assertEquals(2L, i64Binary(Opcode.I64_SHL).callLong(1, 65));
        assertEquals(3L, i64Binary(Opcode.I64_ROTL).callLong(0x8000_0000_0000_0001L, 1));
        assertEquals(0xC000_0000_0000_0000L, i64Binary(Opcode.I64_ROTR).callLong(0x8000_0000_0000_0001L, 1));
        assertEquals(64L, Instructions.of(Opcode.I64_CLZ, List.of(I64), I64).callLong(0));
        assertEquals(64L, Instructions.of(Opcode.I64_POPCNT, List.of(I64), I64).callLong(-1));
        assertEquals(-1L, Instructions.of(Opcode.I64_EXTEND32_S, List.of(I64), I64).callLong(0xFFFF_FFFFL));
        assertEquals(1, Instructions.of(Opcode.I64_LT_U, List.of(I64, I64), I32).callInt(1, -1));
        assertEquals(0, Instructions.of(Opcode.I64_LT_S, List.of(I64, I64), I32).callInt(1, -1));
        assertEquals(0xFFFF_FFFFL, Instructions.of(Opcode.I64_EXTEND_I32_U, List.of(I32), I64).callLong(-1));
        assertEquals(-1L, Instructions.of(Opcode.I64_EXTEND_I32_S, List.of(I32), I64).callLong(-1));
        assertEquals(-1, Instructions.of(Opcode.I32_WRAP_I64, List.of(I64), I32).callInt(0x1_FFFF_FFFFL));
    }

    @Test
    void f32MinMax_signedZerosAndNaN() {
        Function min = Instructions.of(Opcode.F32_MIN, List.of(F32, F32), F32);
        Function max = Instructions.of(Opcode.F32_MAX, List.of(F32, F32), F32);
        assertEquals(f32(-0.0f), f32(min.callFloat(f32(0.0f), f32(-0.0f))));
        assertEquals(f32(-0.0f), f32(min.callFloat(f32(-0.0f), f32(0.0f))));
        assertEquals(f32(0.0f), f32(max.callFloat(f32(-0.0f), f32(0.0f))));
        int signalling = 0x7FA0_0000;
        int result = (int) min.call(signalling, f32(1.0f))[0];
        assertTrue(Float.isNaN(Float.intBitsToFloat(result)));
        assertEquals(0x7FC0_0000, result & 0x7FC0_0000, "arithmetic NaN: quiet bit set");
        assertEquals(0x7FC0_0000, (int) max.call(f32(1.0f), 0x7FC0_0000)[0] & 0x7FFF_FFFF);
    }

    @Test
    void f64MinMax_signedZerosAndNaN() {
        Function min = Instructions.of(Opcode.F64_MIN, List.of(F64, F64), F64);
        Function max = Instructions.of(Opcode.F64_MAX, List.of(F64, F64), F64);
        assertEquals(f64(-0.0), f64(min.callDouble(f64(0.0), f64(-0.0))));
        assertEquals(f64(0.0), f64(max.callDouble(f64(0.0), f64(-0.0))));
        long result = max.call(0x7FF4_0000_0000_0000L, f64(1.0))[0];
        assertEquals(0x7FFC_0000_0000_0000L, result, "the signalling NaN is quieted, payload kept");
    }

    @Test
    void nearest_tiesToEven_keepsSignOfZero() {
        Function n32 = Instructions.of(Opcode.F32_NEAREST, List.of(F32), F32);
        Function n64 = Instructions.of(Opcode.F64_NEAREST, List.of(F64), F64);
        assertEquals(0.0f, n32.callFloat(f32(0.5f)));
        assertEquals(2.0f, n32.callFloat(f32(1.5f)));
        assertEquals(2.0f, n32.callFloat(f32(2.5f)));
        assertEquals(f32(-0.0f), f32(n32.callFloat(f32(-0.5f))));
        assertEquals(-4.0, n64.callDouble(f64(-3.5)));
        assertEquals(f64(-0.0), f64(n64.callDouble(f64(-0.25))));
        assertEquals(4503599627370497.0, n64.callDouble(f64(4503599627370497.0)));
    }

    @Test
    void roundingFunctions_negativeFractionsAndNaNQuieting() {
        assertEquals(f32(-0.0f), f32(Instructions.of(Opcode.F32_CEIL, List.of(F32), F32).callFloat(f32(-0.5f))));
        assertEquals(-1.0f, Instructions.of(Opcode.F32_FLOOR, List.of(F32), F32).callFloat(f32(-0.5f)));
        assertEquals(f64(-0.0), f64(Instructions.of(Opcode.F64_TRUNC, List.of(F64), F64).callDouble(f64(-0.9))));
        long nan = Instructions.of(Opcode.F64_FLOOR, List.of(F64), F64).call(0x7FF0_0000_0000_0001L)[0];
        assertEquals(0x7FF8_0000_0000_0001L, nan);
        assertTrue(Float.isNaN(Instructions.of(Opcode.F32_SQRT, List.of(F32), F32).callFloat(f32(-1f))));
    }

    @Test
    void signOperations_areBitExactOnNaN() {
        assertEquals(0xFFA0_0001, (int) Instructions.of(Opcode.F32_NEG, List.of(F32), F32).call(0x7FA0_0001)[0]);
        assertEquals(0x7FA0_0001, (int) Instructions.of(Opcode.F32_ABS, List.of(F32), F32).call(0xFFA0_0001L)[0]);
        assertEquals(0xFFF4_0000_0000_0000L,
                Instructions.of(Opcode.F64_COPYSIGN, List.of(F64, F64), F64).call(0x7FF4_0000_0000_0000L, f64(-1))[0]);
        assertEquals(f32(-2.0f), f32(Instructions.of(Opcode.F32_COPYSIGN, List.of(F32, F32), F32)
                .callFloat(f32(2.0f), f32(-0.0f))));
    }

    @Test
    void trappingTruncation_boundaries() {
        Function s32 = Instructions.of(Opcode.I32_TRUNC_F32_S, List.of(F32), I32);
        assertEquals(Integer.MIN_VALUE, s32.callInt(f32(-2147483648f)));
        assertEquals(-1, s32.callInt(f32(-1.9f)));
        assertTrap(Trap.INTEGER_OVERFLOW, () -> s32.callInt(f32(2147483648f)));
        assertTrap(Trap.INVALID_CONVERSION_TO_INTEGER, () -> s32.callInt(f32(Float.NaN)));
        Function u32 = Instructions.of(Opcode.I32_TRUNC_F64_U, List.of(F64), I32);
        assertEquals(-1, u32.callInt(f64(4294967295.9)));
        assertEquals(0, u32.callInt(f64(-0.99)));
        assertTrap(Trap.INTEGER_OVERFLOW, () -> u32.callInt(f64(-1.0)));
        assertTrap(Trap.INTEGER_OVERFLOW, () -> u32.callInt(f64(4294967296.0)));
        Function u64 = Instructions.of(Opcode.I64_TRUNC_F64_U, List.of(F64), I64);
        assertEquals(0xFFFF_FFFF_FFFF_F800L, u64.callLong(f64(18446744073709549568.0)));
        assertTrap(Trap.INTEGER_OVERFLOW, () -> u64.callLong(f64(18446744073709551616.0)));
        Function s64 = Instructions.of(Opcode.I64_TRUNC_F32_S, List.of(F32), I64);
        assertEquals(Long.MIN_VALUE, s64.callLong(f32(-9223372036854775808f)));
        assertTrap(Trap.INTEGER_OVERFLOW, () -> s64.callLong(f32(9223372036854775808f)));
    }

    @Test
    void saturatingTruncation_clampsAndMapsNaNToZero() {
        assertEquals(Integer.MAX_VALUE, Instructions.of(Opcode.I32_TRUNC_SAT_F32_S, List.of(F32), I32).callInt(f32(1e10f)));
        assertEquals(0, Instructions.of(Opcode.I32_TRUNC_SAT_F32_S, List.of(F32), I32).callInt(f32(Float.NaN)));
        assertEquals(-1, Instructions.of(Opcode.I32_TRUNC_SAT_F64_U, List.of(F64), I32).callInt(f64(1e20)));
        assertEquals(0, Instructions.of(Opcode.I32_TRUNC_SAT_F64_U, List.of(F64), I32).callInt(f64(-5)));
        assertEquals(-1L, Instructions.of(Opcode.I64_TRUNC_SAT_F64_U, List.of(F64), I64).callLong(f64(1e30)));
        assertEquals(Long.MIN_VALUE, Instructions.of(Opcode.I64_TRUNC_SAT_F32_S, List.of(F32), I64).callLong(f32(-1e30f)));
    }

    @Test
    void unsignedConversions_roundOnce() {
        Function f64u = Instructions.of(Opcode.F64_CONVERT_I64_U, List.of(I64), F64);
        assertEquals(18446744073709551615.0, f64u.callDouble(-1));
        // 2^63 + 2^10 + 1 is just above a tie: it rounds up to 2^63 + 2^11 (halving first would make a tie)
        assertEquals(9223372036854777856.0, f64u.callDouble(0x8000_0000_0000_0401L));
        Function f32u = Instructions.of(Opcode.F32_CONVERT_I64_U, List.of(I64), F32);
        assertEquals(9223373136366403584.0f, f32u.callFloat(0x8000_0080_0000_0001L));
        assertEquals(4294967295.0f, Instructions.of(Opcode.F32_CONVERT_I32_U, List.of(I32), F32).callFloat(-1));
        assertEquals(4294967295.0, Instructions.of(Opcode.F64_CONVERT_I32_U, List.of(I32), F64).callDouble(-1));
        assertEquals(-1.0f, Instructions.of(Opcode.F32_CONVERT_I32_S, List.of(I32), F32).callFloat(-1));
    }

    @Test
    void promoteDemoteReinterpret() {
        assertEquals(0x7FC0_0000, (int) Instructions.of(Opcode.F32_DEMOTE_F64, List.of(F64), F32)
                .call(0x7FF8_0000_0000_0000L)[0]);
        assertEquals(Float.POSITIVE_INFINITY, Instructions.of(Opcode.F32_DEMOTE_F64, List.of(F64), F32).callFloat(f64(1e300)));
        assertEquals(0.1f, (float) Instructions.of(Opcode.F64_PROMOTE_F32, List.of(F32), F64).callDouble(f32(0.1f)));
        assertEquals(0x7FA0_0000, Instructions.of(Opcode.I32_REINTERPRET_F32, List.of(F32), I32).callInt(0x7FA0_0000));
        assertEquals(0xFFF4_0000_0000_0000L,
                Instructions.of(Opcode.I64_REINTERPRET_F64, List.of(F64), I64).callLong(0xFFF4_0000_0000_0000L));
    }

    @Test
    void floatArithmeticAndComparisons() {
        assertEquals(0.3f + 0.6f, Instructions.of(Opcode.F32_ADD, List.of(F32, F32), F32).callFloat(f32(0.3f), f32(0.6f)));
        assertEquals(1.0 / 3.0, Instructions.of(Opcode.F64_DIV, List.of(F64, F64), F64).callDouble(f64(1), f64(3)));
        assertEquals(0, Instructions.of(Opcode.F64_EQ, List.of(F64, F64), I32).callInt(f64(Double.NaN), f64(Double.NaN)));
        assertEquals(1, Instructions.of(Opcode.F32_NE, List.of(F32, F32), I32).callInt(f32(Float.NaN), f32(Float.NaN)));
        assertEquals(1, Instructions.of(Opcode.F32_EQ, List.of(F32, F32), I32).callInt(f32(0.0f), f32(-0.0f)));
        assertEquals(0, Instructions.of(Opcode.F64_LT, List.of(F64, F64), I32).callInt(f64(Double.NaN), f64(1)));
    }
}
