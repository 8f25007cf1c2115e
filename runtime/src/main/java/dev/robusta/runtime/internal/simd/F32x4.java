package dev.robusta.runtime.internal.simd;

/**
 * The {@code f32x4} instructions (other than the lane instructions in {@link Lanes} and the conversions in
 * {@link Conversions}): comparisons, ceil, floor, trunc, nearest, abs, neg, sqrt, add, sub, mul, div, min,
 * max, pmin and pmax. Each 64-bit half holds two lanes.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#floating-point-operations">Floating-point
 *     operations</a>
 */
final class F32x4 {

    private static final long SIGNS = 0x8000_0000_8000_0000L;

    private F32x4() {
    }

    static int execute(int code, long[] s, int sp) {
        switch (code) {
            case 0x67: // f32x4.ceil
                return Operands.unary(s, sp, ceil(s[sp - 2]), ceil(s[sp - 1]));
            case 0x68: // f32x4.floor
                return Operands.unary(s, sp, floor(s[sp - 2]), floor(s[sp - 1]));
            case 0x69: // f32x4.trunc
                return Operands.unary(s, sp, trunc(s[sp - 2]), trunc(s[sp - 1]));
            case 0x6A: // f32x4.nearest
                return Operands.unary(s, sp, nearest(s[sp - 2]), nearest(s[sp - 1]));
            case 0xE0: // f32x4.abs
                return Operands.unary(s, sp, s[sp - 2] & ~SIGNS, s[sp - 1] & ~SIGNS);
            case 0xE1: // f32x4.neg
                return Operands.unary(s, sp, s[sp - 2] ^ SIGNS, s[sp - 1] ^ SIGNS);
            case 0xE3: // f32x4.sqrt
                return Operands.unary(s, sp, sqrt(s[sp - 2]), sqrt(s[sp - 1]));
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
            case 0x41: // f32x4.eq
                r0 = eq(a0, b0);
                r1 = eq(a1, b1);
                break;
            case 0x42: // f32x4.ne
                r0 = ~eq(a0, b0);
                r1 = ~eq(a1, b1);
                break;
            case 0x43: // f32x4.lt
                r0 = lt(a0, b0);
                r1 = lt(a1, b1);
                break;
            case 0x44: // f32x4.gt
                r0 = lt(b0, a0);
                r1 = lt(b1, a1);
                break;
            case 0x45: // f32x4.le
                r0 = le(a0, b0);
                r1 = le(a1, b1);
                break;
            case 0x46: // f32x4.ge
                r0 = le(b0, a0);
                r1 = le(b1, a1);
                break;
            case 0xE4: // f32x4.add
                r0 = add(a0, b0);
                r1 = add(a1, b1);
                break;
            case 0xE5: // f32x4.sub
                r0 = sub(a0, b0);
                r1 = sub(a1, b1);
                break;
            case 0xE6: // f32x4.mul
                r0 = mul(a0, b0);
                r1 = mul(a1, b1);
                break;
            case 0xE7: // f32x4.div
                r0 = div(a0, b0);
                r1 = div(a1, b1);
                break;
            case 0xE8: // f32x4.min
                r0 = min(a0, b0);
                r1 = min(a1, b1);
                break;
            case 0xE9: // f32x4.max
                r0 = max(a0, b0);
                r1 = max(a1, b1);
                break;
            case 0xEA: // f32x4.pmin
                r0 = pack(FloatOps.pmin((int) a0, (int) b0), FloatOps.pmin(hi(a0), hi(b0)));
                r1 = pack(FloatOps.pmin((int) a1, (int) b1), FloatOps.pmin(hi(a1), hi(b1)));
                break;
            case 0xEB: // f32x4.pmax
                r0 = pack(FloatOps.pmax((int) a0, (int) b0), FloatOps.pmax(hi(a0), hi(b0)));
                r1 = pack(FloatOps.pmax((int) a1, (int) b1), FloatOps.pmax(hi(a1), hi(b1)));
                break;
            default:
                throw Simd.unknown(code);
        }
        return Operands.binary(s, sp, r0, r1);
    }

    /** Two f32 lanes (raw bits) as one half. */
    static long pack(int lane0, int lane1) {
        return lane0 & 0xFFFF_FFFFL | (long) lane1 << 32;
    }

    /** The upper lane of a half. */
    static int hi(long half) {
        return (int) (half >>> 32);
    }

    static float f(int bits) {
        return Float.intBitsToFloat(bits);
    }

    static int bits(float f) {
        return Float.floatToRawIntBits(f);
    }

    private static long eq(long a, long b) {
        return pack(f((int) a) == f((int) b) ? -1 : 0, f(hi(a)) == f(hi(b)) ? -1 : 0);
    }

    private static long lt(long a, long b) {
        return pack(f((int) a) < f((int) b) ? -1 : 0, f(hi(a)) < f(hi(b)) ? -1 : 0);
    }

    private static long le(long a, long b) {
        return pack(f((int) a) <= f((int) b) ? -1 : 0, f(hi(a)) <= f(hi(b)) ? -1 : 0);
    }

    static long add(long a, long b) {
        return pack(bits(f((int) a) + f((int) b)), bits(f(hi(a)) + f(hi(b))));
    }

    private static long sub(long a, long b) {
        return pack(bits(f((int) a) - f((int) b)), bits(f(hi(a)) - f(hi(b))));
    }

    static long mul(long a, long b) {
        return pack(bits(f((int) a) * f((int) b)), bits(f(hi(a)) * f(hi(b))));
    }

    private static long div(long a, long b) {
        return pack(bits(f((int) a) / f((int) b)), bits(f(hi(a)) / f(hi(b))));
    }

    static long min(long a, long b) {
        return pack(FloatOps.min((int) a, (int) b), FloatOps.min(hi(a), hi(b)));
    }

    static long max(long a, long b) {
        return pack(FloatOps.max((int) a, (int) b), FloatOps.max(hi(a), hi(b)));
    }

    private static long ceil(long a) {
        return pack(FloatOps.ceil((int) a), FloatOps.ceil(hi(a)));
    }

    private static long floor(long a) {
        return pack(FloatOps.floor((int) a), FloatOps.floor(hi(a)));
    }

    private static long trunc(long a) {
        return pack(FloatOps.trunc((int) a), FloatOps.trunc(hi(a)));
    }

    private static long nearest(long a) {
        return pack(FloatOps.nearest((int) a), FloatOps.nearest(hi(a)));
    }

    private static long sqrt(long a) {
        return pack(FloatOps.sqrt((int) a), FloatOps.sqrt(hi(a)));
    }
}
