package dev.robusta.runtime.internal.simd;

/**
 * The {@code i64x2} instructions (other than the lane instructions in {@link Lanes}): abs, neg, all_true,
 * bitmask, extend, shifts, add, sub, mul, comparisons and extmul. Each half of the v128 is one lane.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html">Numerics</a>
 */
final class I64x2 {

    private I64x2() {
    }

    static int execute(int code, long[] s, int sp) {
        switch (code) {
            case 0xC0: // i64x2.abs
                return Operands.unary(s, sp, Math.abs(s[sp - 2]), Math.abs(s[sp - 1]));
            case 0xC1: // i64x2.neg
                return Operands.unary(s, sp, -s[sp - 2], -s[sp - 1]);
            case 0xC3: // i64x2.all_true
                return Operands.toI32(s, sp, s[sp - 2] != 0 && s[sp - 1] != 0 ? 1 : 0);
            case 0xC4: // i64x2.bitmask
                return Operands.toI32(s, sp, (int) (s[sp - 2] >>> 63) | (int) (s[sp - 1] >>> 63) << 1);
            case 0xC7: { // i64x2.extend_low_i32x4_s
                long x = s[sp - 2];
                return Operands.unary(s, sp, (int) x, x >> 32);
            }
            case 0xC8: { // i64x2.extend_high_i32x4_s
                long x = s[sp - 1];
                return Operands.unary(s, sp, (int) x, x >> 32);
            }
            case 0xC9: { // i64x2.extend_low_i32x4_u
                long x = s[sp - 2];
                return Operands.unary(s, sp, x & 0xFFFFFFFFL, x >>> 32);
            }
            case 0xCA: { // i64x2.extend_high_i32x4_u
                long x = s[sp - 1];
                return Operands.unary(s, sp, x & 0xFFFFFFFFL, x >>> 32);
            }
            case 0xCB: { // i64x2.shl (the shift count is taken modulo 64 by Java)
                int n = (int) s[sp - 1];
                return Operands.withScalar(s, sp, s[sp - 3] << n, s[sp - 2] << n);
            }
            case 0xCC: { // i64x2.shr_s
                int n = (int) s[sp - 1];
                return Operands.withScalar(s, sp, s[sp - 3] >> n, s[sp - 2] >> n);
            }
            case 0xCD: { // i64x2.shr_u
                int n = (int) s[sp - 1];
                return Operands.withScalar(s, sp, s[sp - 3] >>> n, s[sp - 2] >>> n);
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
        switch (code) {
            case 0xCE: // i64x2.add
                return Operands.binary(s, sp, a0 + b0, a1 + b1);
            case 0xD1: // i64x2.sub
                return Operands.binary(s, sp, a0 - b0, a1 - b1);
            case 0xD5: // i64x2.mul
                return Operands.binary(s, sp, a0 * b0, a1 * b1);
            case 0xD6: // i64x2.eq
                return Operands.binary(s, sp, mask(a0 == b0), mask(a1 == b1));
            case 0xD7: // i64x2.ne
                return Operands.binary(s, sp, mask(a0 != b0), mask(a1 != b1));
            case 0xD8: // i64x2.lt_s
                return Operands.binary(s, sp, mask(a0 < b0), mask(a1 < b1));
            case 0xD9: // i64x2.gt_s
                return Operands.binary(s, sp, mask(a0 > b0), mask(a1 > b1));
            case 0xDA: // i64x2.le_s
                return Operands.binary(s, sp, mask(a0 <= b0), mask(a1 <= b1));
            case 0xDB: // i64x2.ge_s
                return Operands.binary(s, sp, mask(a0 >= b0), mask(a1 >= b1));
            case 0xDC: // i64x2.extmul_low_i32x4_s
                return Operands.binary(s, sp, (long) (int) a0 * (int) b0, (a0 >> 32) * (b0 >> 32));
            case 0xDD: // i64x2.extmul_high_i32x4_s
                return Operands.binary(s, sp, (long) (int) a1 * (int) b1, (a1 >> 32) * (b1 >> 32));
            case 0xDE: // i64x2.extmul_low_i32x4_u
                return Operands.binary(s, sp, (a0 & 0xFFFFFFFFL) * (b0 & 0xFFFFFFFFL), (a0 >>> 32) * (b0 >>> 32));
            case 0xDF: // i64x2.extmul_high_i32x4_u
                return Operands.binary(s, sp, (a1 & 0xFFFFFFFFL) * (b1 & 0xFFFFFFFFL), (a1 >>> 32) * (b1 >>> 32));
            default:
                throw Simd.unknown(code);
        }
    }

    private static long mask(boolean b) {
        return b ? -1L : 0L;
    }
}
