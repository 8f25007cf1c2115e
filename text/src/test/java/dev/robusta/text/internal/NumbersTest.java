package dev.robusta.text.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NumbersTest {

    @Test
    void syntax_underscoresOnlyBetweenDigits() {
        assertTrue(Numbers.isInt("1_000"));
        assertTrue(Numbers.isInt("0xff_ff"));
        assertTrue(Numbers.isInt("-0x1"));
        assertFalse(Numbers.isInt("_1"));
        assertFalse(Numbers.isInt("1_"));
        assertFalse(Numbers.isInt("1__0"));
        assertFalse(Numbers.isInt("0x_1"));
        assertFalse(Numbers.isInt("0_x1"));
        assertFalse(Numbers.isInt("+_1"));
        assertFalse(Numbers.isInt("1.0"));
        assertTrue(Numbers.isNat("0x0"));
        assertFalse(Numbers.isNat("+1"));
    }

    @Test
    void syntax_floats() {
        for (String ok : new String[] {"1", "1.", "1.5", "1e5", "1.E-5", "1.5e+10", "0x1", "0x1.", "0x1.8p3",
                "0x1P-3", "-inf", "+nan", "nan:0x1", "-nan:0xf_f", "1_0.0_1e1_0"}) {
            assertTrue(Numbers.isFloat(ok), ok);
        }
        for (String bad : new String[] {".5", "1e", "1e+", "0x", "0x.1", "0x1p", "1.e_5", "nan:1", "nan:0x", "infinity",
                "0x1e5p1x", "1._5"}) {
            assertFalse(Numbers.isFloat(bad), bad);
        }
    }

    @Test
    void intValue_ranges() {
        assertEquals(0xFFFF_FFFFL, Numbers.intValue("0xffff_ffff", 32));
        assertEquals(-0x8000_0000L, Numbers.intValue("-0x8000_0000", 32));
        assertEquals(4294967295L, Numbers.intValue("4294967295", 32));
        assertThrows(Numbers.OutOfRange.class, () -> Numbers.intValue("0x1_0000_0000", 32));
        assertThrows(Numbers.OutOfRange.class, () -> Numbers.intValue("-0x8000_0001", 32));
        assertEquals(-1L, Numbers.intValue("18446744073709551615", 64));
        assertEquals(Long.MIN_VALUE, Numbers.intValue("-9223372036854775808", 64));
        assertThrows(Numbers.OutOfRange.class, () -> Numbers.intValue("18446744073709551616", 64));
        assertThrows(Numbers.OutOfRange.class, () -> Numbers.intValue("-9223372036854775809", 64));
        assertThrows(Numbers.OutOfRange.class, () -> Numbers.intValue("0x1_0000_0000_0000_0000", 64));
        assertEquals(255, Numbers.intValue("255", 8));
        assertEquals(-128, Numbers.intValue("-128", 8));
        assertThrows(Numbers.OutOfRange.class, () -> Numbers.intValue("256", 8));
        assertThrows(Numbers.NotANumber.class, () -> Numbers.intValue("1.0", 32));
    }

    @Test
    void f32_specialValues() {
        assertEquals(0x7F800000, Numbers.f32Bits("inf"));
        assertEquals(0xFF800000, Numbers.f32Bits("-inf"));
        assertEquals(0x7FC00000, Numbers.f32Bits("nan"));
        assertEquals(0xFFC00000, Numbers.f32Bits("-nan"));
        assertEquals(0x7FA00000, Numbers.f32Bits("nan:0x200000"));
        assertEquals(0x7F800001, Numbers.f32Bits("+nan:0x1"));
        assertThrows(Numbers.OutOfRange.class, () -> Numbers.f32Bits("nan:0x0"));
        assertThrows(Numbers.OutOfRange.class, () -> Numbers.f32Bits("nan:0x80_0000"));
        assertEquals(0x80000000, Numbers.f32Bits("-0.0"));
        assertEquals(0x80000000, Numbers.f32Bits("-0x0p0"));
    }

    @Test
    void f32_roundsToNearestEven() {
        assertEquals(0x3F800000, Numbers.f32Bits("1.000000059604644775390625")); // exactly halfway: even
        assertEquals(0x3F800001, Numbers.f32Bits("1.00000005960464477539062500001")); // just above
        assertEquals(0x3F800002, Numbers.f32Bits("1.000000178813934326171875")); // halfway 1 and 2: even 2
        assertEquals(0x3F800000, Numbers.f32Bits("0x1.000001p0")); // 1 + 2^-24: halfway, even
        assertEquals(0x3F800001, Numbers.f32Bits("0x1.00000100000000000001p0")); // a sticky bit far below
        assertEquals(0x3F800002, Numbers.f32Bits("0x1.000003p0")); // 1.5 ulps: even 2
        assertEquals(0x3F800000, Numbers.f32Bits("0x1.0000008p0")); // a quarter ulp
        assertEquals(0x3FC00000, Numbers.f32Bits("0x1.8"));
        assertEquals(0x00000001, Numbers.f32Bits("0x1p-149"));
        assertEquals(0x00000000, Numbers.f32Bits("0x1p-150")); // halfway to the smallest subnormal: even 0
        assertEquals(0x00000001, Numbers.f32Bits("0x1.000001p-150"));
        assertEquals(0x00000002, Numbers.f32Bits("0x1.8p-149")); // 1.5 subnormal ulps: even 2
        assertEquals(0x00800000, Numbers.f32Bits("1.1754943508222875e-38")); // smallest normal
        assertEquals(0x7F7FFFFF, Numbers.f32Bits("3.4028234663852886e38"));
        assertEquals(0x7F7FFFFF, Numbers.f32Bits("0x1.fffffe7ffffffp127"));
        assertEquals(0x00000000, Numbers.f32Bits("1e-1000000"));
    }

    @Test
    void f32_overflowIsOutOfRange() {
        assertThrows(Numbers.OutOfRange.class, () -> Numbers.f32Bits("0x1.ffffffp127")); // halfway to 2^128
        assertThrows(Numbers.OutOfRange.class, () -> Numbers.f32Bits("3.4028236e38"));
        assertThrows(Numbers.OutOfRange.class, () -> Numbers.f32Bits("1e39"));
        assertThrows(Numbers.OutOfRange.class, () -> Numbers.f32Bits("1e1000000"));
        assertThrows(Numbers.OutOfRange.class, () -> Numbers.f32Bits("0x1p128"));
    }

    @Test
    void f64_values() {
        assertEquals(0x3FF8000000000000L, Numbers.f64Bits("1.5"));
        assertEquals(0x7FEFFFFFFFFFFFFFL, Numbers.f64Bits("1.7976931348623157e308"));
        assertEquals(0x7FEFFFFFFFFFFFFFL, Numbers.f64Bits("0x1.fffffffffffff7ffffp1023"));
        assertThrows(Numbers.OutOfRange.class, () -> Numbers.f64Bits("0x1.fffffffffffff8p1023"));
        assertThrows(Numbers.OutOfRange.class, () -> Numbers.f64Bits("1.7976931348623159e308"));
        assertEquals(1L, Numbers.f64Bits("0x1p-1074"));
        assertEquals(1L, Numbers.f64Bits("4.9406564584124654e-324"));
        assertEquals(0L, Numbers.f64Bits("0x1p-1075"));
        assertEquals(0x3FF0000000000000L, Numbers.f64Bits("1.00000000000000011102230246251565404236316680908203125")); // half: even
        assertEquals(0x3FF0000000000001L, Numbers.f64Bits("1.000000000000000111022302462515654042363166809082031251"));
        assertEquals(0x7FF8000000000000L, Numbers.f64Bits("nan"));
        assertEquals(0x7FF4000000000000L, Numbers.f64Bits("nan:0x4000000000000"));
        assertEquals(0xFFF0000000000000L, Numbers.f64Bits("-inf"));
        assertEquals(0x4415AF1D78B58C40L, Numbers.f64Bits("1e20"));
        assertEquals(0x3E112E0BE826D695L, Numbers.f64Bits("1_000e-12"));
    }
}
