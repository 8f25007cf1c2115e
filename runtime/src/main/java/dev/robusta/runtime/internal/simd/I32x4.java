package dev.robusta.runtime.internal.simd;

/**
 * The {@code i32x4} instructions (other than the lane instructions in {@link Lanes} and the float
 * conversions in {@link Conversions}): comparisons, extadd_pairwise, abs, neg, all_true, bitmask, extend,
 * shifts, add, sub, mul, min, max, dot_i16x8_s and extmul.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html">Numerics</a>
 */
final class I32x4 {

    private static final int W = 32;

    private I32x4() {
    }

    static int execute(int code, long[] s, int sp) {
        switch (code) {
            case 0x7E: // i32x4.extadd_pairwise_i16x8_s
                return Operands.unary(s, sp,
                        Packed.extaddPairwise(s[sp - 2], W, true), Packed.extaddPairwise(s[sp - 1], W, true));
            case 0x7F: // i32x4.extadd_pairwise_i16x8_u
                return Operands.unary(s, sp,
                        Packed.extaddPairwise(s[sp - 2], W, false), Packed.extaddPairwise(s[sp - 1], W, false));
            case 0xA0: // i32x4.abs
                return Operands.unary(s, sp, Packed.abs(s[sp - 2], W), Packed.abs(s[sp - 1], W));
            case 0xA1: // i32x4.neg
                return Operands.unary(s, sp, Packed.sub(0, s[sp - 2], W), Packed.sub(0, s[sp - 1], W));
            case 0xA3: // i32x4.all_true
                return Operands.toI32(s, sp, Packed.hasZero(s[sp - 2], W) || Packed.hasZero(s[sp - 1], W) ? 0 : 1);
            case 0xA4: // i32x4.bitmask
                return Operands.toI32(s, sp, Packed.bitmask(s[sp - 2], W) | Packed.bitmask(s[sp - 1], W) << 2);
            case 0xA7: { // i32x4.extend_low_i16x8_s
                long x = s[sp - 2];
                return Operands.unary(s, sp, Packed.extend(x, 0, W, true), Packed.extend(x, 32, W, true));
            }
            case 0xA8: { // i32x4.extend_high_i16x8_s
                long x = s[sp - 1];
                return Operands.unary(s, sp, Packed.extend(x, 0, W, true), Packed.extend(x, 32, W, true));
            }
            case 0xA9: { // i32x4.extend_low_i16x8_u
                long x = s[sp - 2];
                return Operands.unary(s, sp, Packed.extend(x, 0, W, false), Packed.extend(x, 32, W, false));
            }
            case 0xAA: { // i32x4.extend_high_i16x8_u
                long x = s[sp - 1];
                return Operands.unary(s, sp, Packed.extend(x, 0, W, false), Packed.extend(x, 32, W, false));
            }
            case 0xAB: { // i32x4.shl
                int n = (int) s[sp - 1] & 31;
                return Operands.withScalar(s, sp, Packed.shl(s[sp - 3], n, W), Packed.shl(s[sp - 2], n, W));
            }
            case 0xAC: { // i32x4.shr_s
                int n = (int) s[sp - 1] & 31;
                return Operands.withScalar(s, sp, Packed.shrS(s[sp - 3], n, W), Packed.shrS(s[sp - 2], n, W));
            }
            case 0xAD: { // i32x4.shr_u
                int n = (int) s[sp - 1] & 31;
                return Operands.withScalar(s, sp, Packed.shrU(s[sp - 3], n, W), Packed.shrU(s[sp - 2], n, W));
            }
            default:
                return binary(code, s, sp);
        }
    }

    private static int binary(int code, long[] s, int sp) {
        long a0 = s[sp - 4];
        long a1 = s[sp - 3];
        long b0 = s[sp - 2];
        long b1 = s[sp - 1];
        long r0;
        long r1;
        switch (code) {
            case 0x37: // i32x4.eq
                r0 = Packed.eq(a0, b0, W);
                r1 = Packed.eq(a1, b1, W);
                break;
            case 0x38: // i32x4.ne
                r0 = ~Packed.eq(a0, b0, W);
                r1 = ~Packed.eq(a1, b1, W);
                break;
            case 0x39: // i32x4.lt_s
                r0 = Packed.ltS(a0, b0, W);
                r1 = Packed.ltS(a1, b1, W);
                break;
            case 0x3A: // i32x4.lt_u
                r0 = Packed.ltU(a0, b0, W);
                r1 = Packed.ltU(a1, b1, W);
                break;
            case 0x3B: // i32x4.gt_s
                r0 = Packed.ltS(b0, a0, W);
                r1 = Packed.ltS(b1, a1, W);
                break;
            case 0x3C: // i32x4.gt_u
                r0 = Packed.ltU(b0, a0, W);
                r1 = Packed.ltU(b1, a1, W);
                break;
            case 0x3D: // i32x4.le_s
                r0 = ~Packed.ltS(b0, a0, W);
                r1 = ~Packed.ltS(b1, a1, W);
                break;
            case 0x3E: // i32x4.le_u
                r0 = ~Packed.ltU(b0, a0, W);
                r1 = ~Packed.ltU(b1, a1, W);
                break;
            case 0x3F: // i32x4.ge_s
                r0 = ~Packed.ltS(a0, b0, W);
                r1 = ~Packed.ltS(a1, b1, W);
                break;
            case 0x40: // i32x4.ge_u
                r0 = ~Packed.ltU(a0, b0, W);
                r1 = ~Packed.ltU(a1, b1, W);
                break;
            case 0xAE: // i32x4.add
                r0 = Packed.add(a0, b0, W);
                r1 = Packed.add(a1, b1, W);
                break;
            case 0xB1: // i32x4.sub
                r0 = Packed.sub(a0, b0, W);
                r1 = Packed.sub(a1, b1, W);
                break;
            case 0xB5: // i32x4.mul
                r0 = Packed.mul(a0, b0, W);
                r1 = Packed.mul(a1, b1, W);
                break;
            case 0xB6: // i32x4.min_s
                r0 = Packed.minS(a0, b0, W);
                r1 = Packed.minS(a1, b1, W);
                break;
            case 0xB7: // i32x4.min_u
                r0 = Packed.minU(a0, b0, W);
                r1 = Packed.minU(a1, b1, W);
                break;
            case 0xB8: // i32x4.max_s
                r0 = Packed.maxS(a0, b0, W);
                r1 = Packed.maxS(a1, b1, W);
                break;
            case 0xB9: // i32x4.max_u
                r0 = Packed.maxU(a0, b0, W);
                r1 = Packed.maxU(a1, b1, W);
                break;
            case 0xBA: // i32x4.dot_i16x8_s
                r0 = dotS(a0, b0);
                r1 = dotS(a1, b1);
                break;
            case 0xBC: // i32x4.extmul_low_i16x8_s
                r0 = Packed.extmul(a0, b0, 0, W, true);
                r1 = Packed.extmul(a0, b0, 32, W, true);
                break;
            case 0xBD: // i32x4.extmul_high_i16x8_s
                r0 = Packed.extmul(a1, b1, 0, W, true);
                r1 = Packed.extmul(a1, b1, 32, W, true);
                break;
            case 0xBE: // i32x4.extmul_low_i16x8_u
                r0 = Packed.extmul(a0, b0, 0, W, false);
                r1 = Packed.extmul(a0, b0, 32, W, false);
                break;
            case 0xBF: // i32x4.extmul_high_i16x8_u
                r0 = Packed.extmul(a1, b1, 0, W, false);
                r1 = Packed.extmul(a1, b1, 32, W, false);
                break;
            default:
                throw Simd.unknown(code);
        }
        return Operands.binary(s, sp, r0, r1);
    }

    /** Two i32 lanes, each the wrapping sum of the products of two adjacent signed i16 lanes. */
    static long dotS(long a, long b) {
        long r = 0;
        for (int i = 0; i < 64; i += 32) {
            long sum = Packed.signed(a, i, 16) * Packed.signed(b, i, 16)
                    + Packed.signed(a, i + 16, 16) * Packed.signed(b, i + 16, 16);
            r |= Packed.at(sum, i, W);
        }
        return r;
    }
}
