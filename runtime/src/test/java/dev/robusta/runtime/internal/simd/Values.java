package dev.robusta.runtime.internal.simd;

/** Pushes constant expressions of a script onto a stack and matches results against expectations. */
final class Values {

    private Values() {
    }

    static char typeChar(String type) {
        switch (type) {
            case "i32":
                return 'i';
            case "i64":
                return 'I';
            case "f32":
                return 'f';
            case "f64":
                return 'F';
            case "v128":
                return 'V';
            default:
                return '?';
        }
    }

    /** Stores the constant {@code e} at {@code s[at]}, returning the number of slots it took. */
    static int push(Sexpr e, long[] s, int at) {
        String literal = e.size() > 1 ? e.get(1).atom : null;
        switch (e.head()) {
            case "i32.const":
                s[at] = (int) WastLiterals.integer(literal, 32);
                return 1;
            case "i64.const":
                s[at] = WastLiterals.integer(literal, 64);
                return 1;
            case "f32.const":
                s[at] = WastLiterals.f32(literal);
                return 1;
            case "f64.const":
                s[at] = WastLiterals.f64(literal);
                return 1;
            case "v128.const":
                long[] v = WastLiterals.v128(e, 1);
                s[at] = v[0];
                s[at + 1] = v[1];
                return 2;
            default:
                throw new IllegalArgumentException("not a constant: " + e);
        }
    }

    static int slots(Sexpr expected) {
        String head = expected.head();
        if (head.equals("either")) {
            return slots(expected.get(1));
        }
        return head.equals("v128.const") ? 2 : 1;
    }

    static boolean matches(Sexpr expected, long[] s, int at) {
        switch (expected.head()) {
            case "either":
                for (Sexpr alternative : expected.items.subList(1, expected.size())) {
                    if (matches(alternative, s, at)) {
                        return true;
                    }
                }
                return false;
            case "i32.const":
                return (int) s[at] == (int) WastLiterals.integer(expected.get(1).atom, 32)
                        && s[at] == (int) s[at];
            case "i64.const":
                return s[at] == WastLiterals.integer(expected.get(1).atom, 64);
            case "f32.const":
                return laneMatches(expected.get(1).atom, s[at] & 0xFFFF_FFFFL, false) && s[at] == (int) s[at];
            case "f64.const":
                return laneMatches(expected.get(1).atom, s[at], true);
            case "v128.const":
                return v128Matches(expected, s[at], s[at + 1]);
            default:
                throw new IllegalArgumentException("unsupported expectation " + expected);
        }
    }

    private static boolean v128Matches(Sexpr expected, long lo, long hi) {
        String shape = expected.get(1).atom;
        int lanes = Integer.parseInt(shape.substring(shape.indexOf('x') + 1));
        int w = 128 / lanes;
        for (int k = 0; k < lanes; k++) {
            int bit = k * w;
            long half = bit < 64 ? lo : hi;
            long lane = w == 64 ? half : (half >>> (bit % 64)) & ((1L << w) - 1);
            String lit = expected.get(2 + k).atom;
            boolean ok;
            if (shape.equals("f32x4")) {
                ok = laneMatches(lit, lane, false);
            } else if (shape.equals("f64x2")) {
                ok = laneMatches(lit, lane, true);
            } else {
                ok = lane == WastLiterals.integer(lit, w);
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether the float lane bits match the literal or NaN pattern. */
    private static boolean laneMatches(String literal, long bits, boolean f64) {
        long expMask = f64 ? 0x7FF0_0000_0000_0000L : 0x7F80_0000L;
        long quiet = f64 ? 1L << 51 : 1L << 22;
        long payloadMask = quiet * 2 - 1;
        boolean nan = (bits & expMask) == expMask && (bits & payloadMask) != 0;
        switch (literal) {
            case "nan:canonical":
                return nan && (bits & payloadMask) == quiet;
            case "nan:arithmetic":
                return nan && (bits & quiet) != 0;
            default:
                return bits == (f64 ? WastLiterals.f64(literal) : WastLiterals.f32(literal) & 0xFFFF_FFFFL);
        }
    }

    /** The actual value(s) in the form of the expectation, for messages. */
    static String show(Sexpr expected, long[] s, int at) {
        String head = expected.head().equals("either") ? expected.get(1).head() : expected.head();
        if (!head.equals("v128.const")) {
            return head + " 0x" + Long.toHexString(s[at]);
        }
        return String.format("v128 0x%016x%016x", s[at + 1], s[at]);
    }
}
