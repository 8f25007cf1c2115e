package dev.robusta.compiler.internal;

import dev.robusta.runtime.V128;
import dev.robusta.runtime.internal.simd.Simd;

/**
 * The SIMD memory instructions as the generated code calls them: loads (whole, extending, splat, zero),
 * {@code v128.store}, and the lane loads and stores. Addresses are checked as in {@link Mem}.
 */
public final class SimdMem {
    private SimdMem() {
    }

    /** v128.load and its extending, splat and zero forms (0xFD 0..10, 0x5C, 0x5D). */
    public static V128 load(int addr, byte[] m, int length, int offset, int code) {
        switch (code) {
            case 0x00: { // v128.load
                int i = Mem.index(addr, offset, 16, length);
                return new V128((long) Mem.LONG.get(m, i), (long) Mem.LONG.get(m, i + 8));
            }
            case 0x01: case 0x02: case 0x03: case 0x04: case 0x05: case 0x06: {
                long[] s = new long[2];
                Simd.loadExtend(code, (long) Mem.LONG.get(m, Mem.index(addr, offset, 8, length)), s, 0);
                return new V128(s[0], s[1]);
            }
            case 0x07: // v128.load8_splat
                return splat((m[Mem.index(addr, offset, 1, length)] & 0xFFL) * 0x0101_0101_0101_0101L);
            case 0x08: // v128.load16_splat
                return splat(((short) Mem.SHORT.get(m, Mem.index(addr, offset, 2, length)) & 0xFFFFL)
                        * 0x0001_0001_0001_0001L);
            case 0x09: { // v128.load32_splat
                long v = (int) Mem.INT.get(m, Mem.index(addr, offset, 4, length)) & 0xFFFF_FFFFL;
                return splat(v | (v << 32));
            }
            case 0x0A: // v128.load64_splat
                return splat((long) Mem.LONG.get(m, Mem.index(addr, offset, 8, length)));
            case 0x5C: // v128.load32_zero
                return new V128((int) Mem.INT.get(m, Mem.index(addr, offset, 4, length)) & 0xFFFF_FFFFL, 0);
            case 0x5D: // v128.load64_zero
                return new V128((long) Mem.LONG.get(m, Mem.index(addr, offset, 8, length)), 0);
            default:
                throw new IllegalArgumentException("not a SIMD load: 0x" + Integer.toHexString(code));
        }
    }

    private static V128 splat(long v) {
        return new V128(v, v);
    }

    /** v128.store. */
    public static void store(int addr, V128 v, byte[] m, int length, int offset) {
        int i = Mem.index(addr, offset, 16, length);
        Mem.LONG.set(m, i, v.lo());
        Mem.LONG.set(m, i + 8, v.hi());
    }

    private static int laneBits(int code) {
        switch (code) {
            case 0x54: case 0x58: return 8;
            case 0x55: case 0x59: return 16;
            case 0x56: case 0x5A: return 32;
            case 0x57: case 0x5B: return 64;
            default: throw new IllegalArgumentException("not a SIMD lane instruction: 0x" + Integer.toHexString(code));
        }
    }

    /** v128.load8_lane .. v128.load64_lane (0x54..0x57). */
    public static V128 loadLane(int addr, V128 v, byte[] m, int length, int offset, int code, int lane) {
        int bits = laneBits(code);
        int i = Mem.index(addr, offset, bits / 8, length);
        long x;
        switch (bits) {
            case 8: x = m[i] & 0xFFL; break;
            case 16: x = (short) Mem.SHORT.get(m, i) & 0xFFFFL; break;
            case 32: x = (int) Mem.INT.get(m, i) & 0xFFFF_FFFFL; break;
            default: x = (long) Mem.LONG.get(m, i); break;
        }
        int perHalf = 64 / bits;
        int shift = (lane % perHalf) * bits;
        long mask = bits == 64 ? -1L : ((1L << bits) - 1) << shift;
        if (lane / perHalf == 0) {
            return new V128((v.lo() & ~mask) | ((x << shift) & mask), v.hi());
        }
        return new V128(v.lo(), (v.hi() & ~mask) | ((x << shift) & mask));
    }

    /** v128.store8_lane .. v128.store64_lane (0x58..0x5B). */
    public static void storeLane(int addr, V128 v, byte[] m, int length, int offset, int code, int lane) {
        int bits = laneBits(code);
        int i = Mem.index(addr, offset, bits / 8, length);
        int perHalf = 64 / bits;
        long x = (lane / perHalf == 0 ? v.lo() : v.hi()) >>> ((lane % perHalf) * bits);
        switch (bits) {
            case 8: m[i] = (byte) x; break;
            case 16: Mem.SHORT.set(m, i, (short) x); break;
            case 32: Mem.INT.set(m, i, (int) x); break;
            default: Mem.LONG.set(m, i, x); break;
        }
    }
}
