package dev.robusta.runtime.internal.interpreter;

import dev.robusta.runtime.internal.Numerics;

/**
 * The i32 and i64 instructions (opcodes 0x45..0x5A and 0x67..0x8A) on the operand stack. The interpreter's
 * loop runs the most frequent ones itself; the rest come here.
 */
final class IntOps {
    private IntOps() {
    }

    /** Runs integer instruction {@code op} on {@code s}; returns the new stack pointer. */
    static int exec(int op, long[] s, int sp) {
        if (op >= 0x79 || (op >= 0x50 && op <= 0x5A)) {
            return i64(op, s, sp);
        }
        int b = (int) s[sp - 1];
        switch (op) {
            case 0x45: s[sp - 1] = b == 0 ? 1 : 0; return sp;
            case 0x67: s[sp - 1] = Integer.numberOfLeadingZeros(b); return sp;
            case 0x68: s[sp - 1] = Integer.numberOfTrailingZeros(b); return sp;
            case 0x69: s[sp - 1] = Integer.bitCount(b); return sp;
            default: break;
        }
        int a = (int) s[sp - 2];
        int r;
        switch (op) {
            case 0x46: r = a == b ? 1 : 0; break;
            case 0x47: r = a != b ? 1 : 0; break;
            case 0x48: r = a < b ? 1 : 0; break;
            case 0x49: r = Integer.compareUnsigned(a, b) < 0 ? 1 : 0; break;
            case 0x4A: r = a > b ? 1 : 0; break;
            case 0x4B: r = Integer.compareUnsigned(a, b) > 0 ? 1 : 0; break;
            case 0x4C: r = a <= b ? 1 : 0; break;
            case 0x4D: r = Integer.compareUnsigned(a, b) <= 0 ? 1 : 0; break;
            case 0x4E: r = a >= b ? 1 : 0; break;
            case 0x4F: r = Integer.compareUnsigned(a, b) >= 0 ? 1 : 0; break;
            case 0x6A: r = a + b; break;
            case 0x6B: r = a - b; break;
            case 0x6C: r = a * b; break;
            case 0x6D: r = Numerics.i32DivS(a, b); break;
            case 0x6E: r = Numerics.i32DivU(a, b); break;
            case 0x6F: r = Numerics.i32RemS(a, b); break;
            case 0x70: r = Numerics.i32RemU(a, b); break;
            case 0x71: r = a & b; break;
            case 0x72: r = a | b; break;
            case 0x73: r = a ^ b; break;
            case 0x74: r = a << b; break;
            case 0x75: r = a >> b; break;
            case 0x76: r = a >>> b; break;
            case 0x77: r = Integer.rotateLeft(a, b); break;
            case 0x78: r = Integer.rotateRight(a, b); break;
            default: throw new AssertionError("not an i32 instruction: " + op);
        }
        s[sp - 2] = r;
        return sp - 1;
    }

    private static int i64(int op, long[] s, int sp) {
        long b = s[sp - 1];
        switch (op) {
            case 0x50: s[sp - 1] = b == 0 ? 1 : 0; return sp;
            case 0x79: s[sp - 1] = Long.numberOfLeadingZeros(b); return sp;
            case 0x7A: s[sp - 1] = Long.numberOfTrailingZeros(b); return sp;
            case 0x7B: s[sp - 1] = Long.bitCount(b); return sp;
            default: break;
        }
        long a = s[sp - 2];
        long r;
        switch (op) {
            case 0x51: r = a == b ? 1 : 0; break;
            case 0x52: r = a != b ? 1 : 0; break;
            case 0x53: r = a < b ? 1 : 0; break;
            case 0x54: r = Long.compareUnsigned(a, b) < 0 ? 1 : 0; break;
            case 0x55: r = a > b ? 1 : 0; break;
            case 0x56: r = Long.compareUnsigned(a, b) > 0 ? 1 : 0; break;
            case 0x57: r = a <= b ? 1 : 0; break;
            case 0x58: r = Long.compareUnsigned(a, b) <= 0 ? 1 : 0; break;
            case 0x59: r = a >= b ? 1 : 0; break;
            case 0x5A: r = Long.compareUnsigned(a, b) >= 0 ? 1 : 0; break;
            case 0x7C: r = a + b; break;
            case 0x7D: r = a - b; break;
            case 0x7E: r = a * b; break;
            case 0x7F: r = Numerics.i64DivS(a, b); break;
            case 0x80: r = Numerics.i64DivU(a, b); break;
            case 0x81: r = Numerics.i64RemS(a, b); break;
            case 0x82: r = Numerics.i64RemU(a, b); break;
            case 0x83: r = a & b; break;
            case 0x84: r = a | b; break;
            case 0x85: r = a ^ b; break;
            case 0x86: r = a << b; break;
            case 0x87: r = a >> b; break;
            case 0x88: r = a >>> b; break;
            case 0x89: r = Long.rotateLeft(a, (int) b); break;
            case 0x8A: r = Long.rotateRight(a, (int) b); break;
            default: throw new AssertionError("not an i64 instruction: " + op);
        }
        s[sp - 2] = r;
        return sp - 1;
    }
}
