package dev.robusta.wasm.validate;

import dev.robusta.wasm.ImmKind;
import dev.robusta.wasm.Opcode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryAccessTest {
    @Test
    void naturalAlignment_byAccessWidth() {
        assertEquals(2, MemoryAccess.naturalAlignment(Opcode.I32_LOAD));
        assertEquals(3, MemoryAccess.naturalAlignment(Opcode.F64_STORE));
        assertEquals(0, MemoryAccess.naturalAlignment(Opcode.I64_LOAD8_U));
        assertEquals(1, MemoryAccess.naturalAlignment(Opcode.I32_STORE16));
        assertEquals(2, MemoryAccess.naturalAlignment(Opcode.I64_LOAD32_S));
        assertEquals(4, MemoryAccess.naturalAlignment(Opcode.V128_LOAD));
        assertEquals(3, MemoryAccess.naturalAlignment(Opcode.V128_LOAD16X4_U));
        assertEquals(1, MemoryAccess.naturalAlignment(Opcode.V128_LOAD16_SPLAT));
        assertEquals(2, MemoryAccess.naturalAlignment(Opcode.V128_LOAD32_ZERO));
        assertEquals(3, MemoryAccess.naturalAlignment(Opcode.V128_STORE64_LANE));
        assertEquals(2, MemoryAccess.naturalAlignment(Opcode.I32_ATOMIC_RMW_CMPXCHG));
        assertEquals(3, MemoryAccess.naturalAlignment(Opcode.I64_ATOMIC_RMW_XCHG));
        assertEquals(0, MemoryAccess.naturalAlignment(Opcode.I64_ATOMIC_RMW8_ADD_U));
        assertEquals(1, MemoryAccess.naturalAlignment(Opcode.I32_ATOMIC_LOAD16_U));
        assertEquals(2, MemoryAccess.naturalAlignment(Opcode.I64_ATOMIC_STORE32));
        assertEquals(2, MemoryAccess.naturalAlignment(Opcode.MEMORY_ATOMIC_NOTIFY));
        assertEquals(2, MemoryAccess.naturalAlignment(Opcode.MEMORY_ATOMIC_WAIT32));
        assertEquals(3, MemoryAccess.naturalAlignment(Opcode.MEMORY_ATOMIC_WAIT64));
    }

    @Test
    void naturalAlignment_notAboveTheResultWidth() {
        for (Opcode op : Opcode.values()) {
            if (op.immKind() == ImmKind.MEMARG && op.signature() != null) {
                int log2 = MemoryAccess.naturalAlignment(op);
                assertTrue(log2 >= 0 && log2 <= 4, op.mnemonic());
            }
        }
    }

    @Test
    void laneCount_byShape() {
        assertEquals(16, MemoryAccess.laneCount(Opcode.I8X16_EXTRACT_LANE_S));
        assertEquals(8, MemoryAccess.laneCount(Opcode.I16X8_REPLACE_LANE));
        assertEquals(4, MemoryAccess.laneCount(Opcode.F32X4_EXTRACT_LANE));
        assertEquals(2, MemoryAccess.laneCount(Opcode.I64X2_REPLACE_LANE));
        assertEquals(16, MemoryAccess.laneCount(Opcode.V128_LOAD8_LANE));
        assertEquals(2, MemoryAccess.laneCount(Opcode.V128_STORE64_LANE));
    }
}
