package dev.robusta.runtime.internal.interpreter;

import dev.robusta.runtime.internal.Numerics;

/** The conversions (0xA7..0xC4) and saturating truncations ({@link Op#TRUNC_SAT_BASE} + 0..7), in place. */
final class Conversions {
    private Conversions() {
    }

    private static float f(long slot) {
        return Float.intBitsToFloat((int) slot);
    }

    private static double d(long slot) {
        return Double.longBitsToDouble(slot);
    }

    private static long bits(float v) {
        return Float.floatToRawIntBits(v);
    }

    private static long bits(double v) {
        return Double.doubleToRawLongBits(v);
    }

    /** Runs conversion {@code op} on the top of {@code s}; returns the (unchanged) stack pointer. */
    static int exec(int op, long[] s, int sp) {
        long x = s[sp - 1];
        long r;
        switch (op) {
            case 0xA7: r = (int) x; break;
            case 0xA8: r = Numerics.i32TruncS(f(x)); break;
            case 0xA9: r = Numerics.i32TruncU(f(x)); break;
            case 0xAA: r = Numerics.i32TruncS(d(x)); break;
            case 0xAB: r = Numerics.i32TruncU(d(x)); break;
            case 0xAC: r = (int) x; break;
            case 0xAD: r = x & 0xFFFF_FFFFL; break;
            case 0xAE: r = Numerics.i64TruncS(f(x)); break;
            case 0xAF: r = Numerics.i64TruncU(f(x)); break;
            case 0xB0: r = Numerics.i64TruncS(d(x)); break;
            case 0xB1: r = Numerics.i64TruncU(d(x)); break;
            case 0xB2: r = bits((float) (int) x); break;
            case 0xB3: r = bits((float) (x & 0xFFFF_FFFFL)); break;
            case 0xB4: r = bits((float) x); break;
            case 0xB5: r = bits(Numerics.f32ConvertU64(x)); break;
            case 0xB6: r = bits((float) d(x)); break;
            case 0xB7: r = bits((double) (int) x); break;
            case 0xB8: r = bits((double) (x & 0xFFFF_FFFFL)); break;
            case 0xB9: r = bits((double) x); break;
            case 0xBA: r = bits(Numerics.f64ConvertU64(x)); break;
            case 0xBB: r = bits((double) f(x)); break;
            case 0xBC: case 0xBD: case 0xBE: case 0xBF: r = x; break;
            case 0xC0: r = (byte) x; break;
            case 0xC1: r = (short) x; break;
            case 0xC2: r = (byte) x; break;
            case 0xC3: r = (short) x; break;
            case 0xC4: r = (int) x; break;
            case Op.TRUNC_SAT_BASE: r = (int) f(x); break;
            case Op.TRUNC_SAT_BASE + 1: r = Numerics.i32TruncSatU(f(x)); break;
            case Op.TRUNC_SAT_BASE + 2: r = (int) d(x); break;
            case Op.TRUNC_SAT_BASE + 3: r = Numerics.i32TruncSatU(d(x)); break;
            case Op.TRUNC_SAT_BASE + 4: r = (long) f(x); break;
            case Op.TRUNC_SAT_BASE + 5: r = Numerics.i64TruncSatU(f(x)); break;
            case Op.TRUNC_SAT_BASE + 6: r = (long) d(x); break;
            case Op.TRUNC_SAT_BASE + 7: r = Numerics.i64TruncSatU(d(x)); break;
            default: throw new AssertionError("not a conversion: " + op);
        }
        s[sp - 1] = r;
        return sp;
    }

    /** Dispatches a numeric instruction (0x45..0xCC) to its group; returns the new stack pointer. */
    static int numeric(int op, long[] s, int sp) {
        if (op >= Op.WIDE_BASE) {
            return WideArithmetic.exec(op, s, sp);
        }
        if (op >= 0xA7) {
            return exec(op, s, sp);
        }
        if (op >= 0x8B || (op >= 0x5B && op <= 0x66)) {
            return FloatOps.exec(op, s, sp);
        }
        return IntOps.exec(op, s, sp);
    }
}
