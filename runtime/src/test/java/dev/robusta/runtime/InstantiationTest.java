package dev.robusta.runtime;

import static dev.robusta.runtime.WasmBuilder.FUNCREF;
import static dev.robusta.runtime.WasmBuilder.I32;
import static dev.robusta.runtime.WasmBuilder.I64;
import static dev.robusta.runtime.WasmBuilder.type;
import static dev.robusta.wasm.Opcode.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.CustomSection;
import dev.robusta.wasm.ExternKind;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.GlobalType;
import dev.robusta.wasm.Limits;
import dev.robusta.wasm.MemoryType;
import dev.robusta.wasm.TableType;
import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;
import dev.robusta.wasm.binary.BinaryEncoder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

class InstantiationTest {
    private static final FuncType VOID = type(List.of(), List.of());

    @Test
    void globals_initialisedInOrderFromImportsAndConstants() {
        WasmBuilder b = new WasmBuilder();
        int imported = b.importGlobal("env", "base", I32, false);
        int g1 = b.global(I32, false, w -> w.op(GLOBAL_GET).u32(imported));
        int g2 = b.global(I64, true, w -> w.op(I64_CONST).s64(-7));
        Instance inst = b.export("g1", ExternKind.GLOBAL, g1).export("g2", ExternKind.GLOBAL, g2)
                .instantiate(Imports.builder().global("env", "base", Global.create(new GlobalType(I32, false), 40)).build());
        assertEquals(40, inst.global("g1").get());
        assertEquals(-7L, inst.global("g2").get());
        assertThrows(IllegalStateException.class, () -> inst.global("g1").set(1));
        inst.global("g2").setLong(3);
        assertEquals(3L, inst.global("g2").getLong());
    }

    @Test
    void extendedConstantExpressions_underV3() {
        WasmBuilder b = new WasmBuilder();
        int g = b.global(I32, false, w -> {
            w.op(I32_CONST).s32(6);
            w.op(I32_CONST).s32(7);
            w.op(I32_MUL);
            w.op(I32_CONST).s32(2);
            w.op(I32_SUB);
        });
        assertThrows(CompileException.class, () -> b.build(RuntimeConfig.DEFAULT));
        Instance inst = b.export("g", ExternKind.GLOBAL, g).build(RuntimeConfig.DEFAULT.withFeatures(Features.V3)).instantiate();
        assertEquals(40, inst.global("g").get());
    }

    @Test
    void segments_elementsThenDataInOrder_trapLeavesEarlierWrites() {
        Table table = Table.create(new TableType(FUNCREF, Limits.of(2)));
        Memory memory = Memory.create(1);
        WasmBuilder b = new WasmBuilder();
        b.importTable("env", "t", FUNCREF, Limits.of(2));
        b.importMemory("env", "m", Limits.of(1));
        int f = b.func(VOID, w -> { });
        b.elem(0, 0, f);
        b.data(0, new byte[] {1, 2});
        b.data(65535, new byte[] {3, 4});
        b.data(4, new byte[] {5});
        Imports imports = Imports.builder().table("env", "t", table).memory("env", "m", memory).build();
        TrapException e = assertThrows(TrapException.class, () -> b.build().instantiate(imports));
        assertEquals(Trap.OUT_OF_BOUNDS_MEMORY_ACCESS, e.trap());
        assertTrue(table.get(0) instanceof Function, "the element segment ran before the data segments");
        assertArrayEquals(new byte[] {1, 2}, memory.readBytes(0, 2));
        assertEquals(0, memory.readByte(65535), "the failing segment wrote nothing");
        assertEquals(0, memory.readByte(4), "segments after the failing one did not run");
    }

    @Test
    void elementSegmentOutOfBounds_trapsWithTableMessage() {
        WasmBuilder b = new WasmBuilder();
        int f = b.func(VOID, w -> { });
        b.table(FUNCREF, Limits.of(1));
        b.elem(0, 1, f);
        TrapException e = assertThrows(TrapException.class, () -> b.build().instantiate());
        assertEquals("out of bounds table access", e.getMessage());
    }

    @Test
    void startFunction_runsLastAndItsTrapFailsInstantiation() {
        List<String> log = new ArrayList<>();
        WasmBuilder b = new WasmBuilder();
        int hostLog = b.importFunc("env", "log", type(List.of(I32), List.of()));
        b.memory(Limits.of(1));
        b.data(0, new byte[] {9});
        int start = b.func(VOID, w -> {
            w.op(I32_CONST).s32(0);
            w.op(I32_LOAD8_U).memarg(0, 0, 0);
            w.op(CALL).u32(hostLog);
        });
        b.start(start);
        Imports imports = Imports.builder().function("env", "log", type(List.of(I32), List.of()), (c, a) -> {
            log.add("start saw " + a[0]);
            return HostFunction.NO_RESULTS;
        }).build();
        b.build().instantiate(imports);
        assertEquals(List.of("start saw 9"), log);

        WasmBuilder t = new WasmBuilder();
        t.start(t.func(VOID, w -> w.op(UNREACHABLE)));
        TrapException e = assertThrows(TrapException.class, () -> t.build().instantiate());
        assertEquals(Trap.UNREACHABLE, e.trap());
    }

    @Test
    void declarativeSegment_isDroppedPassiveIsKept() {
        WasmBuilder b = new WasmBuilder();
        int f = b.func(VOID, w -> { });
        b.table(FUNCREF, Limits.of(2));
        b.declarativeElem(f);
        b.passiveElem(f);
        FuncType init = type(List.of(I32), List.of());
        int initDeclared = b.func(init, w -> {
            w.op(I32_CONST).s32(0);
            w.op(I32_CONST).s32(0);
            w.op(LOCAL_GET).u32(0);
            w.op(TABLE_INIT).u32(0).u32(0);
        });
        int initPassive = b.func(init, w -> {
            w.op(I32_CONST).s32(0);
            w.op(I32_CONST).s32(0);
            w.op(LOCAL_GET).u32(0);
            w.op(TABLE_INIT).u32(1).u32(0);
        });
        Instance inst = b.exportFunc("declared", initDeclared).exportFunc("passive", initPassive)
                .export("t", ExternKind.TABLE, 0).instantiate();
        inst.function("declared").callVoid(0);
        assertThrows(TrapException.class, () -> inst.function("declared").callVoid(1));
        inst.function("passive").callVoid(1);
        assertTrue(inst.table("t").get(0) instanceof Function);
        assertNull(inst.table("t").get(1));
    }

    @Test
    void binaryModule_descriptorsCustomSectionsAndExports() throws Exception {
        WasmBuilder b = new WasmBuilder();
        int imported = b.importFunc("env", "f", type(List.of(I32), List.of(I64)));
        b.importMemory("env", "m", Limits.of(1, 2));
        int own = b.func(type(List.of(), List.of(I32)), w -> w.op(I32_CONST).s32(1));
        b.exportFunc("own", own).exportFunc("reexported", imported).export("mem", ExternKind.MEMORY, 0);
        b.m.customSections().add(new CustomSection("meta", new byte[] {1, 2, 3}, 0));
        byte[] bytes = BinaryEncoder.encode(b.model());
        assertTrue(WebAssembly.validate(bytes));
        assertFalse(WebAssembly.validate(new byte[] {0, 'a', 's', 'm', 2, 0, 0, 0}));
        Module m = WebAssembly.compileAsync(bytes).get(10, TimeUnit.SECONDS);
        assertEquals(List.of(
                new ImportDescriptor("env", "f", ExternKind.FUNC, type(List.of(I32), List.of(I64))),
                new ImportDescriptor("env", "m", ExternKind.MEMORY, new MemoryType(Limits.of(1, 2)))), m.imports());
        assertEquals(List.of("own", "reexported", "mem"), m.exports().stream().map(ExportDescriptor::name).toList());
        assertEquals(type(List.of(), List.of(I32)), m.exports().get(0).type());
        assertArrayEquals(new byte[] {1, 2, 3}, m.customSections("meta").get(0));
        assertTrue(m.customSections("other").isEmpty());

        Function host = Function.of(type(List.of(I32), List.of(I64)), (c, a) -> new Object[] {(long) (int) a[0] * 2});
        Memory mem = Memory.create(1, 2);
        Instance inst = m.instantiateAsync(Imports.builder().function("env", "f", host).memory("env", "m", mem).build())
                .get(10, TimeUnit.SECONDS);
        assertSame(host, inst.function("reexported"));
        assertSame(mem, inst.memory("mem"));
        assertEquals(List.of("own", "reexported", "mem"), List.copyOf(inst.exports().keySet()));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> inst.function("nope"));
        assertTrue(missing.getMessage().contains("nope"));
        assertThrows(IllegalArgumentException.class, () -> inst.memory("own"));
    }

    @Test
    void malformedBytes_compileExceptionMalformed() {
        CompileException e = assertThrows(CompileException.class, () -> Module.compile(new byte[] {1, 2, 3}));
        assertEquals(CompileException.Kind.MALFORMED, e.kind());
    }
}
