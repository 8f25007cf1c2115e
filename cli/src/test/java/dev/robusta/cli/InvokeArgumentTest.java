package dev.robusta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.robusta.wasm.ValType;
import org.junit.jupiter.api.Test;

class InvokeArgumentTest {
    @Test
    void parse_i32_decimalHexSignedAndUnsigned() {
        assertEquals(42, InvokeArgument.parse(ValType.I32, "42"));
        assertEquals(42, InvokeArgument.parse(ValType.I32, "+42"));
        assertEquals(-7, InvokeArgument.parse(ValType.I32, "-7"));
        assertEquals(255, InvokeArgument.parse(ValType.I32, "0xff"));
        assertEquals(255, InvokeArgument.parse(ValType.I32, "0XFF"));
        assertEquals(-16, InvokeArgument.parse(ValType.I32, "-0x10"));
        assertEquals(-1, InvokeArgument.parse(ValType.I32, "0xffffffff"));
        assertEquals(-1, InvokeArgument.parse(ValType.I32, "4294967295"));
        assertEquals(Integer.MIN_VALUE, InvokeArgument.parse(ValType.I32, "-2147483648"));
    }

    @Test
    void parse_i32_errors() {
        for (String bad : new String[] {"", "x", "1.5", "0x", "4294967296", "-2147483649", "1_000", " 1", "0x1g"}) {
            assertThrows(IllegalArgumentException.class, () -> InvokeArgument.parse(ValType.I32, bad), bad);
        }
    }

    @Test
    void parse_i64_fullRange() {
        assertEquals(Long.MAX_VALUE, InvokeArgument.parse(ValType.I64, "9223372036854775807"));
        assertEquals(Long.MIN_VALUE, InvokeArgument.parse(ValType.I64, "-9223372036854775808"));
        assertEquals(-1L, InvokeArgument.parse(ValType.I64, "18446744073709551615"));
        assertEquals(-1L, InvokeArgument.parse(ValType.I64, "0xffffffffffffffff"));
        assertThrows(IllegalArgumentException.class, () -> InvokeArgument.parse(ValType.I64, "18446744073709551616"));
    }

    @Test
    void parse_f32_decimalHexInfinityAndNaN() {
        assertEquals(Float.floatToRawIntBits(1.5f), InvokeArgument.parse(ValType.F32, "1.5"));
        assertEquals(Float.floatToRawIntBits(0.1f), InvokeArgument.parse(ValType.F32, "0.1"));
        assertEquals(Float.floatToRawIntBits(-2e10f), InvokeArgument.parse(ValType.F32, "-2e10"));
        assertEquals(Float.floatToRawIntBits(0.5f), InvokeArgument.parse(ValType.F32, ".5"));
        assertEquals(Float.floatToRawIntBits(3f), InvokeArgument.parse(ValType.F32, "0x1.8p1"));
        assertEquals(Float.floatToRawIntBits(24f), InvokeArgument.parse(ValType.F32, "0x18"));
        assertEquals(Float.floatToRawIntBits(Float.POSITIVE_INFINITY), InvokeArgument.parse(ValType.F32, "inf"));
        assertEquals(Float.floatToRawIntBits(Float.NEGATIVE_INFINITY), InvokeArgument.parse(ValType.F32, "-Infinity"));
        assertEquals(0x7fc00000L, InvokeArgument.parse(ValType.F32, "nan"));
        assertEquals((long) 0xffc00000, InvokeArgument.parse(ValType.F32, "-NaN"));
        assertEquals(0x7f800001L, InvokeArgument.parse(ValType.F32, "nan:0x1"));
        assertEquals(Float.floatToRawIntBits(-0f), InvokeArgument.parse(ValType.F32, "-0"));
    }

    @Test
    void parse_f64_decimalHexInfinityAndNaN() {
        assertEquals(Double.doubleToRawLongBits(0.1), InvokeArgument.parse(ValType.F64, "0.1"));
        assertEquals(Double.doubleToRawLongBits(1e300), InvokeArgument.parse(ValType.F64, "1e300"));
        assertEquals(Double.doubleToRawLongBits(0x1.fp-3), InvokeArgument.parse(ValType.F64, "0x1.fp-3"));
        assertEquals(Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY), InvokeArgument.parse(ValType.F64, "-inf"));
        assertEquals(0x7ff8000000000000L, InvokeArgument.parse(ValType.F64, "nan"));
        assertEquals(0x7ff0000000000002L, InvokeArgument.parse(ValType.F64, "nan:0x2"));
    }

    @Test
    void parse_floats_errors() {
        for (String bad : new String[] {"", "one", "1.5f", "1e", "0x1p", "nan:0x0", "nan:0x800000", "Infinityy", "1d"}) {
            assertThrows(IllegalArgumentException.class, () -> InvokeArgument.parse(ValType.F32, bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> InvokeArgument.parse(ValType.F64, "nan:0x10000000000000"));
    }

    @Test
    void parse_otherTypes_areRefused() {
        assertThrows(IllegalArgumentException.class, () -> InvokeArgument.parse(ValType.V128, "0"));
        assertThrows(IllegalArgumentException.class, () -> InvokeArgument.parse(ValType.FUNCREF, "0"));
    }
}
