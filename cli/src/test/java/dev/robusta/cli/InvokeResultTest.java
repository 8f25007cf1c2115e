package dev.robusta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.robusta.runtime.V128;
import dev.robusta.wasm.ValType;
import org.junit.jupiter.api.Test;

class InvokeResultTest {
    @Test
    void f32_shortestDecimalWithoutExponent() {
        assertEquals("0.1", InvokeResult.f32(0.1f));
        assertEquals("1", InvokeResult.f32(1f));
        assertEquals("-2.5", InvokeResult.f32(-2.5f));
        assertEquals("16777216", InvokeResult.f32(16777216f));
        assertEquals("100000000000000000000", InvokeResult.f32(1e20f));
        assertEquals("0.0000001", InvokeResult.f32(1e-7f));
        assertEquals("340282350000000000000000000000000000000", InvokeResult.f32(Float.MAX_VALUE));
        assertEquals("0.000000000000000000000000000000000000000000001", InvokeResult.f32(Float.MIN_VALUE));
        assertEquals("0.3", InvokeResult.f32(0.3f));
    }

    @Test
    void f32_specialValues() {
        assertEquals("0", InvokeResult.f32(0f));
        assertEquals("-0", InvokeResult.f32(-0f));
        assertEquals("inf", InvokeResult.f32(Float.POSITIVE_INFINITY));
        assertEquals("-inf", InvokeResult.f32(Float.NEGATIVE_INFINITY));
        assertEquals("NaN", InvokeResult.f32(Float.NaN));
        assertEquals("NaN", InvokeResult.f32(Float.intBitsToFloat(0xffc00001)));
    }

    @Test
    void f64_shortestDecimalWithoutExponent() {
        assertEquals("0.1", InvokeResult.f64(0.1));
        assertEquals("0.30000000000000004", InvokeResult.f64(0.1 + 0.2));
        assertEquals("1.4142135623730951", InvokeResult.f64(Math.sqrt(2)));
        assertEquals("123456789012345680000", InvokeResult.f64(1.2345678901234568e20));
        // 2^-1074: Java's Double.toString gives 4.9E-324, the shortest decimal that reads back is 5E-324
        assertEquals("0." + "0".repeat(323) + "5", InvokeResult.f64(Double.MIN_VALUE));
        assertEquals("-0", InvokeResult.f64(-0.0));
        assertEquals("inf", InvokeResult.f64(Double.POSITIVE_INFINITY));
        assertEquals("NaN", InvokeResult.f64(Double.NaN));
    }

    @Test
    void shortest_roundTripsForManyValues() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 2000; i++) {
            float f = Float.intBitsToFloat(random.nextInt());
            if (!Float.isNaN(f) && !Float.isInfinite(f)) {
                assertEquals(f, Float.parseFloat(InvokeResult.f32(f)), Float.toString(f));
            }
            double d = Double.longBitsToDouble(random.nextLong());
            if (!Double.isNaN(d) && !Double.isInfinite(d)) {
                assertEquals(d, Double.parseDouble(InvokeResult.f64(d)), Double.toString(d));
            }
        }
    }

    @Test
    void ofRaw_integersSignedAndVectorsUnsigned() {
        assertEquals("-1", InvokeResult.ofRaw(ValType.I32, new long[] {0xffffffffL}, 0));
        assertEquals("-1", InvokeResult.ofRaw(ValType.I64, new long[] {-1L}, 0));
        assertEquals("1.5", InvokeResult.ofRaw(ValType.F32, new long[] {0, Float.floatToRawIntBits(1.5f)}, 1));
        assertEquals("340282366920938463463374607431768211455",
                InvokeResult.ofRaw(ValType.V128, new long[] {-1L, -1L}, 0));
        assertEquals("18446744073709551616", InvokeResult.ofRaw(ValType.V128, new long[] {0L, 1L}, 0));
    }

    @Test
    void ofBoxed_references() {
        assertEquals("<null funcref>", InvokeResult.ofBoxed(ValType.FUNCREF, null));
        assertEquals("<externref>", InvokeResult.ofBoxed(ValType.EXTERNREF, new Object()));
        assertEquals("<funcref>", InvokeResult.ofBoxed(ValType.ref(false, ValType.HT_FUNC), new Object()));
        assertEquals("<ref>", InvokeResult.ofBoxed(ValType.ref(true, 0), new Object()));
        assertEquals("7", InvokeResult.ofBoxed(ValType.I32, 7));
        assertEquals("2.5", InvokeResult.ofBoxed(ValType.F64, 2.5));
        assertEquals("1", InvokeResult.ofBoxed(ValType.V128, new V128(1, 0)));
    }
}
