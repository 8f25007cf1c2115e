package dev.robusta.cli;

import dev.robusta.runtime.V128;
import dev.robusta.wasm.ValType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Writes a result of {@code robusta run --invoke} the way {@code wasmtime run --invoke} does (see
 * RATIONALE.md, "Why does --invoke print results as wasmtime does?"):
 * <ul>
 *   <li>{@code i32}, {@code i64}: signed decimal;</li>
 *   <li>{@code f32}, {@code f64}: the shortest decimal that reads back as the same value, never with an
 *       exponent, without a fraction when it is whole ({@code 1}, {@code 0.1}, {@code -0},
 *       {@code 100000000000000000000}); {@code inf}, {@code -inf} and {@code NaN};</li>
 *   <li>{@code v128}: the 128 bits as an unsigned decimal;</li>
 *   <li>references: {@code <funcref>}, {@code <externref>}, ... or {@code <null funcref>}.</li>
 * </ul>
 */
final class InvokeResult {
    private static final RoundingMode[] ROUNDINGS = {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING};

    private InvokeResult() {
    }

    /** A number or vector result given raw: {@code raw[slot]} (and {@code raw[slot + 1]} for a v128). */
    static String ofRaw(ValType type, long[] raw, int slot) {
        if (type.equals(ValType.I32)) {
            return Integer.toString((int) raw[slot]);
        }
        if (type.equals(ValType.I64)) {
            return Long.toString(raw[slot]);
        }
        if (type.equals(ValType.F32)) {
            return f32(Float.intBitsToFloat((int) raw[slot]));
        }
        if (type.equals(ValType.F64)) {
            return f64(Double.longBitsToDouble(raw[slot]));
        }
        if (type.equals(ValType.V128)) {
            return v128(raw[slot], raw[slot + 1]);
        }
        throw new IllegalArgumentException("not a number or vector type: " + type);
    }

    /** A result given boxed, as {@code Function.apply} returns it. */
    static String ofBoxed(ValType type, Object value) {
        if (type.isReference()) {
            String name = ValType.isAbstractHeapType(type.heapType())
                    ? ValType.heapTypeName(type.heapType()) + "ref" : "ref";
            return value == null ? "<null " + name + ">" : "<" + name + ">";
        }
        if (value instanceof Integer) {
            return Integer.toString((Integer) value);
        }
        if (value instanceof Long) {
            return Long.toString((Long) value);
        }
        if (value instanceof Float) {
            return f32((Float) value);
        }
        if (value instanceof Double) {
            return f64((Double) value);
        }
        if (value instanceof V128) {
            return v128(((V128) value).lo(), ((V128) value).hi());
        }
        throw new IllegalArgumentException("unexpected " + type + " value " + value);
    }

    static String f32(float f) {
        if (Float.isNaN(f)) {
            return "NaN";
        }
        if (Float.isInfinite(f)) {
            return f > 0 ? "inf" : "-inf";
        }
        if (f == 0) {
            return Float.floatToRawIntBits(f) < 0 ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(f);
        for (int digits = 1; ; digits++) {
            for (RoundingMode mode : ROUNDINGS) {
                BigDecimal d = exact.round(new MathContext(digits, mode));
                if (d.floatValue() == f) {
                    return plain(d);
                }
            }
        }
    }

    static String f64(double f) {
        if (Double.isNaN(f)) {
            return "NaN";
        }
        if (Double.isInfinite(f)) {
            return f > 0 ? "inf" : "-inf";
        }
        if (f == 0) {
            return Double.doubleToRawLongBits(f) < 0 ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(f);
        for (int digits = 1; ; digits++) {
            for (RoundingMode mode : ROUNDINGS) {
                BigDecimal d = exact.round(new MathContext(digits, mode));
                if (d.doubleValue() == f) {
                    return plain(d);
                }
            }
        }
    }

    private static String plain(BigDecimal d) {
        BigDecimal stripped = d.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }

    private static String v128(long lo, long hi) {
        BigInteger high = new BigInteger(Long.toUnsignedString(hi));
        return high.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(lo))).toString();
    }
}
