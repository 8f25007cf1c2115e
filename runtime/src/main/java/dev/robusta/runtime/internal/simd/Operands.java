package dev.robusta.runtime.internal.simd;

/**
 * Moves the results of SIMD instructions onto the operand stack.
 *
 * <p>The stack is a {@code long[]} and {@code sp} is the index of the next free slot. A v128 takes two
 * slots, the low 64 bits (bytes 0..7, little-endian) first. An i32 or f32 takes one slot holding its
 * sign-extended int (raw bits for f32); an i64 or f64 takes one slot (raw bits for f64).
 *
 * <p>Each method stores a result in place of the operands and returns the new {@code sp}.
 */
final class Operands {

    private Operands() {
    }

    /** {@code V>V}: the operand's slots {@code sp-2, sp-1} receive the result. */
    static int unary(long[] s, int sp, long lo, long hi) {
        s[sp - 2] = lo;
        s[sp - 1] = hi;
        return sp;
    }

    /** {@code VV>V}: the first operand's slots {@code sp-4, sp-3} receive the result. */
    static int binary(long[] s, int sp, long lo, long hi) {
        s[sp - 4] = lo;
        s[sp - 3] = hi;
        return sp - 2;
    }

    /** {@code VVV>V}: the first operand's slots {@code sp-6, sp-5} receive the result. */
    static int ternary(long[] s, int sp, long lo, long hi) {
        s[sp - 6] = lo;
        s[sp - 5] = hi;
        return sp - 4;
    }

    /** {@code Vi>V} (shifts, replace_lane of a 32-bit lane): the vector's slots {@code sp-3, sp-2}. */
    static int withScalar(long[] s, int sp, long lo, long hi) {
        s[sp - 3] = lo;
        s[sp - 2] = hi;
        return sp - 1;
    }

    /** {@code V>i}: slot {@code sp-2} receives the i32, sign-extended. */
    static int toI32(long[] s, int sp, int value) {
        s[sp - 2] = value;
        return sp - 1;
    }

    /** {@code V>I} and {@code V>F}: slot {@code sp-2} receives the 64-bit value. */
    static int toI64(long[] s, int sp, long value) {
        s[sp - 2] = value;
        return sp - 1;
    }

    /** {@code x>V} (splat): the scalar's slot {@code sp-1} and the next one receive the vector. */
    static int fromScalar(long[] s, int sp, long lo, long hi) {
        s[sp - 1] = lo;
        s[sp] = hi;
        return sp + 1;
    }
}
