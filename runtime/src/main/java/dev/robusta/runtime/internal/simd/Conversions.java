package dev.robusta.runtime.internal.simd;

/**
 * The conversions between integer and float vectors and between float shapes:
 * {@code f32x4.demote_f64x2_zero}, {@code f64x2.promote_low_f32x4}, {@code i32x4.trunc_sat_*},
 * {@code f32x4.convert_i32x4_*} and {@code f64x2.convert_low_i32x4_*}.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#conversions">Conversions</a>
 */
final class Conversions {

    private Conversions() {
    }

    static int execute(int code, long[] s, int sp) {
        long a0 = s[sp - 2];
        long a1 = s[sp - 1];
        switch (code) {
            case 0x5E: // f32x4.demote_f64x2_zero
                return Operands.unary(s, sp, F32x4.pack(FloatOps.demote(a0), FloatOps.demote(a1)), 0);
            case 0x5F: // f64x2.promote_low_f32x4
                return Operands.unary(s, sp, FloatOps.promote((int) a0), FloatOps.promote(F32x4.hi(a0)));
            case 0xF8: // i32x4.trunc_sat_f32x4_s
                return Operands.unary(s, sp, truncSatS(a0), truncSatS(a1));
            case 0xF9: // i32x4.trunc_sat_f32x4_u
                return Operands.unary(s, sp, truncSatU(a0), truncSatU(a1));
            case 0xFA: // f32x4.convert_i32x4_s
                return Operands.unary(s, sp, convertS(a0), convertS(a1));
            case 0xFB: // f32x4.convert_i32x4_u
                return Operands.unary(s, sp, convertU(a0), convertU(a1));
            case 0xFC: // i32x4.trunc_sat_f64x2_s_zero
                return Operands.unary(s, sp, F32x4.pack((int) F64x2.d(a0), (int) F64x2.d(a1)), 0);
            case 0xFD: // i32x4.trunc_sat_f64x2_u_zero
                return Operands.unary(s, sp, F32x4.pack(truncSatU(F64x2.d(a0)), truncSatU(F64x2.d(a1))), 0);
            case 0xFE: // f64x2.convert_low_i32x4_s
                return Operands.unary(s, sp, F64x2.bits((int) a0), F64x2.bits(F32x4.hi(a0)));
            case 0xFF: // f64x2.convert_low_i32x4_u
                return Operands.unary(s, sp, F64x2.bits(a0 & 0xFFFF_FFFFL), F64x2.bits(a0 >>> 32));
            default:
                throw Simd.unknown(code);
        }
    }

    /** Java's float-to-int cast is trunc_sat_s: NaN gives 0 and out-of-range values saturate. */
    private static long truncSatS(long half) {
        return F32x4.pack((int) F32x4.f((int) half), (int) F32x4.f(F32x4.hi(half)));
    }

    private static long truncSatU(long half) {
        return F32x4.pack(truncSatU(F32x4.f((int) half)), truncSatU(F32x4.f(F32x4.hi(half))));
    }

    /** trunc_sat_u to 32 bits: NaN and values at or below -1 give 0, values at or above 2^32 give 2^32-1. */
    static int truncSatU(double x) {
        if (!(x > -1.0)) {
            return 0;
        }
        return x >= 4294967296.0 ? -1 : (int) (long) x;
    }

    private static long convertS(long half) {
        return F32x4.pack(F32x4.bits((float) (int) half), F32x4.bits((float) F32x4.hi(half)));
    }

    /** Java's long-to-float conversion rounds to nearest, ties to even, as convert_u requires. */
    private static long convertU(long half) {
        return F32x4.pack(F32x4.bits((float) (half & 0xFFFF_FFFFL)), F32x4.bits((float) (half >>> 32)));
    }
}
