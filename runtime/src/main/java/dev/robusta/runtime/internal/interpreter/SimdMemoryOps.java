package dev.robusta.runtime.internal.interpreter;

import dev.robusta.runtime.internal.ByteArrayMemory;
import dev.robusta.runtime.internal.simd.Simd;

/**
 * The SIMD loads and stores (0xFD 0..11 and 0x54..0x5D): whole, extending, splat, zero-extending and lane
 * forms. A v128 is two slots, low half first; lanes are little-endian within the halves.
 */
final class SimdMemoryOps {
    private SimdMemoryOps() {
    }

    /**
     * Runs SIMD memory instruction {@code code}.
     *
     * @return the new stack pointer
     */
    static int exec(int code, ByteArrayMemory memory, long[] s, int sp, int offset, int lane) {
        int length = memory.length;
        byte[] m = memory.bytes;
        boolean wide = memory.is64;
        switch (code) {
            case 0x00: { // v128.load
                int i = index(wide, length, s[sp - 1], offset, 16);
                s[sp - 1] = (long) MemoryOps.LONG.get(m, i);
                s[sp] = (long) MemoryOps.LONG.get(m, i + 8);
                return sp + 1;
            }
            case 0x01: case 0x02: case 0x03: case 0x04: case 0x05: case 0x06: {
                long bytes = (long) MemoryOps.LONG.get(m, index(wide, length, s[sp - 1], offset, 8));
                Simd.loadExtend(code, bytes, s, sp - 1);
                return sp + 1;
            }
            case 0x07: // v128.load8_splat
                return splat(s, sp, (m[index(wide, length, s[sp - 1], offset, 1)] & 0xFFL) * 0x0101_0101_0101_0101L);
            case 0x08: // v128.load16_splat
                return splat(s, sp, ((short) MemoryOps.SHORT.get(m, index(wide, length, s[sp - 1], offset, 2)) & 0xFFFFL)
                        * 0x0001_0001_0001_0001L);
            case 0x09: { // v128.load32_splat
                long v = (int) MemoryOps.INT.get(m, index(wide, length, s[sp - 1], offset, 4)) & 0xFFFF_FFFFL;
                return splat(s, sp, v | (v << 32));
            }
            case 0x0A: // v128.load64_splat
                return splat(s, sp, (long) MemoryOps.LONG.get(m, index(wide, length, s[sp - 1], offset, 8)));
            case 0x0B: { // v128.store
                sp -= 3;
                int i = index(wide, length, s[sp], offset, 16);
                MemoryOps.LONG.set(m, i, s[sp + 1]);
                MemoryOps.LONG.set(m, i + 8, s[sp + 2]);
                return sp;
            }
            case 0x5C: // v128.load32_zero
                s[sp - 1] = (int) MemoryOps.INT.get(m, index(wide, length, s[sp - 1], offset, 4)) & 0xFFFF_FFFFL;
                s[sp] = 0;
                return sp + 1;
            case 0x5D: // v128.load64_zero
                s[sp - 1] = (long) MemoryOps.LONG.get(m, index(wide, length, s[sp - 1], offset, 8));
                s[sp] = 0;
                return sp + 1;
            default:
                return lane(code, m, length, wide, s, sp, offset, lane);
        }
    }

    private static int index(boolean wide, int length, long address, int offset, int size) {
        return wide ? MemoryOps.index64(length, address, offset & 0xFFFF_FFFFL, size)
                : MemoryOps.index(length, address, offset, size);
    }

    private static int splat(long[] s, int sp, long v) {
        s[sp - 1] = v;
        s[sp] = v;
        return sp + 1;
    }

    /** The lane loads and stores: operands (address, v128) at {@code s[sp - 3..sp)}. */
    private static int lane(int code, byte[] m, int length, boolean wide, long[] s, int sp, int offset, int lane) {
        int a = sp - 3;
        int bits;
        switch (code) {
            case 0x54: case 0x58: bits = 8; break;
            case 0x55: case 0x59: bits = 16; break;
            case 0x56: case 0x5A: bits = 32; break;
            case 0x57: case 0x5B: bits = 64; break;
            default: throw new AssertionError("not a SIMD memory instruction: " + code);
        }
        int perHalf = 64 / bits;
        int half = a + 1 + lane / perHalf;
        int shift = (lane % perHalf) * bits;
        long mask = bits == 64 ? -1L : ((1L << bits) - 1) << shift;
        if (code <= 0x57) { // load lane
            int i = index(wide, length, s[a], offset, bits / 8);
            long v;
            switch (bits) {
                case 8: v = m[i] & 0xFFL; break;
                case 16: v = (short) MemoryOps.SHORT.get(m, i) & 0xFFFFL; break;
                case 32: v = (int) MemoryOps.INT.get(m, i) & 0xFFFF_FFFFL; break;
                default: v = (long) MemoryOps.LONG.get(m, i); break;
            }
            s[half] = (s[half] & ~mask) | ((v << shift) & mask);
            s[a] = s[a + 1];
            s[a + 1] = s[a + 2];
            return sp - 1;
        }
        int i = index(wide, length, s[a], offset, bits / 8);
        long v = s[half] >>> shift;
        switch (bits) {
            case 8: m[i] = (byte) v; break;
            case 16: MemoryOps.SHORT.set(m, i, (short) v); break;
            case 32: MemoryOps.INT.set(m, i, (int) v); break;
            default: MemoryOps.LONG.set(m, i, v); break;
        }
        return a;
    }
}
