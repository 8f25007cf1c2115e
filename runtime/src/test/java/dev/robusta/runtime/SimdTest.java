package dev.robusta.runtime;

import static dev.robusta.runtime.WasmBuilder.I32;
import static dev.robusta.runtime.WasmBuilder.I64;
import static dev.robusta.runtime.WasmBuilder.V128;
import static dev.robusta.runtime.WasmBuilder.type;
import static dev.robusta.wasm.Opcode.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.robusta.wasm.ExternKind;
import dev.robusta.wasm.Limits;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;
import dev.robusta.wasm.ValType;
import org.junit.jupiter.api.Test;

import java.util.List;

class SimdTest {
    /** A module with one page of memory ("mem") and function "f" = {@code load op} at its i32 parameter. */
    private static Instance load(Opcode op) {
        WasmBuilder b = new WasmBuilder();
        b.memory(Limits.of(1));
        int f = b.func(type(List.of(I32), List.of(V128)), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(op).memarg(0, 0, 0);
        });
        return b.exportFunc("f", f).export("mem", ExternKind.MEMORY, 0).instantiate();
    }

    @Test
    void constLocalsGlobalsAndLaneArithmetic() {
        WasmBuilder b = new WasmBuilder();
        int g = b.global(V128, true, w -> w.op(V128_CONST).fixed64(0x0000_0002_0000_0001L).fixed64(0x0000_0004_0000_0003L));
        // (local v128) local = global + global; global = local; extract lane 3 of i32x4
        int f = b.func(type(List.of(), List.of(I32)), List.of(V128), w -> {
            w.op(GLOBAL_GET).u32(g);
            w.op(GLOBAL_GET).u32(g);
            w.op(I32X4_ADD);
            w.op(LOCAL_TEE).u32(0);
            w.op(GLOBAL_SET).u32(g);
            w.op(LOCAL_GET).u32(0);
            w.op(I32X4_EXTRACT_LANE).u8(3);
        });
        Instance inst = b.exportFunc("f", f).export("g", ExternKind.GLOBAL, g).instantiate();
        assertEquals(8, inst.function("f").callInt());
        assertEquals(new V128(0x0000_0004_0000_0002L, 0x0000_0008_0000_0006L), inst.global("g").get());
    }

    @Test
    void v128Parameters_rawTwoSlotsAndBoxed() {
        Function xor = Instructions.of(V128_XOR, List.of(V128, V128), V128);
        assertArrayEquals(new long[] {3, -1}, xor.call(1, 0, 2, -1));
        assertArrayEquals(new Object[] {new V128(0, 5)}, xor.apply(new V128(1, 4), new V128(1, 1)));
        Function select = Instructions.of(SELECT, List.of(V128, V128, I32), V128);
        assertArrayEquals(new long[] {1, 2}, select.call(1, 2, 3, 4, 1));
        assertArrayEquals(new long[] {3, 4}, select.call(1, 2, 3, 4, 0));
    }

    @Test
    void shuffleAndReplaceLane() {
        WasmBuilder b = new WasmBuilder();
        int f = b.func(type(List.of(V128, V128), List.of(V128)), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(LOCAL_GET).u32(1);
            // result lanes: bytes 16..31 then 0..15 reversed halves -> take b's bytes then a's
            w.op(I8X16_SHUFFLE).fixed64(0x1716_1514_1312_1110L).fixed64(0x0706_0504_0302_0100L);
            w.op(I64_CONST).s64(99);
            w.op(I64X2_REPLACE_LANE).u8(1);
        });
        Function fn = b.exportFunc("f", f).instantiate().function("f");
        assertArrayEquals(new long[] {0x3333, 99}, fn.call(0x1111, 0x2222, 0x3333, 0x4444));
    }

    @Test
    void loads_wholeExtendingSplatAndZero() {
        Instance whole = load(V128_LOAD);
        Memory mem = whole.memory("mem");
        for (int i = 0; i < 32; i++) {
            mem.writeByte(i, (byte) (0x80 + i));
        }
        assertArrayEquals(new long[] {0x8786_8584_8382_8180L, 0x8F8E_8D8C_8B8A_8988L}, whole.function("f").call(0));
        assertArrayEquals(new long[] {0xFF83_FF82_FF81_FF80L, 0xFF87_FF86_FF85_FF84L}, loadWith(mem, V128_LOAD8X8_S).call(0));
        assertArrayEquals(new long[] {0x0083_0082_0081_0080L, 0x0087_0086_0085_0084L}, loadWith(mem, V128_LOAD8X8_U).call(0));
        assertArrayEquals(new long[] {0xFFFF_8382_FFFF_8180L, 0xFFFF_8786_FFFF_8584L}, loadWith(mem, V128_LOAD16X4_S).call(0));
        assertArrayEquals(new long[] {0x8382_8180L, 0x8786_8584L}, loadWith(mem, V128_LOAD32X2_U).call(0));
        assertArrayEquals(new long[] {0x8181_8181_8181_8181L, 0x8181_8181_8181_8181L}, loadWith(mem, V128_LOAD8_SPLAT).call(1));
        assertArrayEquals(new long[] {0x8382_8382_8382_8382L, 0x8382_8382_8382_8382L}, loadWith(mem, V128_LOAD16_SPLAT).call(2));
        assertArrayEquals(new long[] {0x8786_8584_8786_8584L, 0x8786_8584_8786_8584L}, loadWith(mem, V128_LOAD32_SPLAT).call(4));
        assertArrayEquals(new long[] {0x8F8E_8D8C_8B8A_8988L, 0x8F8E_8D8C_8B8A_8988L}, loadWith(mem, V128_LOAD64_SPLAT).call(8));
        assertArrayEquals(new long[] {0x8786_8584L, 0}, loadWith(mem, V128_LOAD32_ZERO).call(4));
        assertArrayEquals(new long[] {0x8F8E_8D8C_8B8A_8988L, 0}, loadWith(mem, V128_LOAD64_ZERO).call(8));
        assertArrayEquals(new long[] {0, 0}, whole.function("f").call(65520));
        TrapException e = assertThrows(TrapException.class, () -> whole.function("f").call(65521));
        assertEquals(Trap.OUT_OF_BOUNDS_MEMORY_ACCESS, e.trap());
        assertThrows(TrapException.class, () -> loadWith(mem, V128_LOAD64_SPLAT).call(65529));
    }

    /** f = op at its i32 parameter in an imported memory. */
    private static Function loadWith(Memory mem, Opcode op) {
        WasmBuilder b = new WasmBuilder();
        b.importMemory("env", "mem", Limits.of(1));
        int f = b.func(type(List.of(I32), List.of(V128)), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(op).memarg(0, 0, 0);
        });
        return b.exportFunc("f", f).instantiate(Imports.builder().memory("env", "mem", mem).build()).function("f");
    }

    /** f(address, v) = op with lane {@code lane} on an imported memory; {@code result} is v128 or none. */
    private static Function laneOp(Memory mem, Opcode op, int lane, ValType result) {
        WasmBuilder b = new WasmBuilder();
        b.importMemory("env", "mem", Limits.of(1));
        int f = b.func(type(List.of(I32, V128), result == null ? List.of() : List.of(result)), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(LOCAL_GET).u32(1);
            w.op(op).memarg(0, 0, 0);
            w.u8(lane);
        });
        return b.exportFunc("f", f).instantiate(Imports.builder().memory("env", "mem", mem).build()).function("f");
    }

    @Test
    void storesAndLaneAccess() {
        Memory mem = Memory.create(1);
        WasmBuilder b = new WasmBuilder();
        b.importMemory("env", "mem", Limits.of(1));
        int store = b.func(type(List.of(I32, V128), List.of()), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(LOCAL_GET).u32(1);
            w.op(V128_STORE).memarg(4, 0, 0);
        });
        Function st = b.exportFunc("st", store).instantiate(Imports.builder().memory("env", "mem", mem).build()).function("st");
        st.call(100, 0x0706_0504_0302_0100L, 0x0F0E_0D0C_0B0A_0908L);
        for (int i = 0; i < 16; i++) {
            assertEquals(i, mem.readByte(100 + i));
        }
        assertThrows(TrapException.class, () -> st.call(65530, 0, 0));

        mem.writeShort(0, (short) 0x8180);
        assertArrayEquals(new long[] {7, 0x8180_0000L}, laneOp(mem, V128_LOAD16_LANE, 5, V128).call(0, 7, 0));
        long[] replaced = laneOp(mem, V128_LOAD8_LANE, 15, V128).call(0, 1, 2);
        assertArrayEquals(new long[] {1, 0x8000_0000_0000_0002L}, replaced);
        laneOp(mem, V128_STORE32_LANE, 3, null).call(200, 0x1111_1111_2222_2222L, 0x3333_3333_4444_4444L);
        assertEquals(0x3333_3333, mem.readInt(200));
        laneOp(mem, V128_STORE64_LANE, 0, null).call(300, -2, 5);
        assertEquals(-2L, mem.readLong(300));
        laneOp(mem, V128_STORE8_LANE, 9, null).call(400, 0, 0xAB00);
        assertEquals((byte) 0xAB, mem.readByte(400));
        assertThrows(TrapException.class, () -> laneOp(mem, V128_STORE64_LANE, 1, null).call(65529, 0, 0));
    }

    @Test
    void i64Lanes_extractAfterLoad() {
        Memory mem = Memory.create(1);
        mem.writeLong(16, -5);
        WasmBuilder b = new WasmBuilder();
        b.importMemory("env", "mem", Limits.of(1));
        int f = b.func(type(List.of(), List.of(I64)), w -> {
            w.op(I32_CONST).s32(8);
            w.op(V128_LOAD).memarg(4, 0, 0);
            w.op(I64X2_EXTRACT_LANE).u8(1);
        });
        assertEquals(-5L, b.exportFunc("f", f).instantiate(Imports.builder().memory("env", "mem", mem).build())
                .function("f").callLong());
    }
}
