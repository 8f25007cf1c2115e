package dev.robusta.runtime.internal.simd;

/**
 * The whole-vector bitwise instructions: {@code v128.not}, {@code and}, {@code andnot}, {@code or},
 * {@code xor}, {@code bitselect} and {@code any_true}.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/instructions.html#vector-instructions">Vector
 *     instructions</a>
 */
final class Bitwise {

    private Bitwise() {
    }

    static int execute(int code, long[] s, int sp) {
        switch (code) {
            case 0x4D: // v128.not
                return Operands.unary(s, sp, ~s[sp - 2], ~s[sp - 1]);
            case 0x4E: // v128.and
                return Operands.binary(s, sp, s[sp - 4] & s[sp - 2], s[sp - 3] & s[sp - 1]);
            case 0x4F: // v128.andnot
                return Operands.binary(s, sp, s[sp - 4] & ~s[sp - 2], s[sp - 3] & ~s[sp - 1]);
            case 0x50: // v128.or
                return Operands.binary(s, sp, s[sp - 4] | s[sp - 2], s[sp - 3] | s[sp - 1]);
            case 0x51: // v128.xor
                return Operands.binary(s, sp, s[sp - 4] ^ s[sp - 2], s[sp - 3] ^ s[sp - 1]);
            case 0x52: // v128.bitselect
                return bitselect(s, sp);
            case 0x53: // v128.any_true
                return Operands.toI32(s, sp, (s[sp - 2] | s[sp - 1]) != 0 ? 1 : 0);
            default:
                throw Simd.unknown(code);
        }
    }

    /** {@code VVV>V}: bits of the first operand where the third (the mask) is 1, else of the second. */
    static int bitselect(long[] s, int sp) {
        long m0 = s[sp - 2];
        long m1 = s[sp - 1];
        return Operands.ternary(s, sp,
                (s[sp - 6] & m0) | (s[sp - 4] & ~m0),
                (s[sp - 5] & m1) | (s[sp - 3] & ~m1));
    }
}
