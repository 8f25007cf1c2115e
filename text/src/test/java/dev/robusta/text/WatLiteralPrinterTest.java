package dev.robusta.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WatLiteralPrinterTest {

    @Test
    void f32_finiteValues_exactHex() {
        assertEquals("0x0p+0", WatLiteralPrinter.f32(0));
        assertEquals("-0x0p+0", WatLiteralPrinter.f32(0x80000000));
        assertEquals("0x1p+0", WatLiteralPrinter.f32(Float.floatToRawIntBits(1.0f)));
        assertEquals("-0x1.8p+3", WatLiteralPrinter.f32(Float.floatToRawIntBits(-12.0f)));
        assertEquals("0x1.3p-5", WatLiteralPrinter.f32(Float.floatToRawIntBits(0.037109375f)));
        assertEquals("0x1.fffffep+127", WatLiteralPrinter.f32(Float.floatToRawIntBits(Float.MAX_VALUE)));
        assertEquals("0x1p-126", WatLiteralPrinter.f32(Float.floatToRawIntBits(Float.MIN_NORMAL)));
        assertEquals("0x1.99999ap-4", WatLiteralPrinter.f32(Float.floatToRawIntBits(0.1f)));
    }

    @Test
    void f32_subnormals_normalised() {
        assertEquals("0x1p-149", WatLiteralPrinter.f32(1));
        assertEquals("0x1.8p-148", WatLiteralPrinter.f32(3));
        assertEquals("0x1.fffffcp-127", WatLiteralPrinter.f32(0x7FFFFF));
    }

    @Test
    void f32_infinitiesAndNans_withPayload() {
        assertEquals("inf", WatLiteralPrinter.f32(0x7F800000));
        assertEquals("-inf", WatLiteralPrinter.f32(0xFF800000));
        assertEquals("nan", WatLiteralPrinter.f32(0x7FC00000));
        assertEquals("-nan", WatLiteralPrinter.f32(0xFFC00000));
        assertEquals("nan:0x200000", WatLiteralPrinter.f32(0x7FA00000));
        assertEquals("nan:0x1", WatLiteralPrinter.f32(0x7F800001));
        assertEquals("-nan:0x7fffff", WatLiteralPrinter.f32(0xFFFFFFFF));
    }

    @Test
    void f64_values_exactHex() {
        assertEquals("0x0p+0", WatLiteralPrinter.f64(0));
        assertEquals("-0x0p+0", WatLiteralPrinter.f64(Long.MIN_VALUE));
        assertEquals("0x1.91eb851eb851fp+1", WatLiteralPrinter.f64(Double.doubleToRawLongBits(3.14)));
        assertEquals("0x1.fffffffffffffp+1023", WatLiteralPrinter.f64(Double.doubleToRawLongBits(Double.MAX_VALUE)));
        assertEquals("0x1p-1074", WatLiteralPrinter.f64(1));
        assertEquals("0x1p-1022", WatLiteralPrinter.f64(Double.doubleToRawLongBits(Double.MIN_NORMAL)));
        assertEquals("0x1.249ad2594c37dp+332", WatLiteralPrinter.f64(Double.doubleToRawLongBits(1e100)));
        assertEquals("inf", WatLiteralPrinter.f64(0x7FF0000000000000L));
        assertEquals("-inf", WatLiteralPrinter.f64(0xFFF0000000000000L));
        assertEquals("nan", WatLiteralPrinter.f64(0x7FF8000000000000L));
        assertEquals("-nan", WatLiteralPrinter.f64(0xFFF8000000000000L));
        assertEquals("nan:0x4000000000000", WatLiteralPrinter.f64(0x7FF4000000000000L));
        assertEquals("-nan:0xfffffffffffff", WatLiteralPrinter.f64(-1L));
    }

    @Test
    void f64_randomBits_hexParsesBackToSameBits() {
        java.util.Random rnd = new java.util.Random(42);
        for (int i = 0; i < 10_000; i++) {
            long bits = rnd.nextLong();
            double d = Double.longBitsToDouble(bits);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            String s = WatLiteralPrinter.f64(bits);
            assertEquals(bits, Double.doubleToRawLongBits(Double.parseDouble(s)), s);
        }
    }

    @Test
    void f32_randomBits_hexParsesBackToSameBits() {
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < 10_000; i++) {
            int bits = rnd.nextInt();
            float f = Float.intBitsToFloat(bits);
            if (Float.isNaN(f) || Float.isInfinite(f)) {
                continue;
            }
            String s = WatLiteralPrinter.f32(bits);
            assertEquals(bits, Float.floatToRawIntBits(Float.parseFloat(s)), s);
        }
    }

    @Test
    void decimal_likeCPercentG() {
        assertEquals("-12", WatLiteralPrinter.f64Decimal(Double.doubleToRawLongBits(-12.0)));
        assertEquals("3.14", WatLiteralPrinter.f64Decimal(Double.doubleToRawLongBits(3.14)));
        assertEquals("0.0371094", WatLiteralPrinter.f32Decimal(Float.floatToRawIntBits(0.037109375f)));
        assertEquals("1e+100", WatLiteralPrinter.f64Decimal(Double.doubleToRawLongBits(1e100)));
        assertEquals("1.23457e+08", WatLiteralPrinter.f64Decimal(Double.doubleToRawLongBits(123456789.0)));
        assertEquals("1.4013e-45", WatLiteralPrinter.f32Decimal(1));
        assertEquals("0", WatLiteralPrinter.f64Decimal(0));
        assertEquals("-0", WatLiteralPrinter.f64Decimal(Long.MIN_VALUE));
        assertEquals("-nan", WatLiteralPrinter.f32Decimal(0xFFC00000));
        assertEquals("inf", WatLiteralPrinter.f64Decimal(0x7FF0000000000000L));
    }

    @Test
    void v128_fourI32LanesLittleEndian() {
        assertEquals("i32x4 0x00000001 0x00000002 0x00000003 0xffffffff",
                WatLiteralPrinter.v128(0x0000000200000001L, 0xFFFFFFFF00000003L));
    }

    @Test
    void string_escapesNonPrintablesQuoteAndBackslash() {
        byte[] b = {'h', 'i', 0, (byte) 0xFF, '\n', '"', '\\', '\'', 'x', 0x7F, ' '};
        assertEquals("\"hi\\00\\ff\\0a\\22\\5c'x\\7f \"", WatLiteralPrinter.string(b));
        assertEquals("\"\\c3\\a9t\\c3\\a9\"", WatLiteralPrinter.string("été"));
        assertEquals("\"\"", WatLiteralPrinter.string(new byte[0]));
    }
}
