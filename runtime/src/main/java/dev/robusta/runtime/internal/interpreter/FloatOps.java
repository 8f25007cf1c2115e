package dev.robusta.runtime.internal.interpreter;

import dev.robusta.runtime.internal.Numerics;

/** The f32 and f64 instructions (comparisons 0x5B..0x66 and arithmetic 0x8B..0xA6) on raw bits. */
final class FloatOps {
    private FloatOps() {
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

    /** Runs floating-point instruction {@code op} on {@code s}; returns the new stack pointer. */
    static int exec(int op, long[] s, int sp) {
        if (op >= 0x99 || (op >= 0x61 && op <= 0x66)) {
            return f64(op, s, sp);
        }
        long b = s[sp - 1];
        int bi = (int) b;
        switch (op) {
            case 0x8B: s[sp - 1] = bi & 0x7FFF_FFFF; return sp;
            case 0x8C: s[sp - 1] = bi ^ 0x8000_0000; return sp;
            case 0x8D: s[sp - 1] = Numerics.f32Ceil(bi); return sp;
            case 0x8E: s[sp - 1] = Numerics.f32Floor(bi); return sp;
            case 0x8F: s[sp - 1] = Numerics.f32Trunc(bi); return sp;
            case 0x90: s[sp - 1] = Numerics.f32Nearest(bi); return sp;
            case 0x91: s[sp - 1] = Numerics.f32Sqrt(bi); return sp;
            default: break;
        }
        long a = s[sp - 2];
        long r;
        switch (op) {
            case 0x5B: r = f(a) == f(b) ? 1 : 0; break;
            case 0x5C: r = f(a) != f(b) ? 1 : 0; break;
            case 0x5D: r = f(a) < f(b) ? 1 : 0; break;
            case 0x5E: r = f(a) > f(b) ? 1 : 0; break;
            case 0x5F: r = f(a) <= f(b) ? 1 : 0; break;
            case 0x60: r = f(a) >= f(b) ? 1 : 0; break;
            case 0x92: r = bits(f(a) + f(b)); break;
            case 0x93: r = bits(f(a) - f(b)); break;
            case 0x94: r = bits(f(a) * f(b)); break;
            case 0x95: r = bits(f(a) / f(b)); break;
            case 0x96: r = Numerics.f32Min((int) a, bi); break;
            case 0x97: r = Numerics.f32Max((int) a, bi); break;
            case 0x98: r = ((int) a & 0x7FFF_FFFF) | (bi & 0x8000_0000); break;
            default: throw new AssertionError("not an f32 instruction: " + op);
        }
        s[sp - 2] = r;
        return sp - 1;
    }

    private static int f64(int op, long[] s, int sp) {
        long b = s[sp - 1];
        switch (op) {
            case 0x99: s[sp - 1] = b & 0x7FFF_FFFF_FFFF_FFFFL; return sp;
            case 0x9A: s[sp - 1] = b ^ 0x8000_0000_0000_0000L; return sp;
            case 0x9B: s[sp - 1] = Numerics.f64Ceil(b); return sp;
            case 0x9C: s[sp - 1] = Numerics.f64Floor(b); return sp;
            case 0x9D: s[sp - 1] = Numerics.f64Trunc(b); return sp;
            case 0x9E: s[sp - 1] = Numerics.f64Nearest(b); return sp;
            case 0x9F: s[sp - 1] = Numerics.f64Sqrt(b); return sp;
            default: break;
        }
        long a = s[sp - 2];
        long r;
        switch (op) {
            case 0x61: r = d(a) == d(b) ? 1 : 0; break;
            case 0x62: r = d(a) != d(b) ? 1 : 0; break;
            case 0x63: r = d(a) < d(b) ? 1 : 0; break;
            case 0x64: r = d(a) > d(b) ? 1 : 0; break;
            case 0x65: r = d(a) <= d(b) ? 1 : 0; break;
            case 0x66: r = d(a) >= d(b) ? 1 : 0; break;
            case 0xA0: r = bits(d(a) + d(b)); break;
            case 0xA1: r = bits(d(a) - d(b)); break;
            case 0xA2: r = bits(d(a) * d(b)); break;
            case 0xA3: r = bits(d(a) / d(b)); break;
            case 0xA4: r = Numerics.f64Min(a, b); break;
            case 0xA5: r = Numerics.f64Max(a, b); break;
            case 0xA6: r = (a & 0x7FFF_FFFF_FFFF_FFFFL) | (b & 0x8000_0000_0000_0000L); break;
            default: throw new AssertionError("not an f64 instruction: " + op);
        }
        s[sp - 2] = r;
        return sp - 1;
    }
}
