package dev.robusta.cli;

import dev.robusta.wasm.ValType;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses an argument of {@code robusta run --invoke} into the raw form of {@code Function.call}: an
 * {@code i32} or {@code i64} as its value, an {@code f32} or {@code f64} as its IEEE-754 bits.
 *
 * <ul>
 *   <li>integers: decimal or hexadecimal ({@code 0x..}), with an optional sign; an {@code i32} may be
 *       given signed or unsigned, from -2^31 to 2^32-1 (and an {@code i64} from -2^63 to 2^64-1), the way the
 *       text format writes constants;</li>
 *   <li>floats: decimal ({@code 1.5}, {@code -2e10}, {@code .5}), hexadecimal ({@code 0x1.8p3}),
 *       {@code inf}, {@code infinity} and {@code nan} (any case, signed), and {@code nan:0x..} for a NaN with
 *       a chosen payload. Decimal values are rounded to nearest, ties to even.</li>
 * </ul>
 */
final class InvokeArgument {
    private static final Pattern DECIMAL_INT = Pattern.compile("[+-]?\\d+");
    private static final Pattern HEX_INT = Pattern.compile("[+-]?0[xX][0-9a-fA-F]+");
    private static final Pattern DECIMAL_FLOAT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HEX_FLOAT =
            Pattern.compile("[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)([pP][+-]?\\d+)?");
    private static final Pattern NAN_PAYLOAD = Pattern.compile("[+-]?nan:0x[0-9a-f]+");

    private InvokeArgument() {
    }

    /**
     * The raw value of {@code text} as a value of {@code type}.
     *
     * @throws IllegalArgumentException when the text is not a value of that type; the message says why
     */
    static long parse(ValType type, String text) {
        if (type.equals(ValType.I32)) {
            return (int) integer(text, 32);
        }
        if (type.equals(ValType.I64)) {
            return integer(text, 64);
        }
        if (type.equals(ValType.F32)) {
            return Float.floatToRawIntBits(f32(text));
        }
        if (type.equals(ValType.F64)) {
            return Double.doubleToRawLongBits(f64(text));
        }
        throw new IllegalArgumentException("arguments of type " + type + " are not supported");
    }

    /** An integer of {@code bits} bits, signed or unsigned, as a long (two's complement). */
    private static long integer(String text, int bits) {
        BigInteger value;
        if (DECIMAL_INT.matcher(text).matches()) {
            value = new BigInteger(text);
        } else if (HEX_INT.matcher(text).matches()) {
            boolean negative = text.startsWith("-");
            int digits = text.indexOf('x') >= 0 ? text.indexOf('x') + 1 : text.indexOf('X') + 1;
            value = new BigInteger(text.substring(digits), 16);
            if (negative) {
                value = value.negate();
            }
        } else {
            throw new IllegalArgumentException("not an integer");
        }
        BigInteger min = BigInteger.ONE.shiftLeft(bits - 1).negate();
        BigInteger max = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("out of range for i" + bits);
        }
        return value.longValue();
    }

    private static float f32(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        boolean negative = t.startsWith("-");
        String unsigned = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        switch (unsigned) {
            case "inf":
            case "infinity":
                return negative ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
            case "nan":
                return Float.intBitsToFloat((negative ? 0x80000000 : 0) | 0x7fc00000);
            default:
                break;
        }
        if (NAN_PAYLOAD.matcher(t).matches()) {
            long payload = payload(t, 23);
            return Float.intBitsToFloat((negative ? 0x80000000 : 0) | 0x7f800000 | (int) payload);
        }
        if (DECIMAL_FLOAT.matcher(text).matches()) {
            return Float.parseFloat(text);
        }
        if (HEX_FLOAT.matcher(text).matches()) {
            return Float.parseFloat(withBinaryExponent(text));
        }
        throw new IllegalArgumentException("not a number");
    }

    private static double f64(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        boolean negative = t.startsWith("-");
        String unsigned = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        switch (unsigned) {
            case "inf":
            case "infinity":
                return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            case "nan":
                return Double.longBitsToDouble((negative ? Long.MIN_VALUE : 0) | 0x7ff8000000000000L);
            default:
                break;
        }
        if (NAN_PAYLOAD.matcher(t).matches()) {
            long payload = payload(t, 52);
            return Double.longBitsToDouble((negative ? Long.MIN_VALUE : 0) | 0x7ff0000000000000L | payload);
        }
        if (DECIMAL_FLOAT.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        if (HEX_FLOAT.matcher(text).matches()) {
            return Double.parseDouble(withBinaryExponent(text));
        }
        throw new IllegalArgumentException("not a number");
    }

    /** The payload of {@code nan:0x..}: from 1 to 2^bits - 1. */
    private static long payload(String text, int bits) {
        BigInteger payload = new BigInteger(text.substring(text.indexOf("0x") + 2), 16);
        if (payload.signum() == 0 || payload.bitLength() > bits) {
            throw new IllegalArgumentException("NaN payload out of range");
        }
        return payload.longValue();
    }

    /** Java's hexadecimal floats need the {@code p} exponent; the text format's do not. */
    private static String withBinaryExponent(String text) {
        return text.indexOf('p') >= 0 || text.indexOf('P') >= 0 ? text : text + "p0";
    }
}
