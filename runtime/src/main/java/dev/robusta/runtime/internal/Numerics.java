package dev.robusta.runtime.internal;

import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;

/**
 * The numeric operations whose WebAssembly semantics differ from Java's operators: trapping division and
 * truncation, saturating truncation, unsigned conversions, and the floating-point operations where NaN
 * results must be quiet (arithmetic) NaNs and signed zeros matter. Floats are passed as raw bits so that NaN
 * payloads survive.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html">Numerics</a>
 */
public final class Numerics {
    private static final int F32_QUIET = 0x0040_0000;
    private static final long F64_QUIET = 0x0008_0000_0000_0000L;
    private static final double TWO_63 = 9223372036854775808.0;
    private static final double TWO_64 = 18446744073709551616.0;

    private Numerics() {
    }

    // ---- integer division ----

    public static int i32DivS(int a, int b) {
        if (b == 0) {
            throw new TrapException(Trap.INTEGER_DIVIDE_BY_ZERO);
        }
        if (a == Integer.MIN_VALUE && b == -1) {
            throw new TrapException(Trap.INTEGER_OVERFLOW);
        }
        return a / b;
    }

    public static int i32DivU(int a, int b) {
        if (b == 0) {
            throw new TrapException(Trap.INTEGER_DIVIDE_BY_ZERO);
        }
        return Integer.divideUnsigned(a, b);
    }

    public static int i32RemS(int a, int b) {
        if (b == 0) {
            throw new TrapException(Trap.INTEGER_DIVIDE_BY_ZERO);
        }
        return b == -1 ? 0 : a % b;
    }

    public static int i32RemU(int a, int b) {
        if (b == 0) {
            throw new TrapException(Trap.INTEGER_DIVIDE_BY_ZERO);
        }
        return Integer.remainderUnsigned(a, b);
    }

    public static long i64DivS(long a, long b) {
        if (b == 0) {
            throw new TrapException(Trap.INTEGER_DIVIDE_BY_ZERO);
        }
        if (a == Long.MIN_VALUE && b == -1) {
            throw new TrapException(Trap.INTEGER_OVERFLOW);
        }
        return a / b;
    }

    public static long i64DivU(long a, long b) {
        if (b == 0) {
            throw new TrapException(Trap.INTEGER_DIVIDE_BY_ZERO);
        }
        return Long.divideUnsigned(a, b);
    }

    public static long i64RemS(long a, long b) {
        if (b == 0) {
            throw new TrapException(Trap.INTEGER_DIVIDE_BY_ZERO);
        }
        return b == -1 ? 0 : a % b;
    }

    public static long i64RemU(long a, long b) {
        if (b == 0) {
            throw new TrapException(Trap.INTEGER_DIVIDE_BY_ZERO);
        }
        return Long.remainderUnsigned(a, b);
    }

    // ---- f32, as bits ----

    private static int f32(float f) {
        return Float.floatToRawIntBits(f);
    }

    private static float f32(int bits) {
        return Float.intBitsToFloat(bits);
    }

    private static boolean isNaN32(int bits) {
        return (bits & 0x7FFF_FFFF) > 0x7F80_0000;
    }

    public static int f32Ceil(int a) {
        return isNaN32(a) ? a | F32_QUIET : f32((float) Math.ceil(f32(a)));
    }

    public static int f32Floor(int a) {
        return isNaN32(a) ? a | F32_QUIET : f32((float) Math.floor(f32(a)));
    }

    public static int f32Trunc(int a) {
        if (isNaN32(a)) {
            return a | F32_QUIET;
        }
        double d = f32(a);
        return f32((float) (d < 0 ? Math.ceil(d) : Math.floor(d)));
    }

    public static int f32Nearest(int a) {
        return isNaN32(a) ? a | F32_QUIET : f32((float) Math.rint(f32(a)));
    }

    public static int f32Sqrt(int a) {
        return isNaN32(a) ? a | F32_QUIET : f32((float) Math.sqrt(f32(a)));
    }

    public static int f32Min(int a, int b) {
        if (isNaN32(a) || isNaN32(b)) {
            return f32(f32(a) + f32(b));
        }
        return f32(Math.min(f32(a), f32(b)));
    }

    public static int f32Max(int a, int b) {
        if (isNaN32(a) || isNaN32(b)) {
            return f32(f32(a) + f32(b));
        }
        return f32(Math.max(f32(a), f32(b)));
    }

    // ---- f64, as bits ----

    private static long f64(double d) {
        return Double.doubleToRawLongBits(d);
    }

    private static double f64(long bits) {
        return Double.longBitsToDouble(bits);
    }

    private static boolean isNaN64(long bits) {
        return (bits & 0x7FFF_FFFF_FFFF_FFFFL) > 0x7FF0_0000_0000_0000L;
    }

    public static long f64Ceil(long a) {
        return isNaN64(a) ? a | F64_QUIET : f64(Math.ceil(f64(a)));
    }

    public static long f64Floor(long a) {
        return isNaN64(a) ? a | F64_QUIET : f64(Math.floor(f64(a)));
    }

    public static long f64Trunc(long a) {
        if (isNaN64(a)) {
            return a | F64_QUIET;
        }
        double d = f64(a);
        return f64(d < 0 ? Math.ceil(d) : Math.floor(d));
    }

    public static long f64Nearest(long a) {
        return isNaN64(a) ? a | F64_QUIET : f64(Math.rint(f64(a)));
    }

    public static long f64Sqrt(long a) {
        return isNaN64(a) ? a | F64_QUIET : f64(Math.sqrt(f64(a)));
    }

    public static long f64Min(long a, long b) {
        if (isNaN64(a) || isNaN64(b)) {
            return f64(f64(a) + f64(b));
        }
        return f64(Math.min(f64(a), f64(b)));
    }

    public static long f64Max(long a, long b) {
        if (isNaN64(a) || isNaN64(b)) {
            return f64(f64(a) + f64(b));
        }
        return f64(Math.max(f64(a), f64(b)));
    }

    // ---- trapping truncation ----

    private static TrapException invalidOrOverflow(double d) {
        return new TrapException(d != d ? Trap.INVALID_CONVERSION_TO_INTEGER : Trap.INTEGER_OVERFLOW);
    }

    /** i32.trunc_f32_s / i32.trunc_f64_s of {@code d} (an f32 widened exactly, or an f64). */
    public static int i32TruncS(double d) {
        if (!(d > -2147483649.0 && d < 2147483648.0)) {
            throw invalidOrOverflow(d);
        }
        return (int) d;
    }

    /** i32.trunc_f32_u / i32.trunc_f64_u. */
    public static int i32TruncU(double d) {
        if (!(d > -1.0 && d < 4294967296.0)) {
            throw invalidOrOverflow(d);
        }
        return (int) (long) d;
    }

    /** i64.trunc_f32_s / i64.trunc_f64_s. */
    public static long i64TruncS(double d) {
        if (!(d >= -TWO_63 && d < TWO_63)) {
            throw invalidOrOverflow(d);
        }
        return (long) d;
    }

    /** i64.trunc_f32_u / i64.trunc_f64_u. */
    public static long i64TruncU(double d) {
        if (!(d > -1.0 && d < TWO_64)) {
            throw invalidOrOverflow(d);
        }
        return d < TWO_63 ? (long) d : (long) (d - TWO_63) + Long.MIN_VALUE;
    }

    // ---- saturating truncation (the signed ones are Java's casts) ----

    public static int i32TruncSatU(double d) {
        if (!(d > -1.0)) {
            return 0;
        }
        return d >= 4294967296.0 ? -1 : (int) (long) d;
    }

    public static long i64TruncSatU(double d) {
        if (!(d > -1.0)) {
            return 0;
        }
        if (d >= TWO_64) {
            return -1L;
        }
        return d < TWO_63 ? (long) d : (long) (d - TWO_63) + Long.MIN_VALUE;
    }

    // ---- unsigned conversion to float ----

    /** f32.convert_i64_u, rounding to nearest even once. */
    public static float f32ConvertU64(long x) {
        if (x >= 0) {
            return (float) x;
        }
        return (float) ((x >>> 1) | (x & 1)) * 2.0f;
    }

    /** f64.convert_i64_u, rounding to nearest even once. */
    public static double f64ConvertU64(long x) {
        if (x >= 0) {
            return (double) x;
        }
        return (double) ((x >>> 1) | (x & 1)) * 2.0;
    }
}
