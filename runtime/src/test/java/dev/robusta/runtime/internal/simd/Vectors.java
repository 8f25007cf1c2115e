package dev.robusta.runtime.internal.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.robusta.wasm.Opcode;
import java.util.Arrays;

/**
 * Builds operands for {@link Simd#execute}, runs one instruction on a fresh stack and checks the stack
 * discipline (the returned sp matches the signature, the slot below the operands is untouched).
 */
final class Vectors {

    private static final long SENTINEL = 0x5EE5_1DE5_5EE5_1DE5L;

    private Vectors() {
    }

    static long[] i8x16(int... lanes) {
        return lanes(8, Arrays.stream(lanes).asLongStream().toArray());
    }

    static long[] i16x8(int... lanes) {
        return lanes(16, Arrays.stream(lanes).asLongStream().toArray());
    }

    static long[] i32x4(int... lanes) {
        return lanes(32, Arrays.stream(lanes).asLongStream().toArray());
    }

    static long[] i64x2(long lane0, long lane1) {
        return new long[] {lane0, lane1};
    }

    static long[] f32x4(float... lanes) {
        int[] bits = new int[lanes.length];
        for (int i = 0; i < lanes.length; i++) {
            bits[i] = Float.floatToRawIntBits(lanes[i]);
        }
        return i32x4(bits);
    }

    static long[] f64x2(double lane0, double lane1) {
        return new long[] {Double.doubleToRawLongBits(lane0), Double.doubleToRawLongBits(lane1)};
    }

    private static long[] lanes(int w, long[] lanes) {
        assertEquals(128 / w, lanes.length, "lane count");
        long[] v = new long[2];
        for (int k = 0; k < lanes.length; k++) {
            int bit = k * w;
            v[bit / 64] |= (lanes[k] & ((1L << w) - 1)) << (bit % 64);
        }
        return v;
    }

    static long[] i32(int value) {
        return new long[] {value};
    }

    static long[] i64(long value) {
        return new long[] {value};
    }

    static long[] f32(float value) {
        return new long[] {Float.floatToRawIntBits(value)};
    }

    static long[] f64(double value) {
        return new long[] {Double.doubleToRawLongBits(value)};
    }

    /** Lane {@code k} of an f32x4, as raw bits. */
    static int f32Lane(long[] v, int k) {
        return (int) (v[k / 2] >>> (32 * (k % 2)));
    }

    static long[] run(Opcode op, long[]... operands) {
        return runWith(op, 0, 0, operands);
    }

    /** Runs {@code op} with the given immediates; returns the result slots. */
    static long[] runWith(Opcode op, long imm0, long imm1, long[]... operands) {
        long[] s = new long[16];
        Arrays.fill(s, 0xDEAD_BEEF_DEAD_BEEFL);
        s[0] = SENTINEL;
        int sp = 1;
        for (long[] operand : operands) {
            for (long slot : operand) {
                s[sp++] = slot;
            }
        }
        int end = Simd.execute(op.code(), s, sp, imm0, imm1);
        assertEquals(SENTINEL, s[0], "slot below the operands");
        String results = op.signature() == null ? "V" : op.signature().substring(op.signature().indexOf('>') + 1);
        assertEquals(1 + results.chars().map(c -> c == 'V' ? 2 : 1).sum(), end, "new sp of " + op);
        return Arrays.copyOfRange(s, 1, end);
    }

    /** Asserts equal slots, printing them in hex. */
    static void assertSlots(long[] expected, long[] actual) {
        assertEquals(hex(expected), hex(actual));
    }

    static void assertRun(long[] expected, Opcode op, long[]... operands) {
        assertSlots(expected, run(op, operands));
    }

    private static String hex(long[] slots) {
        StringBuilder b = new StringBuilder();
        for (long slot : slots) {
            b.append(String.format("%016x ", slot));
        }
        return b.toString().trim();
    }
}
