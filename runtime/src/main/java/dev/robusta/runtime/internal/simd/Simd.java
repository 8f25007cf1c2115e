package dev.robusta.runtime.internal.simd;

/**
 * The semantics of the WebAssembly fixed-width SIMD instructions (prefix 0xFD) and of the relaxed SIMD
 * instructions (deterministic profile, see {@link Relaxed}), on the engine's {@code long[]} operand stack.
 *
 * <p>Stack layout: {@code sp} is the index of the next free slot. A v128 takes two consecutive slots, the
 * low 64 bits (bytes 0..7 little-endian, so lane 0 of an i8x16 is bits 0..7 of the low slot) first. An
 * i32 or f32 takes one slot holding the sign-extended {@code int} (for f32 its raw bits); an i64 or f64
 * takes one slot (for f64 its raw bits).
 *
 * <p>Memory instructions are the engine's: it reads or writes the bytes and builds the splat, lane and
 * zero loads and the lane stores from {@link #execute} (splat, replace_lane, extract_lane) and the
 * extending loads from {@link #loadExtend}. Nothing here allocates.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/instructions.html#vector-instructions">Vector
 *     instructions</a>
 */
public final class Simd {

    private Simd() {
    }

    /**
     * Executes one SIMD instruction that does not access memory.
     *
     * @param code the opcode after the 0xFD prefix (u32); every code except 0..11 (loads and v128.store)
     *     and 84..93 (lane loads and stores, zero loads)
     * @param s the operand stack
     * @param sp the index of the next free slot
     * @param imm0 v128.const: the low 64 bits; i8x16.shuffle: the lane indices of result lanes 0..7, one
     *     per byte, little-endian; extract_lane and replace_lane: the lane index; otherwise ignored
     * @param imm1 v128.const: the high 64 bits; i8x16.shuffle: the lane indices of result lanes 8..15
     * @return the new {@code sp}
     * @throws IllegalArgumentException if {@code code} is not such an instruction
     */
    public static int execute(int code, long[] s, int sp, long imm0, long imm1) {
        switch (code) {
            case 0x0C: // v128.const
                s[sp] = imm0;
                s[sp + 1] = imm1;
                return sp + 2;
            case 0x0D: case 0x0E: case 0x0F: case 0x10: case 0x11: case 0x12: case 0x13: case 0x14:
            case 0x15: case 0x16: case 0x17: case 0x18: case 0x19: case 0x1A: case 0x1B: case 0x1C:
            case 0x1D: case 0x1E: case 0x1F: case 0x20: case 0x21: case 0x22:
                return Lanes.execute(code, s, sp, imm0, imm1);
            case 0x23: case 0x24: case 0x25: case 0x26: case 0x27: case 0x28: case 0x29: case 0x2A:
            case 0x2B: case 0x2C:
            case 0x60: case 0x61: case 0x62: case 0x63: case 0x64: case 0x65: case 0x66:
            case 0x6B: case 0x6C: case 0x6D: case 0x6E: case 0x6F: case 0x70: case 0x71: case 0x72: case 0x73:
            case 0x76: case 0x77: case 0x78: case 0x79: case 0x7B:
                return I8x16.execute(code, s, sp);
            case 0x2D: case 0x2E: case 0x2F: case 0x30: case 0x31: case 0x32: case 0x33: case 0x34:
            case 0x35: case 0x36:
            case 0x7C: case 0x7D:
            case 0x80: case 0x81: case 0x82: case 0x83: case 0x84: case 0x85: case 0x86: case 0x87:
            case 0x88: case 0x89: case 0x8A: case 0x8B: case 0x8C: case 0x8D: case 0x8E: case 0x8F:
            case 0x90: case 0x91: case 0x92: case 0x93: case 0x95: case 0x96: case 0x97: case 0x98:
            case 0x99: case 0x9B: case 0x9C: case 0x9D: case 0x9E: case 0x9F:
                return I16x8.execute(code, s, sp);
            case 0x37: case 0x38: case 0x39: case 0x3A: case 0x3B: case 0x3C: case 0x3D: case 0x3E:
            case 0x3F: case 0x40:
            case 0x7E: case 0x7F:
            case 0xA0: case 0xA1: case 0xA3: case 0xA4: case 0xA7: case 0xA8: case 0xA9: case 0xAA:
            case 0xAB: case 0xAC: case 0xAD: case 0xAE: case 0xB1: case 0xB5: case 0xB6: case 0xB7:
            case 0xB8: case 0xB9: case 0xBA: case 0xBC: case 0xBD: case 0xBE: case 0xBF:
                return I32x4.execute(code, s, sp);
            case 0xC0: case 0xC1: case 0xC3: case 0xC4: case 0xC7: case 0xC8: case 0xC9: case 0xCA:
            case 0xCB: case 0xCC: case 0xCD: case 0xCE: case 0xD1: case 0xD5: case 0xD6: case 0xD7:
            case 0xD8: case 0xD9: case 0xDA: case 0xDB: case 0xDC: case 0xDD: case 0xDE: case 0xDF:
                return I64x2.execute(code, s, sp);
            case 0x41: case 0x42: case 0x43: case 0x44: case 0x45: case 0x46:
            case 0x67: case 0x68: case 0x69: case 0x6A:
            case 0xE0: case 0xE1: case 0xE3: case 0xE4: case 0xE5: case 0xE6: case 0xE7: case 0xE8:
            case 0xE9: case 0xEA: case 0xEB:
                return F32x4.execute(code, s, sp);
            case 0x47: case 0x48: case 0x49: case 0x4A: case 0x4B: case 0x4C:
            case 0x74: case 0x75: case 0x7A: case 0x94:
            case 0xEC: case 0xED: case 0xEF: case 0xF0: case 0xF1: case 0xF2: case 0xF3: case 0xF4:
            case 0xF5: case 0xF6: case 0xF7:
                return F64x2.execute(code, s, sp);
            case 0x4D: case 0x4E: case 0x4F: case 0x50: case 0x51: case 0x52: case 0x53:
                return Bitwise.execute(code, s, sp);
            case 0x5E: case 0x5F:
            case 0xF8: case 0xF9: case 0xFA: case 0xFB: case 0xFC: case 0xFD: case 0xFE: case 0xFF:
                return Conversions.execute(code, s, sp);
            case 0x100: case 0x101: case 0x102: case 0x103: case 0x104: case 0x105: case 0x106: case 0x107:
            case 0x108: case 0x109: case 0x10A: case 0x10B: case 0x10C: case 0x10D: case 0x10E: case 0x10F:
            case 0x110: case 0x111: case 0x112: case 0x113:
                return Relaxed.execute(code, s, sp);
            default:
                throw unknown(code);
        }
    }

    /**
     * Widens the 8 bytes of an extending load into a v128 stored at {@code s[sp]} (low half) and
     * {@code s[sp + 1]} (high half).
     *
     * @param code 1..6: v128.load8x8_s, load8x8_u, load16x4_s, load16x4_u, load32x2_s, load32x2_u
     * @param bytes the 8 bytes read from memory, as a little-endian long
     * @param s the operand stack
     * @param sp the slot that receives the low half
     * @throws IllegalArgumentException if {@code code} is not 1..6
     */
    public static void loadExtend(int code, long bytes, long[] s, int sp) {
        long lo;
        long hi;
        switch (code) {
            case 1: // v128.load8x8_s
            case 2: // v128.load8x8_u
                lo = Packed.extend(bytes, 0, 16, code == 1);
                hi = Packed.extend(bytes, 32, 16, code == 1);
                break;
            case 3: // v128.load16x4_s
            case 4: // v128.load16x4_u
                lo = Packed.extend(bytes, 0, 32, code == 3);
                hi = Packed.extend(bytes, 32, 32, code == 3);
                break;
            case 5: // v128.load32x2_s
                lo = (int) bytes;
                hi = bytes >> 32;
                break;
            case 6: // v128.load32x2_u
                lo = bytes & 0xFFFF_FFFFL;
                hi = bytes >>> 32;
                break;
            default:
                throw unknown(code);
        }
        s[sp] = lo;
        s[sp + 1] = hi;
    }

    static IllegalArgumentException unknown(int code) {
        return new IllegalArgumentException("unknown SIMD instruction 0xFD 0x" + Integer.toHexString(code));
    }
}
