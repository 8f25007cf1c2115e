package dev.robusta.runtime;

import static dev.robusta.runtime.WasmBuilder.I32;
import static dev.robusta.runtime.WasmBuilder.I64;
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

import java.nio.charset.StandardCharsets;
import java.util.List;

class MemoryTest {
    /** An instance with one page of memory exported as "mem" and load/store helpers "load"/"store" of {@code op}. */
    private static Instance loadStore(Opcode load, ValType loadType, Opcode store, ValType storeType, int offset) {
        WasmBuilder b = new WasmBuilder();
        b.memory(Limits.of(1, 2));
        int l = b.func(type(List.of(I32), List.of(loadType)), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(load).memarg(0, 0, Integer.toUnsignedLong(offset));
        });
        int s = b.func(type(List.of(I32, storeType), List.of()), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(LOCAL_GET).u32(1);
            w.op(store).memarg(0, 0, Integer.toUnsignedLong(offset));
        });
        return b.exportFunc("load", l).exportFunc("store", s).export("mem", ExternKind.MEMORY, 0).instantiate();
    }

    private static void assertOutOfBounds(Runnable r) {
        TrapException e = assertThrows(TrapException.class, r::run);
        assertEquals(Trap.OUT_OF_BOUNDS_MEMORY_ACCESS, e.trap());
        assertEquals("out of bounds memory access", e.getMessage());
    }

    @Test
    void storeAndLoad_littleEndianWithSignAndZeroExtension() {
        Instance inst = loadStore(I32_LOAD8_S, I32, I32_STORE, I32, 0);
        inst.function("store").callVoid(8, 0x8081_8283L);
        Memory mem = inst.memory("mem");
        assertArrayEquals(new byte[] {(byte) 0x83, (byte) 0x82, (byte) 0x81, (byte) 0x80}, mem.readBytes(8, 4));
        assertEquals(-125, inst.function("load").callInt(8));
        assertEquals(0x83, loadWith(mem, I32_LOAD8_U, I32).callInt(8));
        assertEquals(0x8283, loadWith(mem, I32_LOAD16_U, I32).callInt(8));
        assertEquals((short) 0x8283, loadWith(mem, I32_LOAD16_S, I32).callInt(8));
        assertEquals(0x8081_8283L, loadWith(mem, I64_LOAD32_U, I64).callLong(8));
        assertEquals((long) 0x8081_8283, loadWith(mem, I64_LOAD32_S, I64).callLong(8));
        assertEquals(-125L, loadWith(mem, I64_LOAD8_S, I64).callLong(8));
        assertEquals(0x8283L, loadWith(mem, I64_LOAD16_U, I64).callLong(8));
    }

    /** A function loading from an imported memory. */
    private static Function loadWith(Memory mem, Opcode load, ValType t) {
        WasmBuilder b = new WasmBuilder();
        b.importMemory("env", "mem", Limits.of(1));
        int f = b.func(type(List.of(I32), List.of(t)), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(load).memarg(0, 0, 0);
        });
        return b.exportFunc("f", f).instantiate(Imports.builder().memory("env", "mem", mem).build()).function("f");
    }

    @Test
    void narrowStores_writeOnlyTheirBytes() {
        Instance inst = loadStore(I64_LOAD, I64, I64_STORE, I64, 0);
        inst.function("store").callVoid(0, -1);
        Memory mem = inst.memory("mem");
        storeWith(mem, I64_STORE16, I64).callVoid(2, 0x1234);
        storeWith(mem, I32_STORE8, I32).callVoid(7, 0);
        assertEquals(0x00FF_FFFF_1234_FFFFL, inst.function("load").callLong(0));
    }

    private static Function storeWith(Memory mem, Opcode store, ValType t) {
        WasmBuilder b = new WasmBuilder();
        b.importMemory("env", "mem", Limits.of(1));
        int f = b.func(type(List.of(I32, t), List.of()), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(LOCAL_GET).u32(1);
            w.op(store).memarg(0, 0, 0);
        });
        return b.exportFunc("f", f).instantiate(Imports.builder().memory("env", "mem", mem).build()).function("f");
    }

    @Test
    void outOfBounds_lastBytesAndUnsignedEffectiveAddress() {
        Instance inst = loadStore(I32_LOAD, I32, I32_STORE, I32, 0);
        Function load = inst.function("load");
        assertEquals(0, load.callInt(65532));
        assertOutOfBounds(() -> load.callInt(65533));
        assertOutOfBounds(() -> load.callInt(-1));
        assertOutOfBounds(() -> inst.function("store").callVoid(65534, 1));
        // address 0xFFFFFFFF + offset 1 would wrap to 0 in 32 bits: it must trap
        Instance withOffset = loadStore(I32_LOAD8_U, I32, I32_STORE8, I32, 1);
        assertOutOfBounds(() -> withOffset.function("load").callInt(0xFFFF_FFFFL));
        Instance bigOffset = loadStore(I32_LOAD8_U, I32, I32_STORE8, I32, 0xFFFF_FFFF);
        assertOutOfBounds(() -> bigOffset.function("load").callInt(1));
    }

    @Test
    void sizeAndGrow_returnOldSizeOrMinusOne() {
        WasmBuilder b = new WasmBuilder();
        b.memory(Limits.of(1, 3));
        int grow = b.func(type(List.of(I32), List.of(I32)), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(MEMORY_GROW).u8(0);
        });
        int size = b.func(type(List.of(), List.of(I32)), w -> w.op(MEMORY_SIZE).u8(0));
        int load = b.func(type(List.of(I32), List.of(I32)), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(I32_LOAD).memarg(2, 0, 0);
        });
        Instance inst = b.exportFunc("grow", grow).exportFunc("size", size).exportFunc("load", load)
                .export("mem", ExternKind.MEMORY, 0).instantiate();
        assertEquals(1, inst.function("grow").callInt(1));
        assertEquals(2, inst.function("size").callInt());
        assertEquals(0, inst.function("load").callInt(2 * 65536 - 4), "new pages are zero and accessible");
        assertEquals(-1, inst.function("grow").callInt(2));
        assertEquals(-1, inst.function("grow").callInt(-1));
        assertEquals(2, inst.function("grow").callInt(0));
        assertEquals(2, inst.memory("mem").grow(1));
        assertEquals(3, inst.function("size").callInt());
    }

    @Test
    void bulkMemory_fillCopyInitAndDataDrop() {
        WasmBuilder b = new WasmBuilder();
        b.memory(Limits.of(1));
        b.passiveData("hello".getBytes(StandardCharsets.US_ASCII));
        b.m.setDataCount(1);
        int fill = b.func(type(List.of(I32, I32, I32), List.of()), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(LOCAL_GET).u32(1);
            w.op(LOCAL_GET).u32(2);
            w.op(MEMORY_FILL).u8(0);
        });
        int copy = b.func(type(List.of(I32, I32, I32), List.of()), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(LOCAL_GET).u32(1);
            w.op(LOCAL_GET).u32(2);
            w.op(MEMORY_COPY).u8(0).u8(0);
        });
        int init = b.func(type(List.of(I32, I32, I32), List.of()), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(LOCAL_GET).u32(1);
            w.op(LOCAL_GET).u32(2);
            w.op(MEMORY_INIT).u32(0).u8(0);
        });
        int drop = b.func(type(List.of(), List.of()), w -> w.op(DATA_DROP).u32(0));
        Instance inst = b.exportFunc("fill", fill).exportFunc("copy", copy).exportFunc("init", init)
                .exportFunc("drop", drop).export("mem", ExternKind.MEMORY, 0).instantiate();
        Memory mem = inst.memory("mem");
        inst.function("init").callVoid(10, 1, 4);
        assertEquals("ello", mem.readString(10, 4));
        inst.function("copy").callVoid(11, 10, 4);
        assertEquals("eello", mem.readString(10, 5), "overlapping copy moves as if through a buffer");
        inst.function("copy").callVoid(10, 11, 4);
        assertEquals("elloo", mem.readString(10, 5));
        inst.function("fill").callVoid(12, 'x', 2);
        assertEquals("elxxo", mem.readString(10, 5));
        assertOutOfBounds(() -> inst.function("fill").callVoid(65535, 0, 2));
        assertOutOfBounds(() -> inst.function("copy").callVoid(0, 65535, 2));
        assertOutOfBounds(() -> inst.function("init").callVoid(0, 2, 4));
        inst.function("init").callVoid(65536, 5, 0);
        inst.function("drop").callVoid();
        inst.function("init").callVoid(0, 0, 0);
        assertOutOfBounds(() -> inst.function("init").callVoid(0, 0, 1));
        assertEquals('e', mem.readByte(10));
    }

    @Test
    void memoryApi_readsWritesAndTrapsOutOfRange() {
        Memory mem = Memory.create(1, 2);
        mem.writeInt(0, 0x0102_0304);
        assertEquals(0x04, mem.readByte(0));
        assertEquals(0x0304, mem.readShort(0));
        mem.writeLong(8, Long.MIN_VALUE);
        assertEquals(Long.MIN_VALUE, mem.readLong(8));
        mem.writeDouble(16, 2.5);
        assertEquals(2.5, mem.readDouble(16));
        mem.writeFloat(24, -1.5f);
        assertEquals(-1.5f, mem.readFloat(24));
        assertEquals(6, mem.writeString(32, "héllo"));
        assertEquals("héllo", mem.readString(32, 6));
        mem.fill(100, (byte) 7, 3);
        assertArrayEquals(new byte[] {7, 7, 7, 0}, mem.readBytes(100, 4));
        assertEquals(65536, mem.byteSize());
        assertEquals(2, mem.maximum());
        assertOutOfBounds(() -> mem.readInt(65533));
        assertOutOfBounds(() -> mem.writeByte(-1, (byte) 0));
        assertOutOfBounds(() -> mem.readBytes(65530, 7));
        assertEquals(1, mem.grow(1));
        assertEquals(-1, mem.grow(1));
        assertEquals(2, mem.type().limits().min());
    }
}
