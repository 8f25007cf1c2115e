package dev.robusta.runtime.internal.simd;

import java.math.BigInteger;

/** Parses the numeric literals of the text format (integers, floats with hex, inf and NaN forms). */
final class WastLiterals {

    private WastLiterals() {
    }

    /** An integer literal (signed or unsigned, decimal or hex), wrapped to {@code bits} bits. */
    static long integer(String text, int bits) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        if (t.startsWith("-") || t.startsWith("+")) {
            t = t.substring(1);
        }
        BigInteger v = t.startsWith("0x") ? new BigInteger(t.substring(2), 16) : new BigInteger(t);
        long r = (negative ? v.negate() : v).longValue();
        return bits == 64 ? r : r & ((1L << bits) - 1);
    }

    /** The raw bits of an f32 literal. */
    static int f32(String text) {
        return (int) floatBits(text, false);
    }

    /** The raw bits of an f64 literal. */
    static long f64(String text) {
        return floatBits(text, true);
    }

    private static long floatBits(String text, boolean f64) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        if (t.startsWith("-") || t.startsWith("+")) {
            t = t.substring(1);
        }
        long bits;
        if (t.equals("inf")) {
            bits = f64 ? 0x7FF0_0000_0000_0000L : 0x7F80_0000L;
        } else if (t.startsWith("nan")) {
            long payload = t.equals("nan") ? (f64 ? 1L << 51 : 1L << 22) : Long.parseLong(t.substring(6), 16);
            bits = (f64 ? 0x7FF0_0000_0000_0000L : 0x7F80_0000L) | payload;
        } else {
            if (t.startsWith("0x") && !t.contains("p") && !t.contains("P")) {
                t = t + "p0";
            }
            bits = f64 ? Double.doubleToRawLongBits(Double.parseDouble(t))
                    : Float.floatToRawIntBits(Float.parseFloat(t)) & 0xFFFF_FFFFL;
        }
        if (negative) {
            bits |= f64 ? Long.MIN_VALUE : 0x8000_0000L;
        }
        return bits;
    }

    /** The two halves of {@code (v128.const shape lane...)}, whose items start at {@code from}. */
    static long[] v128(Sexpr e, int from) {
        String shape = e.get(from).atom;
        int lanes = Integer.parseInt(shape.substring(shape.indexOf('x') + 1));
        int w = 128 / lanes;
        long[] halves = new long[2];
        for (int k = 0; k < lanes; k++) {
            String lit = e.get(from + 1 + k).atom;
            long v;
            if (shape.equals("f32x4")) {
                v = f32(lit) & 0xFFFF_FFFFL;
            } else if (shape.equals("f64x2")) {
                v = f64(lit);
            } else {
                v = integer(lit, w);
            }
            int bit = k * w;
            halves[bit / 64] |= v << (bit % 64);
        }
        return halves;
    }
}
