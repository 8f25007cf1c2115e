package dev.robusta.runtime.internal.simd;

/**
 * Scalar IEEE 754 operations on raw bits ({@code int} for f32, {@code long} for f64) where Java's own
 * operators or {@link Math} do not already give the WebAssembly result.
 *
 * <p>NaN rule: when an operand is a NaN the result must be an arithmetic NaN (quiet bit set), and a
 * canonical NaN when every NaN operand is canonical. Java's {@code +,-,*,/} and {@link Math#sqrt} run on
 * the hardware, which returns a quieted operand NaN or its canonical default NaN; min, max and the
 * rounding functions could return a signalling operand unchanged, so they quiet it here explicitly.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#floating-point-operations">Floating-point
 *     operations</a>
 */
final class FloatOps {

    static final int F32_QUIET = 0x0040_0000;
    static final long F64_QUIET = 0x0008_0000_0000_0000L;

    private FloatOps() {
    }

    static boolean isNaN(int bits) {
        return (bits & 0x7FFF_FFFF) > 0x7F80_0000;
    }

    static boolean isNaN(long bits) {
        return (bits & Long.MAX_VALUE) > 0x7FF0_0000_0000_0000L;
    }

    private static float f(int bits) {
        return Float.intBitsToFloat(bits);
    }

    private static int bits(float f) {
        return Float.floatToRawIntBits(f);
    }

    private static double d(long bits) {
        return Double.longBitsToDouble(bits);
    }

    private static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }

    /** fmin: NaN if either is NaN, -0 below +0. */
    static int min(int a, int b) {
        if (isNaN(a)) {
            return a | F32_QUIET;
        }
        if (isNaN(b)) {
            return b | F32_QUIET;
        }
        float x = f(a);
        float y = f(b);
        return x < y ? a : y < x ? b : a | b;
    }

    /** fmax: NaN if either is NaN, +0 above -0. */
    static int max(int a, int b) {
        if (isNaN(a)) {
            return a | F32_QUIET;
        }
        if (isNaN(b)) {
            return b | F32_QUIET;
        }
        float x = f(a);
        float y = f(b);
        return x > y ? a : y > x ? b : a & b;
    }

    static long min(long a, long b) {
        if (isNaN(a)) {
            return a | F64_QUIET;
        }
        if (isNaN(b)) {
            return b | F64_QUIET;
        }
        double x = d(a);
        double y = d(b);
        return x < y ? a : y < x ? b : a | b;
    }

    static long max(long a, long b) {
        if (isNaN(a)) {
            return a | F64_QUIET;
        }
        if (isNaN(b)) {
            return b | F64_QUIET;
        }
        double x = d(a);
        double y = d(b);
        return x > y ? a : y > x ? b : a & b;
    }

    /** pmin: {@code b < a ? b : a}, returning an operand's bits unchanged. */
    static int pmin(int a, int b) {
        return f(b) < f(a) ? b : a;
    }

    /** pmax: {@code a < b ? b : a}, returning an operand's bits unchanged. */
    static int pmax(int a, int b) {
        return f(a) < f(b) ? b : a;
    }

    static long pmin(long a, long b) {
        return d(b) < d(a) ? b : a;
    }

    static long pmax(long a, long b) {
        return d(a) < d(b) ? b : a;
    }

    static int ceil(int a) {
        return isNaN(a) ? a | F32_QUIET : bits((float) Math.ceil(f(a)));
    }

    static int floor(int a) {
        return isNaN(a) ? a | F32_QUIET : bits((float) Math.floor(f(a)));
    }

    static int trunc(int a) {
        if (isNaN(a)) {
            return a | F32_QUIET;
        }
        float x = f(a);
        return bits((float) (x < 0 ? Math.ceil(x) : Math.floor(x)));
    }

    /** Round to nearest, ties to even; keeps the sign of a zero result. */
    static int nearest(int a) {
        return isNaN(a) ? a | F32_QUIET : bits((float) Math.rint(f(a)));
    }

    static int sqrt(int a) {
        return isNaN(a) ? a | F32_QUIET : bits((float) Math.sqrt(f(a)));
    }

    static long ceil(long a) {
        return isNaN(a) ? a | F64_QUIET : bits(Math.ceil(d(a)));
    }

    static long floor(long a) {
        return isNaN(a) ? a | F64_QUIET : bits(Math.floor(d(a)));
    }

    static long trunc(long a) {
        if (isNaN(a)) {
            return a | F64_QUIET;
        }
        double x = d(a);
        return bits(x < 0 ? Math.ceil(x) : Math.floor(x));
    }

    static long nearest(long a) {
        return isNaN(a) ? a | F64_QUIET : bits(Math.rint(d(a)));
    }

    static long sqrt(long a) {
        return isNaN(a) ? a | F64_QUIET : bits(Math.sqrt(d(a)));
    }

    /**
     * f64 to f32, rounding to nearest. A NaN keeps its sign and the top of its payload and becomes quiet,
     * so a canonical NaN stays canonical.
     */
    static int demote(long a) {
        if (isNaN(a)) {
            return (int) (a >>> 32) & 0x8000_0000 | 0x7F80_0000 | F32_QUIET | (int) (a >>> 29) & 0x007F_FFFF;
        }
        return bits((float) d(a));
    }

    /** f32 to f64, exact. A NaN keeps its sign and payload and becomes quiet. */
    static long promote(int a) {
        if (isNaN(a)) {
            return (long) (a & 0x8000_0000) << 32 | 0x7FF0_0000_0000_0000L | F64_QUIET
                    | (long) (a & 0x007F_FFFF) << 29;
        }
        return bits((double) f(a));
    }
}
