package dev.robusta.runtime.internal.simd;

/**
 * The {@code f64x2} instructions (other than the lane instructions in {@link Lanes} and the conversions in
 * {@link Conversions}): comparisons, ceil, floor, trunc, nearest, abs, neg, sqrt, add, sub, mul, div, min,
 * max, pmin and pmax. Each 64-bit half is one lane.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#floating-point-operations">Floating-point
 *     operations</a>
 */
final class F64x2 {

    private F64x2() {
    }

    static int execute(int code, long[] s, int sp) {
        switch (code) {
            case 0x74: // f64x2.ceil
                return Operands.unary(s, sp, FloatOps.ceil(s[sp - 2]), FloatOps.ceil(s[sp - 1]));
            case 0x75: // f64x2.floor
                return Operands.unary(s, sp, FloatOps.floor(s[sp - 2]), FloatOps.floor(s[sp - 1]));
            case 0x7A: // f64x2.trunc
                return Operands.unary(s, sp, FloatOps.trunc(s[sp - 2]), FloatOps.trunc(s[sp - 1]));
            case 0x94: // f64x2.nearest
                return Operands.unary(s, sp, FloatOps.nearest(s[sp - 2]), FloatOps.nearest(s[sp - 1]));
            case 0xEC: // f64x2.abs
                return Operands.unary(s, sp, s[sp - 2] & Long.MAX_VALUE, s[sp - 1] & Long.MAX_VALUE);
            case 0xED: // f64x2.neg
                return Operands.unary(s, sp, s[sp - 2] ^ Long.MIN_VALUE, s[sp - 1] ^ Long.MIN_VALUE);
            case 0xEF: // f64x2.sqrt
                return Operands.unary(s, sp, FloatOps.sqrt(s[sp - 2]), FloatOps.sqrt(s[sp - 1]));
            default:
                return binary(code, s, sp);
        }
    }

    private static int binary(int code, long[] s, int sp) {
        long a0 = s[sp - 4];
        long a1 = s[sp - 3];
        long b0 = s[sp - 2];
        long b1 = s[sp - 1];
        double x0 = d(a0);
        double x1 = d(a1);
        double y0 = d(b0);
        double y1 = d(b1);
        switch (code) {
            case 0x47: // f64x2.eq
                return Operands.binary(s, sp, mask(x0 == y0), mask(x1 == y1));
            case 0x48: // f64x2.ne
                return Operands.binary(s, sp, mask(x0 != y0), mask(x1 != y1));
            case 0x49: // f64x2.lt
                return Operands.binary(s, sp, mask(x0 < y0), mask(x1 < y1));
            case 0x4A: // f64x2.gt
                return Operands.binary(s, sp, mask(x0 > y0), mask(x1 > y1));
            case 0x4B: // f64x2.le
                return Operands.binary(s, sp, mask(x0 <= y0), mask(x1 <= y1));
            case 0x4C: // f64x2.ge
                return Operands.binary(s, sp, mask(x0 >= y0), mask(x1 >= y1));
            case 0xF0: // f64x2.add
                return Operands.binary(s, sp, bits(x0 + y0), bits(x1 + y1));
            case 0xF1: // f64x2.sub
                return Operands.binary(s, sp, bits(x0 - y0), bits(x1 - y1));
            case 0xF2: // f64x2.mul
                return Operands.binary(s, sp, bits(x0 * y0), bits(x1 * y1));
            case 0xF3: // f64x2.div
                return Operands.binary(s, sp, bits(x0 / y0), bits(x1 / y1));
            case 0xF4: // f64x2.min
                return Operands.binary(s, sp, FloatOps.min(a0, b0), FloatOps.min(a1, b1));
            case 0xF5: // f64x2.max
                return Operands.binary(s, sp, FloatOps.max(a0, b0), FloatOps.max(a1, b1));
            case 0xF6: // f64x2.pmin
                return Operands.binary(s, sp, FloatOps.pmin(a0, b0), FloatOps.pmin(a1, b1));
            case 0xF7: // f64x2.pmax
                return Operands.binary(s, sp, FloatOps.pmax(a0, b0), FloatOps.pmax(a1, b1));
            default:
                throw Simd.unknown(code);
        }
    }

    static double d(long bits) {
        return Double.longBitsToDouble(bits);
    }

    static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }

    private static long mask(boolean b) {
        return b ? -1L : 0L;
    }
}
