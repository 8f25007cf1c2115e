package dev.robusta.runtime.internal.simd;

/**
 * Integer lane arithmetic on one 64-bit half of a v128 holding lanes of {@code w} bits (8, 16 or 32):
 * lane k occupies bits {@code k*w .. k*w+w-1}. The width is a constant at every call site, so the JIT
 * folds it once these small methods are inlined.
 */
final class Packed {

    private Packed() {
    }

    /** The mask of a {@code w}-bit lane. */
    static long mask(int w) {
        return (1L << w) - 1;
    }

    /** The top bit of every lane. */
    static long high(int w) {
        return w == 8 ? 0x8080808080808080L : w == 16 ? 0x8000800080008000L : 0x8000000080000000L;
    }

    /** The lane at bit {@code i}, sign-extended. */
    static long signed(long x, int i, int w) {
        return (x << (64 - w - i)) >> (64 - w);
    }

    /** The lane at bit {@code i}, zero-extended. */
    static long unsigned(long x, int i, int w) {
        return (x >>> i) & mask(w);
    }

    /** {@code v} wrapped to {@code w} bits and placed at bit {@code i}. */
    static long at(long v, int i, int w) {
        return (v & mask(w)) << i;
    }

    static long add(long a, long b, int w) {
        long h = high(w);
        return ((a & ~h) + (b & ~h)) ^ ((a ^ b) & h);
    }

    static long sub(long a, long b, int w) {
        long h = high(w);
        return ((a | h) - (b & ~h)) ^ ((a ^ ~b) & h);
    }

    static long mul(long a, long b, int w) {
        long r = 0;
        for (int i = 0; i < 64; i += w) {
            r |= at(unsigned(a, i, w) * unsigned(b, i, w), i, w);
        }
        return r;
    }

    static long abs(long a, int w) {
        long r = 0;
        for (int i = 0; i < 64; i += w) {
            r |= at(Math.abs(signed(a, i, w)), i, w);
        }
        return r;
    }

    static long eq(long a, long b, int w) {
        long r = 0;
        for (int i = 0; i < 64; i += w) {
            if (unsigned(a ^ b, i, w) == 0) {
                r |= mask(w) << i;
            }
        }
        return r;
    }

    static long ltS(long a, long b, int w) {
        long r = 0;
        for (int i = 0; i < 64; i += w) {
            if (signed(a, i, w) < signed(b, i, w)) {
                r |= mask(w) << i;
            }
        }
        return r;
    }

    static long ltU(long a, long b, int w) {
        long r = 0;
        for (int i = 0; i < 64; i += w) {
            if (unsigned(a, i, w) < unsigned(b, i, w)) {
                r |= mask(w) << i;
            }
        }
        return r;
    }

    static long minS(long a, long b, int w) {
        long r = 0;
        for (int i = 0; i < 64; i += w) {
            r |= at(Math.min(signed(a, i, w), signed(b, i, w)), i, w);
        }
        return r;
    }

    static long maxS(long a, long b, int w) {
        long r = 0;
        for (int i = 0; i < 64; i += w) {
            r |= at(Math.max(signed(a, i, w), signed(b, i, w)), i, w);
        }
        return r;
    }

    static long minU(long a, long b, int w) {
        long r = 0;
        for (int i = 0; i < 64; i += w) {
            r |= Math.min(unsigned(a, i, w), unsigned(b, i, w)) << i;
        }
        return r;
    }

    static long maxU(long a, long b, int w) {
        long r = 0;
        for (int i = 0; i < 64; i += w) {
            r |= Math.max(unsigned(a, i, w), unsigned(b, i, w)) << i;
        }
        return r;
    }

    /** Saturates the signed value {@code v} to a signed {@code w}-bit lane. */
    static long satS(long v, int w) {
        long max = (1L << (w - 1)) - 1;
        return v > max ? max : v < ~max ? ~max : v;
    }

    /** Saturates the signed value {@code v} to an unsigned {@code w}-bit lane. */
    static long satU(long v, int w) {
        return v < 0 ? 0 : Math.min(v, mask(w));
    }

    static long addSatS(long a, long b, int w) {
        long r = 0;
        for (int i = 0; i < 64; i += w) {
            r |= at(satS(signed(a, i, w) + signed(b, i, w), w), i, w);
        }
        return r;
    }

    static long addSatU(long a, long b, int w) {
        long r = 0;
        for (int i = 0; i < 64; i += w) {
            r |= satU(unsigned(a, i, w) + unsigned(b, i, w), w) << i;
        }
        return r;
    }

    static long subSatS(long a, long b, int w) {
        long r = 0;
        for (int i = 0; i < 64; i += w) {
            r |= at(satS(signed(a, i, w) - signed(b, i, w), w), i, w);
        }
        return r;
    }

    static long subSatU(long a, long b, int w) {
        long r = 0;
        for (int i = 0; i < 64; i += w) {
            r |= satU(unsigned(a, i, w) - unsigned(b, i, w), w) << i;
        }
        return r;
    }

    /** Rounding average {@code (a + b + 1) / 2} of unsigned lanes. */
    static long avgrU(long a, long b, int w) {
        long r = 0;
        for (int i = 0; i < 64; i += w) {
            r |= ((unsigned(a, i, w) + unsigned(b, i, w) + 1) >>> 1) << i;
        }
        return r;
    }

    /** Shift left by {@code n} (already reduced modulo w). */
    static long shl(long a, int n, int w) {
        long keep = 0;
        for (int i = 0; i < 64; i += w) {
            keep |= ((mask(w) << n) & mask(w)) << i;
        }
        return (a << n) & keep;
    }

    /** Logical shift right by {@code n} (already reduced modulo w). */
    static long shrU(long a, int n, int w) {
        long keep = 0;
        for (int i = 0; i < 64; i += w) {
            keep |= (mask(w) >>> n) << i;
        }
        return (a >>> n) & keep;
    }

    /** Arithmetic shift right by {@code n} (already reduced modulo w). */
    static long shrS(long a, int n, int w) {
        long r = 0;
        for (int i = 0; i < 64; i += w) {
            r |= at(signed(a, i, w) >> n, i, w);
        }
        return r;
    }

    /** Whether some lane of {@code x} is zero. */
    static boolean hasZero(long x, int w) {
        for (int i = 0; i < 64; i += w) {
            if (unsigned(x, i, w) == 0) {
                return true;
            }
        }
        return false;
    }

    /** The top bit of each lane, lane k as bit k. */
    static int bitmask(long x, int w) {
        int r = 0;
        for (int i = 0, k = 0; i < 64; i += w, k++) {
            r |= (int) (x >>> (i + w - 1) & 1) << k;
        }
        return r;
    }

    /**
     * Widens the {@code 64/w2} narrow lanes (of {@code w2/2} bits) found in the low half of {@code x >>> from}
     * to lanes of {@code w2} bits, sign- or zero-extended.
     */
    static long extend(long x, int from, int w2, boolean signed) {
        int w = w2 / 2;
        long r = 0;
        for (int i = 0, j = from; i < 64; i += w2, j += w) {
            r |= at(signed ? signed(x, j, w) : unsigned(x, j, w), i, w2);
        }
        return r;
    }

    /** Like {@link #extend}, multiplying the lanes of a and b: the extmul instructions. */
    static long extmul(long a, long b, int from, int w2, boolean signed) {
        int w = w2 / 2;
        long r = 0;
        for (int i = 0, j = from; i < 64; i += w2, j += w) {
            long p = signed ? signed(a, j, w) * signed(b, j, w) : unsigned(a, j, w) * unsigned(b, j, w);
            r |= at(p, i, w2);
        }
        return r;
    }

    /** Adds adjacent pairs of narrow lanes (of {@code w2/2} bits) into lanes of {@code w2} bits. */
    static long extaddPairwise(long x, int w2, boolean signed) {
        int w = w2 / 2;
        long r = 0;
        for (int i = 0; i < 64; i += w2) {
            long sum = signed ? signed(x, i, w) + signed(x, i + w, w) : unsigned(x, i, w) + unsigned(x, i + w, w);
            r |= at(sum, i, w2);
        }
        return r;
    }

    /**
     * Narrows the lanes of {@code w2} bits in {@code lo} then {@code hi} (read signed) to lanes of
     * {@code w2/2} bits, saturating signed or unsigned.
     */
    static long narrow(long lo, long hi, int w2, boolean signed) {
        int w = w2 / 2;
        long r = 0;
        int k = 0;
        for (int i = 0; i < 64; i += w2, k += w) {
            long v = signed(lo, i, w2);
            r |= at(signed ? satS(v, w) : satU(v, w), k, w);
        }
        for (int i = 0; i < 64; i += w2, k += w) {
            long v = signed(hi, i, w2);
            r |= at(signed ? satS(v, w) : satU(v, w), k, w);
        }
        return r;
    }
}
