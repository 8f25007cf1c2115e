package dev.robusta.runtime.internal.simd;

/**
 * The {@code i16x8} instructions (other than the lane instructions in {@link Lanes}): comparisons,
 * extadd_pairwise, abs, neg, q15mulr_sat_s, all_true, bitmask, narrow, extend, shifts, (saturating) add
 * and sub, mul, min, max, avgr_u and extmul.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html">Numerics</a>
 */
final class I16x8 {

    private static final int W = 16;

    private I16x8() {
    }

    static int execute(int code, long[] s, int sp) {
        switch (code) {
            case 0x7C: // i16x8.extadd_pairwise_i8x16_s
                return Operands.unary(s, sp,
                        Packed.extaddPairwise(s[sp - 2], W, true), Packed.extaddPairwise(s[sp - 1], W, true));
            case 0x7D: // i16x8.extadd_pairwise_i8x16_u
                return Operands.unary(s, sp,
                        Packed.extaddPairwise(s[sp - 2], W, false), Packed.extaddPairwise(s[sp - 1], W, false));
            case 0x80: // i16x8.abs
                return Operands.unary(s, sp, Packed.abs(s[sp - 2], W), Packed.abs(s[sp - 1], W));
            case 0x81: // i16x8.neg
                return Operands.unary(s, sp, Packed.sub(0, s[sp - 2], W), Packed.sub(0, s[sp - 1], W));
            case 0x83: // i16x8.all_true
                return Operands.toI32(s, sp, Packed.hasZero(s[sp - 2], W) || Packed.hasZero(s[sp - 1], W) ? 0 : 1);
            case 0x84: // i16x8.bitmask
                return Operands.toI32(s, sp, Packed.bitmask(s[sp - 2], W) | Packed.bitmask(s[sp - 1], W) << 4);
            case 0x87: { // i16x8.extend_low_i8x16_s
                long x = s[sp - 2];
                return Operands.unary(s, sp, Packed.extend(x, 0, W, true), Packed.extend(x, 32, W, true));
            }
            case 0x88: { // i16x8.extend_high_i8x16_s
                long x = s[sp - 1];
                return Operands.unary(s, sp, Packed.extend(x, 0, W, true), Packed.extend(x, 32, W, true));
            }
            case 0x89: { // i16x8.extend_low_i8x16_u
                long x = s[sp - 2];
                return Operands.unary(s, sp, Packed.extend(x, 0, W, false), Packed.extend(x, 32, W, false));
            }
            case 0x8A: { // i16x8.extend_high_i8x16_u
                long x = s[sp - 1];
                return Operands.unary(s, sp, Packed.extend(x, 0, W, false), Packed.extend(x, 32, W, false));
            }
            case 0x8B: { // i16x8.shl
                int n = (int) s[sp - 1] & 15;
                return Operands.withScalar(s, sp, Packed.shl(s[sp - 3], n, W), Packed.shl(s[sp - 2], n, W));
            }
            case 0x8C: { // i16x8.shr_s
                int n = (int) s[sp - 1] & 15;
                return Operands.withScalar(s, sp, Packed.shrS(s[sp - 3], n, W), Packed.shrS(s[sp - 2], n, W));
            }
            case 0x8D: { // i16x8.shr_u
                int n = (int) s[sp - 1] & 15;
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
            case 0x2D: // i16x8.eq
                r0 = Packed.eq(a0, b0, W);
                r1 = Packed.eq(a1, b1, W);
                break;
            case 0x2E: // i16x8.ne
                r0 = ~Packed.eq(a0, b0, W);
                r1 = ~Packed.eq(a1, b1, W);
                break;
            case 0x2F: // i16x8.lt_s
                r0 = Packed.ltS(a0, b0, W);
                r1 = Packed.ltS(a1, b1, W);
                break;
            case 0x30: // i16x8.lt_u
                r0 = Packed.ltU(a0, b0, W);
                r1 = Packed.ltU(a1, b1, W);
                break;
            case 0x31: // i16x8.gt_s
                r0 = Packed.ltS(b0, a0, W);
                r1 = Packed.ltS(b1, a1, W);
                break;
            case 0x32: // i16x8.gt_u
                r0 = Packed.ltU(b0, a0, W);
                r1 = Packed.ltU(b1, a1, W);
                break;
            case 0x33: // i16x8.le_s
                r0 = ~Packed.ltS(b0, a0, W);
                r1 = ~Packed.ltS(b1, a1, W);
                break;
            case 0x34: // i16x8.le_u
                r0 = ~Packed.ltU(b0, a0, W);
                r1 = ~Packed.ltU(b1, a1, W);
                break;
            case 0x35: // i16x8.ge_s
                r0 = ~Packed.ltS(a0, b0, W);
                r1 = ~Packed.ltS(a1, b1, W);
                break;
            case 0x36: // i16x8.ge_u
                r0 = ~Packed.ltU(a0, b0, W);
                r1 = ~Packed.ltU(a1, b1, W);
                break;
            case 0x82: // i16x8.q15mulr_sat_s
                r0 = q15mulrSatS(a0, b0);
                r1 = q15mulrSatS(a1, b1);
                break;
            case 0x85: // i16x8.narrow_i32x4_s
                r0 = Packed.narrow(a0, a1, 32, true);
                r1 = Packed.narrow(b0, b1, 32, true);
                break;
            case 0x86: // i16x8.narrow_i32x4_u
                r0 = Packed.narrow(a0, a1, 32, false);
                r1 = Packed.narrow(b0, b1, 32, false);
                break;
            case 0x8E: // i16x8.add
                r0 = Packed.add(a0, b0, W);
                r1 = Packed.add(a1, b1, W);
                break;
            case 0x8F: // i16x8.add_sat_s
                r0 = Packed.addSatS(a0, b0, W);
                r1 = Packed.addSatS(a1, b1, W);
                break;
            case 0x90: // i16x8.add_sat_u
                r0 = Packed.addSatU(a0, b0, W);
                r1 = Packed.addSatU(a1, b1, W);
                break;
            case 0x91: // i16x8.sub
                r0 = Packed.sub(a0, b0, W);
                r1 = Packed.sub(a1, b1, W);
                break;
            case 0x92: // i16x8.sub_sat_s
                r0 = Packed.subSatS(a0, b0, W);
                r1 = Packed.subSatS(a1, b1, W);
                break;
            case 0x93: // i16x8.sub_sat_u
                r0 = Packed.subSatU(a0, b0, W);
                r1 = Packed.subSatU(a1, b1, W);
                break;
            case 0x95: // i16x8.mul
                r0 = Packed.mul(a0, b0, W);
                r1 = Packed.mul(a1, b1, W);
                break;
            case 0x96: // i16x8.min_s
                r0 = Packed.minS(a0, b0, W);
                r1 = Packed.minS(a1, b1, W);
                break;
            case 0x97: // i16x8.min_u
                r0 = Packed.minU(a0, b0, W);
                r1 = Packed.minU(a1, b1, W);
                break;
            case 0x98: // i16x8.max_s
                r0 = Packed.maxS(a0, b0, W);
                r1 = Packed.maxS(a1, b1, W);
                break;
            case 0x99: // i16x8.max_u
                r0 = Packed.maxU(a0, b0, W);
                r1 = Packed.maxU(a1, b1, W);
                break;
            case 0x9B: // i16x8.avgr_u
                r0 = Packed.avgrU(a0, b0, W);
                r1 = Packed.avgrU(a1, b1, W);
                break;
            case 0x9C: // i16x8.extmul_low_i8x16_s
                r0 = Packed.extmul(a0, b0, 0, W, true);
                r1 = Packed.extmul(a0, b0, 32, W, true);
                break;
            case 0x9D: // i16x8.extmul_high_i8x16_s
                r0 = Packed.extmul(a1, b1, 0, W, true);
                r1 = Packed.extmul(a1, b1, 32, W, true);
                break;
            case 0x9E: // i16x8.extmul_low_i8x16_u
                r0 = Packed.extmul(a0, b0, 0, W, false);
                r1 = Packed.extmul(a0, b0, 32, W, false);
                break;
            case 0x9F: // i16x8.extmul_high_i8x16_u
                r0 = Packed.extmul(a1, b1, 0, W, false);
                r1 = Packed.extmul(a1, b1, 32, W, false);
                break;
            default:
                throw Simd.unknown(code);
        }
        return Operands.binary(s, sp, r0, r1);
    }

    /** {@code sat_s((a * b + 2^14) >> 15)} per lane. */
    static long q15mulrSatS(long a, long b) {
        long r = 0;
        for (int i = 0; i < 64; i += W) {
            long p = Packed.signed(a, i, W) * Packed.signed(b, i, W);
            r |= Packed.at(Packed.satS((p + 0x4000) >> 15, W), i, W);
        }
        return r;
    }
}
