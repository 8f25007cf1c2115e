package dev.robusta.runtime.internal.simd;

/**
 * The relaxed SIMD instructions (0xFD 0x100..0x113), with the results of the spec's deterministic profile
 * (every implementation-defined choice at index 0):
 * <ul>
 *   <li>{@code relaxed_swizzle} is {@code i8x16.swizzle} (an index of 16 or more gives 0);</li>
 *   <li>{@code relaxed_trunc_*} are the {@code trunc_sat_*} instructions (NaN gives 0, saturation);</li>
 *   <li>{@code relaxed_madd} is the unfused {@code a*b+c} (two roundings), {@code relaxed_nmadd} is
 *       {@code (-a)*b+c};</li>
 *   <li>{@code relaxed_laneselect} of every shape is {@code v128.bitselect};</li>
 *   <li>{@code relaxed_min/max} are {@code min/max} (NaN propagates, -0 below +0);</li>
 *   <li>{@code relaxed_q15mulr_s} is {@code q15mulr_sat_s};</li>
 *   <li>{@code relaxed_dot_i8x16_i7x16_s} multiplies both operands as signed bytes and adds each pair of
 *       products with signed saturation to 16 bits; {@code relaxed_dot_i8x16_i7x16_add_s} then adds pairs of
 *       those 16-bit sums and the accumulator lane (wrapping, 32 bits).</li>
 * </ul>
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#relaxed-operations">Relaxed
 *     operations</a>
 */
final class Relaxed {

    private Relaxed() {
    }

    static int execute(int code, long[] s, int sp) {
        switch (code) {
            case 0x100: // i8x16.relaxed_swizzle
                return Lanes.execute(0x0E, s, sp, 0, 0);
            case 0x101: // i32x4.relaxed_trunc_f32x4_s
                return Conversions.execute(0xF8, s, sp);
            case 0x102: // i32x4.relaxed_trunc_f32x4_u
                return Conversions.execute(0xF9, s, sp);
            case 0x103: // i32x4.relaxed_trunc_f64x2_s_zero
                return Conversions.execute(0xFC, s, sp);
            case 0x104: // i32x4.relaxed_trunc_f64x2_u_zero
                return Conversions.execute(0xFD, s, sp);
            case 0x105: // f32x4.relaxed_madd
                return Operands.ternary(s, sp, madd32(s[sp - 6], s[sp - 4], s[sp - 2]),
                        madd32(s[sp - 5], s[sp - 3], s[sp - 1]));
            case 0x106: // f32x4.relaxed_nmadd
                return Operands.ternary(s, sp, madd32(s[sp - 6] ^ 0x8000_0000_8000_0000L, s[sp - 4], s[sp - 2]),
                        madd32(s[sp - 5] ^ 0x8000_0000_8000_0000L, s[sp - 3], s[sp - 1]));
            case 0x107: // f64x2.relaxed_madd
                return Operands.ternary(s, sp, madd64(s[sp - 6], s[sp - 4], s[sp - 2]),
                        madd64(s[sp - 5], s[sp - 3], s[sp - 1]));
            case 0x108: // f64x2.relaxed_nmadd
                return Operands.ternary(s, sp, madd64(s[sp - 6] ^ Long.MIN_VALUE, s[sp - 4], s[sp - 2]),
                        madd64(s[sp - 5] ^ Long.MIN_VALUE, s[sp - 3], s[sp - 1]));
            case 0x109: // i8x16.relaxed_laneselect
            case 0x10A: // i16x8.relaxed_laneselect
            case 0x10B: // i32x4.relaxed_laneselect
            case 0x10C: // i64x2.relaxed_laneselect
                return Bitwise.bitselect(s, sp);
            case 0x10D: // f32x4.relaxed_min
                return F32x4.execute(0xE8, s, sp);
            case 0x10E: // f32x4.relaxed_max
                return F32x4.execute(0xE9, s, sp);
            case 0x10F: // f64x2.relaxed_min
                return F64x2.execute(0xF4, s, sp);
            case 0x110: // f64x2.relaxed_max
                return F64x2.execute(0xF5, s, sp);
            case 0x111: // i16x8.relaxed_q15mulr_s
                return I16x8.execute(0x82, s, sp);
            case 0x112: // i16x8.relaxed_dot_i8x16_i7x16_s
                return Operands.binary(s, sp, dot(s[sp - 4], s[sp - 2]), dot(s[sp - 3], s[sp - 1]));
            case 0x113: // i32x4.relaxed_dot_i8x16_i7x16_add_s
                return Operands.ternary(s, sp, dotAdd(s[sp - 6], s[sp - 4], s[sp - 2]),
                        dotAdd(s[sp - 5], s[sp - 3], s[sp - 1]));
            default:
                throw Simd.unknown(code);
        }
    }

    /** Two f32 lanes of {@code a*b+c}, rounded after the product and after the sum. */
    private static long madd32(long a, long b, long c) {
        return F32x4.add(F32x4.mul(a, b), c);
    }

    private static long madd64(long a, long b, long c) {
        return F64x2.bits(F64x2.d(a) * F64x2.d(b) + F64x2.d(c));
    }

    /** Four i16 lanes: each the saturated sum of two adjacent signed-byte products. */
    private static long dot(long a, long b) {
        long r = 0;
        for (int i = 0; i < 64; i += 16) {
            long sum = Packed.signed(a, i, 8) * Packed.signed(b, i, 8)
                    + Packed.signed(a, i + 8, 8) * Packed.signed(b, i + 8, 8);
            r |= Packed.at(Packed.satS(sum, 16), i, 16);
        }
        return r;
    }

    /** Two i32 lanes: the sum of two adjacent lanes of {@link #dot} plus the lane of c, wrapping. */
    private static long dotAdd(long a, long b, long c) {
        long t = dot(a, b);
        long r = 0;
        for (int i = 0; i < 64; i += 32) {
            long sum = Packed.signed(t, i, 16) + Packed.signed(t, i + 16, 16) + Packed.signed(c, i, 32);
            r |= Packed.at(sum, i, 32);
        }
        return r;
    }
}
