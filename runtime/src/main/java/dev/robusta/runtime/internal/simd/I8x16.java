package dev.robusta.runtime.internal.simd;

/**
 * The {@code i8x16} instructions (other than the lane instructions in {@link Lanes}): comparisons,
 * abs, neg, popcnt, all_true, bitmask, narrow, shifts, (saturating) add and sub, min, max and avgr_u.
 *
 * <p>Every helper works on one 64-bit half, eight lanes, as lanes never cross the halves; some use
 * SIMD-within-a-register arithmetic.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html">Numerics</a>
 */
final class I8x16 {

    static final long HIGH = 0x8080808080808080L;
    static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    static final long ONES = 0x0101010101010101L;

    private I8x16() {
    }

    static int execute(int code, long[] s, int sp) {
        switch (code) {
            case 0x60: // i8x16.abs
                return Operands.unary(s, sp, abs(s[sp - 2]), abs(s[sp - 1]));
            case 0x61: // i8x16.neg
                return Operands.unary(s, sp, sub(0, s[sp - 2]), sub(0, s[sp - 1]));
            case 0x62: // i8x16.popcnt
                return Operands.unary(s, sp, popcnt(s[sp - 2]), popcnt(s[sp - 1]));
            case 0x63: // i8x16.all_true
                return Operands.toI32(s, sp, hasZero(s[sp - 2]) || hasZero(s[sp - 1]) ? 0 : 1);
            case 0x64: // i8x16.bitmask
                return Operands.toI32(s, sp, bitmask(s[sp - 2]) | bitmask(s[sp - 1]) << 8);
            case 0x6B: // i8x16.shl
            case 0x6C: // i8x16.shr_s
            case 0x6D: // i8x16.shr_u
                return shift(code, s, sp);
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
            case 0x23: // i8x16.eq
                r0 = eq(a0, b0);
                r1 = eq(a1, b1);
                break;
            case 0x24: // i8x16.ne
                r0 = ~eq(a0, b0);
                r1 = ~eq(a1, b1);
                break;
            case 0x25: // i8x16.lt_s
                r0 = ltS(a0, b0);
                r1 = ltS(a1, b1);
                break;
            case 0x26: // i8x16.lt_u
                r0 = ltU(a0, b0);
                r1 = ltU(a1, b1);
                break;
            case 0x27: // i8x16.gt_s
                r0 = ltS(b0, a0);
                r1 = ltS(b1, a1);
                break;
            case 0x28: // i8x16.gt_u
                r0 = ltU(b0, a0);
                r1 = ltU(b1, a1);
                break;
            case 0x29: // i8x16.le_s
                r0 = ~ltS(b0, a0);
                r1 = ~ltS(b1, a1);
                break;
            case 0x2A: // i8x16.le_u
                r0 = ~ltU(b0, a0);
                r1 = ~ltU(b1, a1);
                break;
            case 0x2B: // i8x16.ge_s
                r0 = ~ltS(a0, b0);
                r1 = ~ltS(a1, b1);
                break;
            case 0x2C: // i8x16.ge_u
                r0 = ~ltU(a0, b0);
                r1 = ~ltU(a1, b1);
                break;
            case 0x65: // i8x16.narrow_i16x8_s
                r0 = narrowS(a0, a1);
                r1 = narrowS(b0, b1);
                break;
            case 0x66: // i8x16.narrow_i16x8_u
                r0 = narrowU(a0, a1);
                r1 = narrowU(b0, b1);
                break;
            case 0x6E: // i8x16.add
                r0 = add(a0, b0);
                r1 = add(a1, b1);
                break;
            case 0x6F: // i8x16.add_sat_s
                r0 = addSatS(a0, b0);
                r1 = addSatS(a1, b1);
                break;
            case 0x70: // i8x16.add_sat_u
                r0 = addSatU(a0, b0);
                r1 = addSatU(a1, b1);
                break;
            case 0x71: // i8x16.sub
                r0 = sub(a0, b0);
                r1 = sub(a1, b1);
                break;
            case 0x72: // i8x16.sub_sat_s
                r0 = subSatS(a0, b0);
                r1 = subSatS(a1, b1);
                break;
            case 0x73: // i8x16.sub_sat_u
                r0 = subSatU(a0, b0);
                r1 = subSatU(a1, b1);
                break;
            case 0x76: // i8x16.min_s
                r0 = minS(a0, b0);
                r1 = minS(a1, b1);
                break;
            case 0x77: // i8x16.min_u
                r0 = minU(a0, b0);
                r1 = minU(a1, b1);
                break;
            case 0x78: // i8x16.max_s
                r0 = maxS(a0, b0);
                r1 = maxS(a1, b1);
                break;
            case 0x79: // i8x16.max_u
                r0 = maxU(a0, b0);
                r1 = maxU(a1, b1);
                break;
            case 0x7B: // i8x16.avgr_u
                r0 = avgrU(a0, b0);
                r1 = avgrU(a1, b1);
                break;
            default:
                throw Simd.unknown(code);
        }
        return Operands.binary(s, sp, r0, r1);
    }

    private static int shift(int code, long[] s, int sp) {
        int n = (int) s[sp - 1] & 7;
        long v0 = s[sp - 3];
        long v1 = s[sp - 2];
        switch (code) {
            case 0x6B: { // shl
                long keep = ((0xFF << n) & 0xFF) * ONES;
                return Operands.withScalar(s, sp, (v0 << n) & keep, (v1 << n) & keep);
            }
            case 0x6C: // shr_s
                return Operands.withScalar(s, sp, shrS(v0, n), shrS(v1, n));
            default: { // shr_u
                long keep = (0xFF >>> n) * ONES;
                return Operands.withScalar(s, sp, (v0 >>> n) & keep, (v1 >>> n) & keep);
            }
        }
    }

    static long add(long a, long b) {
        return ((a & LOW7) + (b & LOW7)) ^ ((a ^ b) & HIGH);
    }

    static long sub(long a, long b) {
        return ((a | HIGH) - (b & LOW7)) ^ ((a ^ ~b) & HIGH);
    }

    /** All-ones bytes where the bytes of a and b are equal. */
    static long eq(long a, long b) {
        long x = a ^ b;
        long nonZero = ((x & LOW7) + LOW7) | x;
        return ((~nonZero & HIGH) >>> 7) * 0xFF;
    }

    /** Whether some byte of {@code x} is zero. */
    static boolean hasZero(long x) {
        return ((x - ONES) & ~x & HIGH) != 0;
    }

    /** The top bit of each of the eight bytes, as bits 0..7. */
    static int bitmask(long x) {
        int r = 0;
        for (int i = 0; i < 8; i++) {
            r |= ((int) (x >>> (8 * i + 7)) & 1) << i;
        }
        return r;
    }

    private static long ltS(long a, long b) {
        long r = 0;
        for (int i = 0; i < 64; i += 8) {
            if ((byte) (a >>> i) < (byte) (b >>> i)) {
                r |= 0xFFL << i;
            }
        }
        return r;
    }

    private static long ltU(long a, long b) {
        long r = 0;
        for (int i = 0; i < 64; i += 8) {
            if (((a >>> i) & 0xFF) < ((b >>> i) & 0xFF)) {
                r |= 0xFFL << i;
            }
        }
        return r;
    }

    private static long abs(long a) {
        long r = 0;
        for (int i = 0; i < 64; i += 8) {
            r |= (long) (Math.abs((byte) (a >>> i)) & 0xFF) << i;
        }
        return r;
    }

    private static long popcnt(long x) {
        x = x - ((x >>> 1) & 0x5555555555555555L);
        x = (x & 0x3333333333333333L) + ((x >>> 2) & 0x3333333333333333L);
        return (x + (x >>> 4)) & 0x0F0F0F0F0F0F0F0FL;
    }

    private static long shrS(long a, int n) {
        long r = 0;
        for (int i = 0; i < 64; i += 8) {
            r |= (long) (((byte) (a >>> i) >> n) & 0xFF) << i;
        }
        return r;
    }

    /** Saturates the eight i16 lanes of {@code lo} (lanes 0..3) and {@code hi} (4..7) to signed bytes. */
    private static long narrowS(long lo, long hi) {
        long r = 0;
        for (int i = 0; i < 4; i++) {
            r |= (long) (satS((short) (lo >>> (16 * i))) & 0xFF) << (8 * i);
            r |= (long) (satS((short) (hi >>> (16 * i))) & 0xFF) << (8 * i + 32);
        }
        return r;
    }

    /** Saturates the eight i16 lanes (read signed) of {@code lo} and {@code hi} to unsigned bytes. */
    private static long narrowU(long lo, long hi) {
        long r = 0;
        for (int i = 0; i < 4; i++) {
            r |= (long) satU((short) (lo >>> (16 * i))) << (8 * i);
            r |= (long) satU((short) (hi >>> (16 * i))) << (8 * i + 32);
        }
        return r;
    }

    static int satS(int v) {
        return v < -128 ? -128 : v > 127 ? 127 : v;
    }

    static int satU(int v) {
        return v < 0 ? 0 : v > 255 ? 255 : v;
    }

    private static long addSatS(long a, long b) {
        long r = 0;
        for (int i = 0; i < 64; i += 8) {
            r |= (long) (satS((byte) (a >>> i) + (byte) (b >>> i)) & 0xFF) << i;
        }
        return r;
    }

    private static long addSatU(long a, long b) {
        long r = 0;
        for (int i = 0; i < 64; i += 8) {
            r |= (long) Math.min(((int) (a >>> i) & 0xFF) + ((int) (b >>> i) & 0xFF), 0xFF) << i;
        }
        return r;
    }

    private static long subSatS(long a, long b) {
        long r = 0;
        for (int i = 0; i < 64; i += 8) {
            r |= (long) (satS((byte) (a >>> i) - (byte) (b >>> i)) & 0xFF) << i;
        }
        return r;
    }

    private static long subSatU(long a, long b) {
        long r = 0;
        for (int i = 0; i < 64; i += 8) {
            r |= (long) Math.max(((int) (a >>> i) & 0xFF) - ((int) (b >>> i) & 0xFF), 0) << i;
        }
        return r;
    }

    private static long minS(long a, long b) {
        long r = 0;
        for (int i = 0; i < 64; i += 8) {
            r |= (long) (Math.min((byte) (a >>> i), (byte) (b >>> i)) & 0xFF) << i;
        }
        return r;
    }

    private static long maxS(long a, long b) {
        long r = 0;
        for (int i = 0; i < 64; i += 8) {
            r |= (long) (Math.max((byte) (a >>> i), (byte) (b >>> i)) & 0xFF) << i;
        }
        return r;
    }

    private static long minU(long a, long b) {
        long r = 0;
        for (int i = 0; i < 64; i += 8) {
            r |= (long) Math.min((int) (a >>> i) & 0xFF, (int) (b >>> i) & 0xFF) << i;
        }
        return r;
    }

    private static long maxU(long a, long b) {
        long r = 0;
        for (int i = 0; i < 64; i += 8) {
            r |= (long) Math.max((int) (a >>> i) & 0xFF, (int) (b >>> i) & 0xFF) << i;
        }
        return r;
    }

    /** Rounding average {@code (a + b + 1) / 2} of unsigned bytes; never borrows across bytes. */
    private static long avgrU(long a, long b) {
        return (a | b) - (((a ^ b) >>> 1) & LOW7);
    }
}
