package dev.robusta.text.internal;

import java.math.BigInteger;

/**
 * Numeric literals of the text format: their syntax and their values, with correct rounding of floats
 * (round to nearest, ties to even) and range checks.
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/values.html">Values</a>
 */
public final class Numbers {
    private Numbers() {
    }

    /** Thrown when a literal does not fit its type; the parser reports it with a position. */
    public static final class OutOfRange extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutOfRange() {
            super("constant out of range", null, false, false);
        }
    }

    /** Thrown when a token is not a literal of the requested kind. */
    public static final class NotANumber extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotANumber() {
            super("unexpected token", null, false, false);
        }
    }

    private static final OutOfRange OUT_OF_RANGE = new OutOfRange();
    private static final NotANumber NOT_A_NUMBER = new NotANumber();

    // ---------------------------------------------------------------- syntax

    /** The end of the {@code num} (digits with single underscores between them) at {@code i}, or -1. */
    private static int num(String s, int i, boolean hex) {
        int n = s.length();
        if (i >= n || !isDigit(s.charAt(i), hex)) {
            return -1;
        }
        i++;
        while (i < n) {
            char c = s.charAt(i);
            if (isDigit(c, hex)) {
                i++;
            } else if (c == '_' && i + 1 < n && isDigit(s.charAt(i + 1), hex)) {
                i += 2;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isDigit(char c, boolean hex) {
        return c >= '0' && c <= '9' || hex && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
    }

    /** Whether {@code s} from {@code from} is exactly a {@code hexnum}. */
    public static boolean isHexNum(String s, int from) {
        return num(s, from, true) == s.length();
    }

    private static int signEnd(String s) {
        return !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
    }

    /** Whether {@code s} is an unsigned integer literal: {@code num} or {@code 0x hexnum}. */
    public static boolean isNat(String s) {
        if (s.startsWith("0x")) {
            return num(s, 2, true) == s.length();
        }
        return num(s, 0, false) == s.length();
    }

    /** Whether {@code s} is an integer literal (an optional sign and a {@link #isNat nat}). */
    public static boolean isInt(String s) {
        return isNat(s.substring(signEnd(s)));
    }

    /** Whether {@code s} is a float literal (which includes every integer literal). */
    public static boolean isFloat(String s) {
        String r = s.substring(signEnd(s));
        if (r.equals("inf") || r.equals("nan")) {
            return true;
        }
        if (r.startsWith("nan:0x")) {
            return num(r, 6, true) == r.length();
        }
        boolean hex = r.startsWith("0x");
        int i = num(r, hex ? 2 : 0, hex);
        if (i < 0) {
            return false;
        }
        int n = r.length();
        if (i < n && r.charAt(i) == '.') {
            i++;
            if (i < n && isDigit(r.charAt(i), hex)) {
                i = num(r, i, hex);
            }
        }
        if (i < n && (hex ? r.charAt(i) == 'p' || r.charAt(i) == 'P' : r.charAt(i) == 'e' || r.charAt(i) == 'E')) {
            i++;
            if (i < n && (r.charAt(i) == '+' || r.charAt(i) == '-')) {
                i++;
            }
            i = num(r, i, false);
            if (i < 0) {
                return false;
            }
        }
        return i == n;
    }

    /** Whether a token starting with a digit or a sign is a number token. */
    public static boolean isNumber(String s) {
        return isFloat(s);
    }

    // ---------------------------------------------------------------- integers

    /** The value of an unsigned literal as a u64; {@link OutOfRange} above 2^64-1. */
    public static long natValue(String s) {
        if (!isNat(s)) {
            throw NOT_A_NUMBER;
        }
        boolean hex = s.startsWith("0x");
        int radix = hex ? 16 : 10;
        long v = 0;
        for (int i = hex ? 2 : 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                continue;
            }
            int d = Lexer.hexValue(c);
            long hi = Math.multiplyHigh(v, radix) + ((v >> 63) & radix);
            long lo = v * radix;
            if (hi != 0) {
                throw OUT_OF_RANGE;
            }
            long nv = lo + d;
            if (Long.compareUnsigned(nv, lo) < 0) {
                throw OUT_OF_RANGE;
            }
            v = nv;
        }
        return v;
    }

    /**
     * The value of an integer literal for a {@code bits}-bit integer: signed literals from -2^(bits-1),
     * unsigned ones up to 2^bits - 1. The result is the two's complement bits, sign-extended to a long.
     */
    public static long intValue(String s, int bits) {
        if (!isInt(s)) {
            throw NOT_A_NUMBER;
        }
        int se = signEnd(s);
        boolean neg = se == 1 && s.charAt(0) == '-';
        long mag = natValue(s.substring(se));
        if (neg) {
            if (bits == 64) {
                if (Long.compareUnsigned(mag, Long.MIN_VALUE) > 0) {
                    throw OUT_OF_RANGE;
                }
            } else if (Long.compareUnsigned(mag, 1L << (bits - 1)) > 0) {
                throw OUT_OF_RANGE;
            }
            return -mag;
        }
        if (bits < 64 && Long.compareUnsigned(mag, (1L << bits) - 1) > 0) {
            throw OUT_OF_RANGE;
        }
        return mag;
    }

    // ---------------------------------------------------------------- floats

    /** The bits of an f32 literal. */
    public static int f32Bits(String s) {
        return (int) floatBits(s, 24, -126, 127);
    }

    /** The bits of an f64 literal. */
    public static long f64Bits(String s) {
        return floatBits(s, 53, -1022, 1023);
    }

    private static long floatBits(String s, int p, int emin, int emax) {
        if (!isFloat(s)) {
            throw NOT_A_NUMBER;
        }
        int width = p == 24 ? 32 : 64;
        long signBit = 1L << (width - 1);
        long expMask = (p == 24 ? 0xFFL : 0x7FFL) << (p - 1);
        int se = signEnd(s);
        long sign = se == 1 && s.charAt(0) == '-' ? signBit : 0;
        String r = s.substring(se);
        if (r.equals("inf")) {
            return sign | expMask;
        }
        if (r.equals("nan")) {
            return sign | expMask | (1L << (p - 2));
        }
        if (r.startsWith("nan:")) {
            long payload = natValue(r.substring(4));
            if (payload == 0 || Long.compareUnsigned(payload, 1L << (p - 1)) >= 0) {
                throw OUT_OF_RANGE;
            }
            return sign | expMask | payload;
        }
        return sign | (r.startsWith("0x") ? hexFloat(r, p, emin, emax) : decimalFloat(r, p, emin, emax));
    }

    private static long parseExponent(String r, int from) {
        boolean neg = false;
        int i = from;
        if (r.charAt(i) == '+' || r.charAt(i) == '-') {
            neg = r.charAt(i) == '-';
            i++;
        }
        long e = 0;
        for (; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c != '_') {
                e = Math.min(e * 10 + (c - '0'), 1_000_000_000L);
            }
        }
        return neg ? -e : e;
    }

    private static long hexFloat(String r, int p, int emin, int emax) {
        StringBuilder digits = new StringBuilder();
        int frac = 0;
        boolean inFrac = false;
        long exp = 0;
        for (int i = 2; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '_') {
                continue;
            }
            if (c == '.') {
                inFrac = true;
            } else if (c == 'p' || c == 'P') {
                exp = parseExponent(r, i + 1);
                break;
            } else {
                digits.append(c);
                if (inFrac) {
                    frac++;
                }
            }
        }
        BigInteger m = new BigInteger(digits.toString(), 16);
        if (m.signum() == 0) {
            return 0;
        }
        return round(m, exp - 4L * frac, false, p, emin, emax);
    }

    private static long decimalFloat(String r, int p, int emin, int emax) {
        StringBuilder digits = new StringBuilder();
        int frac = 0;
        boolean inFrac = false;
        long exp = 0;
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '_') {
                continue;
            }
            if (c == '.') {
                inFrac = true;
            } else if (c == 'e' || c == 'E') {
                exp = parseExponent(r, i + 1);
                break;
            } else {
                digits.append(c);
                if (inFrac) {
                    frac++;
                }
            }
        }
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        String d = digits.substring(lead);
        long e10 = exp - frac;
        if (d.equals("0")) {
            return 0;
        }
        // Fast paths with a single exact rounding.
        if (p == 53 && d.length() <= 15 && Math.abs(e10) <= 22) {
            double v = Long.parseLong(d);
            v = e10 >= 0 ? v * POW10[(int) e10] : v / POW10[(int) -e10];
            return Double.doubleToRawLongBits(v);
        }
        if (p == 24 && d.length() <= 7 && Math.abs(e10) <= 10) {
            float v = Long.parseLong(d);
            v = e10 >= 0 ? v * (float) POW10[(int) e10] : v / (float) POW10[(int) -e10];
            return Float.floatToRawIntBits(v) & 0xFFFFFFFFL;
        }
        long magnitude = d.length() + e10; // value < 10^magnitude
        if (magnitude > 330) {
            throw OUT_OF_RANGE;
        }
        if (magnitude < -350) {
            return 0;
        }
        BigInteger n = new BigInteger(d);
        if (e10 >= 0) {
            return round(n.multiply(BigInteger.TEN.pow((int) e10)), 0, false, p, emin, emax);
        }
        BigInteger den = BigInteger.TEN.pow((int) -e10);
        int k = Math.max(0, p + 3 - (n.bitLength() - den.bitLength())) + 1;
        BigInteger[] qr = n.shiftLeft(k).divideAndRemainder(den);
        return round(qr[0], -k, qr[1].signum() != 0, p, emin, emax);
    }

    private static final double[] POW10 = new double[23];

    static {
        double v = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = v;
            v *= 10;
        }
    }

    /**
     * Rounds {@code m * 2^e2} (plus a nonzero amount below m's last bit when {@code sticky}) to the
     * binary format with precision {@code p} and exponent range {@code emin..emax}; returns the bits
     * without sign.
     */
    private static long round(BigInteger m, long e2, boolean sticky, int p, int emin, int emax) {
        long e = m.bitLength() - 1 + e2;
        if (e > emax) {
            throw OUT_OF_RANGE;
        }
        if (e < (long) emin - p - 1) {
            return 0;
        }
        long lsbExp = Math.max(e - (p - 1), emin - (p - 1));
        long shift = lsbExp - e2;
        BigInteger q;
        if (shift <= 0) {
            q = m.shiftLeft((int) -shift);
        } else {
            int sh = (int) shift;
            q = m.shiftRight(sh);
            boolean roundBit = m.testBit(sh - 1);
            boolean below = sticky || (m.getLowestSetBit() < sh - 1);
            if (roundBit && (below || q.testBit(0))) {
                q = q.add(BigInteger.ONE);
            }
        }
        long qv = q.longValue();
        if (qv == 1L << p) {
            qv >>= 1;
            lsbExp++;
        }
        if (qv >= 1L << (p - 1)) {
            long exp = lsbExp + (p - 1);
            if (exp > emax) {
                throw OUT_OF_RANGE;
            }
            long biased = exp + emax;
            return (biased << (p - 1)) | (qv - (1L << (p - 1)));
        }
        return qv;
    }
}
