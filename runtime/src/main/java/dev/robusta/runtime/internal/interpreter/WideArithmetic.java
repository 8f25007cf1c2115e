package dev.robusta.runtime.internal.interpreter;

/**
 * The wide-arithmetic proposal's 128-bit instructions ({@link Op#WIDE_BASE} + 0..3): {@code i64.add128},
 * {@code i64.sub128} (operands: low and high halves of two 128-bit numbers) and {@code i64.mul_wide_s/u}
 * (the full 128-bit product of two i64s). Results are pushed low half first.
 */
final class WideArithmetic {
    private WideArithmetic() {
    }

    static int exec(int op, long[] s, int sp) {
        switch (op - Op.WIDE_BASE) {
            case 0: { // i64.add128
                long aLo = s[sp - 4], aHi = s[sp - 3], bLo = s[sp - 2], bHi = s[sp - 1];
                long lo = aLo + bLo;
                s[sp - 4] = lo;
                s[sp - 3] = aHi + bHi + (Long.compareUnsigned(lo, aLo) < 0 ? 1 : 0);
                return sp - 2;
            }
            case 1: { // i64.sub128
                long aLo = s[sp - 4], aHi = s[sp - 3], bLo = s[sp - 2], bHi = s[sp - 1];
                s[sp - 4] = aLo - bLo;
                s[sp - 3] = aHi - bHi - (Long.compareUnsigned(aLo, bLo) < 0 ? 1 : 0);
                return sp - 2;
            }
            case 2: { // i64.mul_wide_s
                long a = s[sp - 2], b = s[sp - 1];
                s[sp - 2] = a * b;
                s[sp - 1] = Math.multiplyHigh(a, b);
                return sp;
            }
            case 3: { // i64.mul_wide_u
                long a = s[sp - 2], b = s[sp - 1];
                s[sp - 2] = a * b;
                s[sp - 1] = Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
                return sp;
            }
            default:
                throw new AssertionError("not a wide-arithmetic instruction: " + op);
        }
    }
}
