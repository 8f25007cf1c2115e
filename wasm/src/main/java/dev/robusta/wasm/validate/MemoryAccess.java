package dev.robusta.wasm.validate;

import dev.robusta.wasm.ImmKind;
import dev.robusta.wasm.Opcode;

/**
 * Facts about memory and lane instructions that the opcode table does not hold: the natural alignment of
 * each memory access (the access width in bytes, as a power of two) and the lane count of each lane
 * instruction.
 *
 * @see <a href="https://webassembly.github.io/spec/core/valid/instructions.html#memory-instructions">Memory instructions</a>
 */
final class MemoryAccess {
    private static final byte[] NATURAL_LOG2 = new byte[Opcode.values().length];
    private static final byte[] LANES = new byte[Opcode.values().length];

    static {
        for (Opcode op : Opcode.values()) {
            ImmKind k = op.immKind();
            if (k == ImmKind.MEMARG || k == ImmKind.MEMARG_LANE) {
                NATURAL_LOG2[op.ordinal()] = (byte) naturalLog2(op);
            }
            if (k == ImmKind.MEMARG_LANE) {
                LANES[op.ordinal()] = (byte) (16 >> naturalLog2(op));
            } else if (k == ImmKind.LANE) {
                LANES[op.ordinal()] = (byte) shapeLanes(op.mnemonic());
            }
        }
    }

    private MemoryAccess() {
    }

    /** The natural alignment exponent (log2 of the access width in bytes) of a memory access. */
    static int naturalAlignment(Opcode op) {
        return NATURAL_LOG2[op.ordinal()];
    }

    /** The number of lanes a lane immediate of {@code op} can address. */
    static int laneCount(Opcode op) {
        return LANES[op.ordinal()];
    }

    private static int naturalLog2(Opcode op) {
        switch (op) {
            case I32_LOAD8_S: case I32_LOAD8_U: case I64_LOAD8_S: case I64_LOAD8_U: case I32_STORE8: case I64_STORE8:
            case V128_LOAD8_SPLAT: case V128_LOAD8_LANE: case V128_STORE8_LANE:
                return 0;
            case I32_LOAD16_S: case I32_LOAD16_U: case I64_LOAD16_S: case I64_LOAD16_U: case I32_STORE16:
            case I64_STORE16: case V128_LOAD16_SPLAT: case V128_LOAD16_LANE: case V128_STORE16_LANE:
                return 1;
            case I32_LOAD: case F32_LOAD: case I32_STORE: case F32_STORE: case I64_LOAD32_S: case I64_LOAD32_U:
            case I64_STORE32: case V128_LOAD32_SPLAT: case V128_LOAD32_ZERO: case V128_LOAD32_LANE:
            case V128_STORE32_LANE:
                return 2;
            case I64_LOAD: case F64_LOAD: case I64_STORE: case F64_STORE: case V128_LOAD8X8_S: case V128_LOAD8X8_U:
            case V128_LOAD16X4_S: case V128_LOAD16X4_U: case V128_LOAD32X2_S: case V128_LOAD32X2_U:
            case V128_LOAD64_SPLAT: case V128_LOAD64_ZERO: case V128_LOAD64_LANE: case V128_STORE64_LANE:
                return 3;
            case V128_LOAD: case V128_STORE:
                return 4;
            default:
                break;
        }
        if (op.prefix() == Opcode.PREFIX_THREADS) {
            return atomicLog2(op.mnemonic());
        }
        throw new AssertionError("no natural alignment for " + op);
    }

    /** Atomic accesses: the width written in the name (rmw8, load16_u, wait32, ...), else the value type's. */
    private static int atomicLog2(String mnemonic) {
        String rest = mnemonic.substring(mnemonic.indexOf('.') + 1);
        if (rest.contains("8")) {
            return 0;
        }
        if (rest.contains("16")) {
            return 1;
        }
        if (rest.contains("32")) {
            return 2;
        }
        if (rest.contains("64")) {
            return 3;
        }
        return mnemonic.startsWith("i64.") ? 3 : 2;
    }

    private static int shapeLanes(String mnemonic) {
        String shape = mnemonic.substring(0, mnemonic.indexOf('.'));
        switch (shape) {
            case "i8x16": return 16;
            case "i16x8": return 8;
            case "i32x4": case "f32x4": return 4;
            case "i64x2": case "f64x2": return 2;
            default: throw new AssertionError("no lane shape in " + mnemonic);
        }
    }
}
