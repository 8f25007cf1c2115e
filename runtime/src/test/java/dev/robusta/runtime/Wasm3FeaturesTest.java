package dev.robusta.runtime;

import static dev.robusta.runtime.WasmBuilder.I32;
import static dev.robusta.runtime.WasmBuilder.I64;
import static dev.robusta.runtime.WasmBuilder.type;
import static dev.robusta.wasm.Opcode.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.robusta.wasm.ExternKind;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.Limits;
import dev.robusta.wasm.MemoryType;
import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;
import dev.robusta.wasm.ValType;
import org.junit.jupiter.api.Test;

import java.util.List;

/** The WebAssembly 3.0 features the interpreter runs besides 2.0: multiple memories, tail calls, typed function references. */
class Wasm3FeaturesTest {
    private static final RuntimeConfig V3 = RuntimeConfig.DEFAULT.withFeatures(Features.V3);
    private static final FuncType I32_TO_I32 = type(List.of(I32), List.of(I32));

    @Test
    void multipleMemories_loadsStoresSizeGrowCopyFill() {
        WasmBuilder b = new WasmBuilder();
        b.memory(Limits.of(1));
        b.memory(Limits.of(2, 4));
        int f = b.func(type(List.of(), List.of(I32)), w -> {
            w.op(I32_CONST).s32(8);
            w.op(I32_CONST).s32(0x1234_5678);
            w.op(I32_STORE).memarg(2, 1, 0);          // memory 1 [8] = 0x12345678
            w.op(I32_CONST).s32(0);
            w.op(I32_CONST).s32(8);
            w.op(I32_CONST).s32(4);
            w.op(MEMORY_COPY).u32(0).u32(1);           // memory 0 [0..4) = memory 1 [8..12)
            w.op(I32_CONST).s32(16);
            w.op(I32_CONST).s32(0xAB);
            w.op(I32_CONST).s32(2);
            w.op(MEMORY_FILL).u32(1);                  // memory 1 [16..18) = 0xAB
            w.op(I32_CONST).s32(1);
            w.op(MEMORY_GROW).u32(1);                  // 2 -> 3 pages, returns 2
            w.op(MEMORY_SIZE).u32(1);
            w.op(I32_ADD);                             // 2 + 3
            w.op(I32_CONST).s32(0);
            w.op(I32_LOAD).memarg(2, 0, 0);            // from memory 0
            w.op(I32_CONST).s32(0x1234_5678 - 5);
            w.op(I32_SUB);
            w.op(I32_ADD);                             // 5 + 5 = 10
        });
        Instance inst = b.exportFunc("f", f).export("m1", ExternKind.MEMORY, 1).build(V3).instantiate();
        assertEquals(10, inst.function("f").callInt());
        Memory m1 = inst.memory("m1");
        assertEquals(3, m1.size());
        assertEquals((short) 0xABAB, m1.readShort(16));
        assertThrows(IllegalArgumentException.class, () -> inst.memory("m0"));
    }

    @Test
    void memory64_addressesAreU64AndNeverWrap() {
        WasmBuilder b = new WasmBuilder();
        b.m.memories().add(new MemoryType(new Limits(1, 3, true, true, false)));
        int load = b.func(type(List.of(I64), List.of(I32)), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(I32_LOAD8_U).memarg(0, 0, 1);
        });
        int store = b.func(type(List.of(I64, I32), List.of()), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(LOCAL_GET).u32(1);
            w.op(I32_STORE).memarg(2, 0, 0);
        });
        int grow = b.func(type(List.of(I64), List.of(I64)), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(MEMORY_GROW).u32(0);
        });
        int fill = b.func(type(List.of(I64, I64), List.of()), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(I32_CONST).s32(7);
            w.op(LOCAL_GET).u32(1);
            w.op(MEMORY_FILL).u32(0);
        });
        Instance inst = b.exportFunc("load", load).exportFunc("store", store).exportFunc("grow", grow)
                .exportFunc("fill", fill).export("mem", ExternKind.MEMORY, 0).build(V3).instantiate();
        inst.function("store").callVoid(100, 0x0102_0304);
        assertEquals(3, inst.function("load").callInt(100));
        assertEquals(Trap.OUT_OF_BOUNDS_MEMORY_ACCESS,
                assertThrows(TrapException.class, () -> inst.function("load").callInt(0x1_0000_0000L + 99)).trap(),
                "a 64-bit address is not truncated to 32 bits");
        assertThrows(TrapException.class, () -> inst.function("load").callInt(-1));
        assertThrows(TrapException.class, () -> inst.function("store").callVoid(0x7FFF_FFFF_FFFF_FFFFL, 0));
        assertEquals(1L, inst.function("grow").callLong(1));
        assertEquals(-1L, inst.function("grow").callLong(0x1_0000_0001L));
        assertEquals(-1L, inst.function("grow").callLong(5));
        inst.function("fill").callVoid(65536, 3);
        assertEquals(0x0007_0707, inst.memory("mem").readInt(65536));
        assertThrows(TrapException.class, () -> inst.function("fill").callVoid(0, 0x1_0000_0000L));
        assertEquals(true, inst.memory("mem").type().limits().is64());
        Memory plain = Memory.create(1, 3);
        WasmBuilder importer = new WasmBuilder();
        importer.m.addImport(new dev.robusta.wasm.Import("env", "m", new MemoryType(new Limits(1, 3, true, true, false))));
        assertThrows(dev.robusta.wasm.LinkException.class, () -> importer.build(V3)
                .instantiate(Imports.builder().memory("env", "m", plain).build()), "address types must match");
    }

    @Test
    void table64_indicesAreU64() {
        WasmBuilder b = new WasmBuilder();
        b.m.tables().add(new dev.robusta.wasm.Table(new dev.robusta.wasm.TableType(ValType.FUNCREF,
                new Limits(2, 0, false, true, false)), null));
        int get = b.func(type(List.of(I64), List.of(I32)), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(TABLE_GET).u32(0);
            w.op(REF_IS_NULL);
        });
        int size = b.func(type(List.of(), List.of(I64)), w -> w.op(TABLE_SIZE).u32(0));
        Instance inst = b.exportFunc("get", get).exportFunc("size", size).build(V3).instantiate();
        assertEquals(1, inst.function("get").callInt(1));
        assertEquals(2L, inst.function("size").callLong());
        assertEquals(Trap.OUT_OF_BOUNDS_TABLE_ACCESS,
                assertThrows(TrapException.class, () -> inst.function("get").callInt(0x1_0000_0000L)).trap());
    }

    /** count(n, acc) = n == 0 ? acc : return_call count(n - 1, acc + 1): a loop in constant frame depth. */
    @Test
    void returnCall_runsInConstantDepth() {
        WasmBuilder b = new WasmBuilder();
        FuncType t = type(List.of(I32, I64), List.of(I64));
        int count = b.func(t, w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(I32_EQZ);
            w.op(IF).blockTypeEmpty();
            w.op(LOCAL_GET).u32(1);
            w.op(RETURN);
            w.op(END);
            w.op(LOCAL_GET).u32(0);
            w.op(I32_CONST).s32(1);
            w.op(I32_SUB);
            w.op(LOCAL_GET).u32(1);
            w.op(I64_CONST).s64(1);
            w.op(I64_ADD);
            w.op(RETURN_CALL).u32(0);
        });
        Instance inst = b.exportFunc("count", count).build(V3.withMaxCallDepth(50)).instantiate();
        assertEquals(1_000_000L, inst.function("count").callLong(1_000_000, 0));
    }

    @Test
    void returnCallIndirectAndHostTailCall() {
        WasmBuilder b = new WasmBuilder();
        int host = b.importFunc("env", "double", I32_TO_I32);
        int plusOne = b.func(I32_TO_I32, w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(I32_CONST).s32(1);
            w.op(I32_ADD);
        });
        b.table(ValType.FUNCREF, Limits.of(1));
        b.elem(0, 0, plusOne);
        int typeIdx = b.typeIdx(I32_TO_I32);
        int viaTable = b.func(I32_TO_I32, w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(I32_CONST).s32(0);
            w.op(RETURN_CALL_INDIRECT).u32(typeIdx).u32(0);
        });
        int viaHost = b.func(I32_TO_I32, w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(RETURN_CALL).u32(host);
        });
        Instance inst = b.exportFunc("viaTable", viaTable).exportFunc("viaHost", viaHost).build(V3)
                .instantiate(Imports.builder().function("env", "double", I32_TO_I32,
                        (c, a) -> new Object[] {(Integer) a[0] * 2}).build());
        assertEquals(42, inst.function("viaTable").callInt(41));
        assertEquals(42, inst.function("viaHost").callInt(21));
    }

    @Test
    void typedFunctionReferences_callRefAndNullChecks() {
        WasmBuilder b = new WasmBuilder();
        int typeIdx = b.typeIdx(I32_TO_I32);
        ValType ref = ValType.ref(true, typeIdx);
        int square = b.func(I32_TO_I32, w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(LOCAL_GET).u32(0);
            w.op(I32_MUL);
        });
        b.declarativeElem(square);
        // apply(x, useNull): call_ref on square or on null
        int apply = b.func(type(List.of(I32, I32), List.of(I32)), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(LOCAL_GET).u32(1);
            w.op(IF).blockType(ref);
            w.op(REF_NULL).heapType(typeIdx);
            w.op(ELSE);
            w.op(REF_FUNC).u32(square);
            w.op(END);
            w.op(CALL_REF).u32(typeIdx);
        });
        // orMinus(useNull): br_on_null to a block yielding -1, else call the reference on 5
        int orMinus = b.func(I32_TO_I32, w -> {
            w.op(BLOCK).blockType(I32);
            w.op(I32_CONST).s32(5);
            w.op(LOCAL_GET).u32(0);
            w.op(IF).blockType(ref);
            w.op(REF_NULL).heapType(typeIdx);
            w.op(ELSE);
            w.op(REF_FUNC).u32(square);
            w.op(END);
            w.op(BR_ON_NULL).u32(0);
            w.op(CALL_REF).u32(typeIdx);
            w.op(RETURN);
            w.op(END);
            w.op(DROP);
            w.op(I32_CONST).s32(-1);
        });
        int nonNull = b.func(I32_TO_I32, w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(IF).blockType(ref);
            w.op(REF_NULL).heapType(typeIdx);
            w.op(ELSE);
            w.op(REF_FUNC).u32(square);
            w.op(END);
            w.op(REF_AS_NON_NULL);
            w.op(DROP);
            w.op(I32_CONST).s32(1);
        });
        Instance inst = b.exportFunc("apply", apply).exportFunc("orMinus", orMinus).exportFunc("nonNull", nonNull)
                .build(V3).instantiate();
        assertEquals(49, inst.function("apply").callInt(7, 0));
        TrapException e = assertThrows(TrapException.class, () -> inst.function("apply").callInt(7, 1));
        assertEquals(Trap.NULL_FUNCTION_REFERENCE, e.trap());
        assertEquals(25, inst.function("orMinus").callInt(0));
        assertEquals(-1, inst.function("orMinus").callInt(1));
        assertEquals(1, inst.function("nonNull").callInt(0));
        assertEquals(Trap.NULL_REFERENCE, assertThrows(TrapException.class, () -> inst.function("nonNull").callInt(1)).trap());
    }

    @Test
    void brOnNonNull_carriesTheReference() {
        WasmBuilder b = new WasmBuilder();
        int typeIdx = b.typeIdx(I32_TO_I32);
        ValType ref = ValType.ref(true, typeIdx);
        ValType nonNullRef = ValType.ref(false, typeIdx);
        int inc = b.func(I32_TO_I32, w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(I32_CONST).s32(1);
            w.op(I32_ADD);
        });
        b.declarativeElem(inc);
        int blockType = b.typeIdx(type(List.of(), List.of(I32, nonNullRef)));
        // (block [i32 (ref $t)] (i32.const 10) (ref-or-null) (br_on_non_null 0) (drop) (return 0)) (call_ref)
        int f = b.func(I32_TO_I32, w -> {
            w.op(BLOCK).blockTypeIndex(blockType);
            w.op(I32_CONST).s32(10);
            w.op(LOCAL_GET).u32(0);
            w.op(IF).blockType(ref);
            w.op(REF_NULL).heapType(typeIdx);
            w.op(ELSE);
            w.op(REF_FUNC).u32(inc);
            w.op(END);
            w.op(BR_ON_NON_NULL).u32(0);
            w.op(DROP);
            w.op(I32_CONST).s32(0);
            w.op(RETURN);
            w.op(END);
            w.op(CALL_REF).u32(typeIdx);
        });
        Instance inst = b.exportFunc("f", f).build(V3).instantiate();
        assertEquals(11, inst.function("f").callInt(0));
        assertEquals(0, inst.function("f").callInt(1));
    }

    @Test
    void wideArithmetic_128BitAddSubAndWideProducts() {
        RuntimeConfig all = RuntimeConfig.DEFAULT.withFeatures(Features.ALL);
        Function add = Instructions.ofConfig(I64_ADD128, List.of(I64, I64, I64, I64), List.of(I64, I64), all);
        assertArrayEqualsLongs(new long[] {0, 1}, add.call(-1, 0, 1, 0), "carry into the high half");
        Function sub = Instructions.ofConfig(I64_SUB128, List.of(I64, I64, I64, I64), List.of(I64, I64), all);
        assertArrayEqualsLongs(new long[] {-1, -1}, sub.call(0, 0, 1, 0), "borrow from the high half");
        Function mulU = Instructions.ofConfig(I64_MUL_WIDE_U, List.of(I64, I64), List.of(I64, I64), all);
        assertArrayEqualsLongs(new long[] {1, -2}, mulU.call(-1, -1), "(2^64-1)^2 = 2^128 - 2^65 + 1");
        Function mulS = Instructions.ofConfig(I64_MUL_WIDE_S, List.of(I64, I64), List.of(I64, I64), all);
        assertArrayEqualsLongs(new long[] {1, 0}, mulS.call(-1, -1), "(-1)(-1) = 1");
        assertArrayEqualsLongs(new long[] {Long.MIN_VALUE, -1}, mulS.call(Long.MIN_VALUE, 1), "sign-extended");
    }

    private static void assertArrayEqualsLongs(long[] expected, long[] actual, String message) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, message);
    }

    /** On the interpreter: the compiler engine does not handle custom page sizes yet. */
    @Test
    void customPageSizes_onePageIsOneByte() {
        WasmBuilder b = new WasmBuilder();
        b.m.memories().add(new MemoryType(Limits.of(3, 10), 0));
        int size = b.func(type(List.of(), List.of(I32)), w -> w.op(MEMORY_SIZE).u8(0));
        int grow = b.func(I32_TO_I32, w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(MEMORY_GROW).u8(0);
        });
        int load = b.func(I32_TO_I32, w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(I32_LOAD8_U).memarg(0, 0, 0);
        });
        Instance inst = b.exportFunc("size", size).exportFunc("grow", grow).exportFunc("load", load)
                .export("mem", ExternKind.MEMORY, 0)
                .build(RuntimeConfig.DEFAULT.withFeatures(Features.ALL).withEngine(EngineKind.INTERPRETER)).instantiate();
        assertEquals(3, inst.function("size").callInt());
        assertEquals(0, inst.function("load").callInt(2));
        assertThrows(TrapException.class, () -> inst.function("load").callInt(3));
        assertEquals(3, inst.function("grow").callInt(4));
        assertEquals(7, inst.memory("mem").byteSize());
        assertEquals(-1, inst.function("grow").callInt(4), "the declared maximum is 10 one-byte pages");
        assertEquals(0, inst.memory("mem").type().pageSizeLog2());
    }
}
