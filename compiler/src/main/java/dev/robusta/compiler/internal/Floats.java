package dev.robusta.compiler.internal;

import dev.robusta.runtime.internal.Numerics;

/**
 * The floating-point instructions whose WebAssembly semantics differ from the JVM's operators, on JVM
 * {@code float} and {@code double} values: a NaN result must be quiet (an arithmetic NaN), so the rounding
 * functions, square root, min and max quiet a NaN operand explicitly; abs, neg and copysign are bit
 * operations that keep NaN payloads.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html">Numerics</a>
 */
public final class Floats {
    private Floats() {
    }

    private static float quiet(float a) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(a) | 0x0040_0000);
    }

    private static double quiet(double a) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(a) | 0x0008_0000_0000_0000L);
    }

    // ---- f32 ----

    public static float f32Abs(float a) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(a) & 0x7FFF_FFFF);
    }

    public static float f32Neg(float a) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(a) ^ 0x8000_0000);
    }

    public static float f32Copysign(float a, float b) {
        return Float.intBitsToFloat((Float.floatToRawIntBits(a) & 0x7FFF_FFFF)
                | (Float.floatToRawIntBits(b) & 0x8000_0000));
    }

    public static float f32Ceil(float a) {
        return a != a ? quiet(a) : (float) Math.ceil(a);
    }

    public static float f32Floor(float a) {
        return a != a ? quiet(a) : (float) Math.floor(a);
    }

    public static float f32Trunc(float a) {
        if (a != a) {
            return quiet(a);
        }
        return (float) (a < 0 ? Math.ceil(a) : Math.floor(a));
    }

    public static float f32Nearest(float a) {
        return a != a ? quiet(a) : (float) Math.rint(a);
    }

    public static float f32Sqrt(float a) {
        return a != a ? quiet(a) : (float) Math.sqrt(a);
    }

    public static float f32Min(float a, float b) {
        if (a != a || b != b) {
            return a + b;
        }
        return Math.min(a, b);
    }

    public static float f32Max(float a, float b) {
        if (a != a || b != b) {
            return a + b;
        }
        return Math.max(a, b);
    }

    // ---- f64 ----

    public static double f64Abs(double a) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(a) & 0x7FFF_FFFF_FFFF_FFFFL);
    }

    public static double f64Neg(double a) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(a) ^ 0x8000_0000_0000_0000L);
    }

    public static double f64Copysign(double a, double b) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(a) & 0x7FFF_FFFF_FFFF_FFFFL)
                | (Double.doubleToRawLongBits(b) & 0x8000_0000_0000_0000L));
    }

    public static double f64Ceil(double a) {
        return a != a ? quiet(a) : Math.ceil(a);
    }

    public static double f64Floor(double a) {
        return a != a ? quiet(a) : Math.floor(a);
    }

    public static double f64Trunc(double a) {
        if (a != a) {
            return quiet(a);
        }
        return a < 0 ? Math.ceil(a) : Math.floor(a);
    }

    public static double f64Nearest(double a) {
        return a != a ? quiet(a) : Math.rint(a);
    }

    public static double f64Sqrt(double a) {
        return a != a ? quiet(a) : Math.sqrt(a);
    }

    public static double f64Min(double a, double b) {
        if (a != a || b != b) {
            return a + b;
        }
        return Math.min(a, b);
    }

    public static double f64Max(double a, double b) {
        if (a != a || b != b) {
            return a + b;
        }
        return Math.max(a, b);
    }

    // ---- conversions ----

    public static int i32TruncF32S(float a) {
        return Numerics.i32TruncS(a);
    }

    public static int i32TruncF32U(float a) {
        return Numerics.i32TruncU(a);
    }

    public static int i32TruncF64S(double a) {
        return Numerics.i32TruncS(a);
    }

    public static int i32TruncF64U(double a) {
        return Numerics.i32TruncU(a);
    }

    public static long i64TruncF32S(float a) {
        return Numerics.i64TruncS(a);
    }

    public static long i64TruncF32U(float a) {
        return Numerics.i64TruncU(a);
    }

    public static long i64TruncF64S(double a) {
        return Numerics.i64TruncS(a);
    }

    public static long i64TruncF64U(double a) {
        return Numerics.i64TruncU(a);
    }

    public static int i32TruncSatF32U(float a) {
        return Numerics.i32TruncSatU(a);
    }

    public static int i32TruncSatF64U(double a) {
        return Numerics.i32TruncSatU(a);
    }

    public static long i64TruncSatF32U(float a) {
        return Numerics.i64TruncSatU(a);
    }

    public static long i64TruncSatF64U(double a) {
        return Numerics.i64TruncSatU(a);
    }

    public static float f32ConvertI32U(int a) {
        return (float) (a & 0xFFFF_FFFFL);
    }

    public static float f32ConvertI64U(long a) {
        return Numerics.f32ConvertU64(a);
    }

    public static double f64ConvertI32U(int a) {
        return (double) (a & 0xFFFF_FFFFL);
    }

    public static double f64ConvertI64U(long a) {
        return Numerics.f64ConvertU64(a);
    }
}
