package dev.robusta.runtime.internal.simd;

/**
 * The lane instructions: {@code i8x16.shuffle}, {@code i8x16.swizzle}, the splats and the
 * {@code extract_lane}/{@code replace_lane} family of every shape.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/instructions.html#vector-instructions">Vector
 *     instructions</a>
 */
final class Lanes {

    private static final long BYTES = 0x0101010101010101L;
    private static final long SHORTS = 0x0001000100010001L;
    private static final long INTS = 0x0000000100000001L;

    private Lanes() {
    }

    static int execute(int code, long[] s, int sp, long imm0, long imm1) {
        int lane = (int) imm0;
        switch (code) {
            case 0x0D: // i8x16.shuffle
                return Operands.binary(s, sp,
                        shuffle(s[sp - 4], s[sp - 3], s[sp - 2], s[sp - 1], imm0),
                        shuffle(s[sp - 4], s[sp - 3], s[sp - 2], s[sp - 1], imm1));
            case 0x0E: // i8x16.swizzle
                return Operands.binary(s, sp,
                        swizzle(s[sp - 4], s[sp - 3], s[sp - 2]),
                        swizzle(s[sp - 4], s[sp - 3], s[sp - 1]));
            case 0x0F: { // i8x16.splat
                long v = (s[sp - 1] & 0xFFL) * BYTES;
                return Operands.fromScalar(s, sp, v, v);
            }
            case 0x10: { // i16x8.splat
                long v = (s[sp - 1] & 0xFFFFL) * SHORTS;
                return Operands.fromScalar(s, sp, v, v);
            }
            case 0x11: // i32x4.splat
            case 0x13: { // f32x4.splat
                long v = (s[sp - 1] & 0xFFFFFFFFL) * INTS;
                return Operands.fromScalar(s, sp, v, v);
            }
            case 0x12: // i64x2.splat
            case 0x14: { // f64x2.splat
                long v = s[sp - 1];
                return Operands.fromScalar(s, sp, v, v);
            }
            case 0x15: // i8x16.extract_lane_s
                return Operands.toI32(s, sp, (byte) (half(s, sp - 2, lane >>> 3) >>> ((lane & 7) << 3)));
            case 0x16: // i8x16.extract_lane_u
                return Operands.toI32(s, sp, (int) (half(s, sp - 2, lane >>> 3) >>> ((lane & 7) << 3)) & 0xFF);
            case 0x17: // i8x16.replace_lane
                return replace(s, sp, lane >>> 3, (lane & 7) << 3, 0xFFL);
            case 0x18: // i16x8.extract_lane_s
                return Operands.toI32(s, sp, (short) (half(s, sp - 2, lane >>> 2) >>> ((lane & 3) << 4)));
            case 0x19: // i16x8.extract_lane_u
                return Operands.toI32(s, sp,
                        (int) (half(s, sp - 2, lane >>> 2) >>> ((lane & 3) << 4)) & 0xFFFF);
            case 0x1A: // i16x8.replace_lane
                return replace(s, sp, lane >>> 2, (lane & 3) << 4, 0xFFFFL);
            case 0x1B: // i32x4.extract_lane
            case 0x1F: // f32x4.extract_lane
                return Operands.toI32(s, sp, (int) (half(s, sp - 2, lane >>> 1) >>> ((lane & 1) << 5)));
            case 0x1C: // i32x4.replace_lane
            case 0x20: // f32x4.replace_lane
                return replace(s, sp, lane >>> 1, (lane & 1) << 5, 0xFFFFFFFFL);
            case 0x1D: // i64x2.extract_lane
            case 0x21: // f64x2.extract_lane
                return Operands.toI64(s, sp, half(s, sp - 2, lane & 1));
            case 0x1E: // i64x2.replace_lane
            case 0x22: // f64x2.replace_lane
                s[sp - 3 + (lane & 1)] = s[sp - 1];
                return sp - 1;
            default:
                throw Simd.unknown(code);
        }
    }

    /** The low ({@code which} = 0) or high (1) half of the v128 at {@code s[at]}. */
    private static long half(long[] s, int at, int which) {
        return s[at + (which & 1)];
    }

    /** Replaces the {@code mask}-wide lane at bit {@code shift} of half {@code which} by the scalar on top. */
    private static int replace(long[] s, int sp, int which, int shift, long mask) {
        int at = sp - 3 + (which & 1);
        s[at] = (s[at] & ~(mask << shift)) | ((s[sp - 1] & mask) << shift);
        return sp - 1;
    }

    /** Byte {@code j} (0..15) of the v128 {@code lo, hi}. */
    private static long byteAt(long lo, long hi, int j) {
        return ((j < 8 ? lo : hi) >>> ((j & 7) << 3)) & 0xFF;
    }

    /** Eight result bytes of swizzle: each index byte of {@code indices} picks a byte of a, or 0 if >= 16. */
    static long swizzle(long aLo, long aHi, long indices) {
        long r = 0;
        for (int i = 0; i < 64; i += 8) {
            int j = (int) (indices >>> i) & 0xFF;
            if (j < 16) {
                r |= byteAt(aLo, aHi, j) << i;
            }
        }
        return r;
    }

    /** Eight result bytes of shuffle: each byte of {@code imm} picks byte 0..15 of a or 16..31 of b. */
    private static long shuffle(long aLo, long aHi, long bLo, long bHi, long imm) {
        long r = 0;
        for (int i = 0; i < 64; i += 8) {
            int j = (int) (imm >>> i) & 31;
            r |= (j < 16 ? byteAt(aLo, aHi, j) : byteAt(bLo, bHi, j - 16)) << i;
        }
        return r;
    }
}
