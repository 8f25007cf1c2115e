package dev.robusta.runtime;

import static dev.robusta.runtime.WasmBuilder.FUNCREF;
import static dev.robusta.runtime.WasmBuilder.EXTERNREF;
import static dev.robusta.runtime.WasmBuilder.I32;
import static dev.robusta.runtime.WasmBuilder.I64;
import static dev.robusta.runtime.WasmBuilder.type;
import static dev.robusta.wasm.Opcode.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.wasm.ExternKind;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.GlobalType;
import dev.robusta.wasm.Limits;
import dev.robusta.wasm.LinkException;
import dev.robusta.wasm.TableType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

class LinkingTest {
    private static final FuncType I32_TO_I32 = type(List.of(I32), List.of(I32));

    private static Module importing(Consumer<WasmBuilder> imports) {
        WasmBuilder b = new WasmBuilder();
        imports.accept(b);
        return b.build();
    }

    private static LinkException assertLinkError(String prefix, Module m, Imports imports) {
        LinkException e = assertThrows(LinkException.class, () -> m.instantiate(imports));
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        assertTrue(e.getMessage().contains("\"env\""), e.getMessage());
        return e;
    }

    @Test
    void missingImport_isUnknownImportNamingModuleAndField() {
        Module m = importing(b -> b.importFunc("env", "f", I32_TO_I32));
        LinkException e = assertLinkError("unknown import", m, Imports.EMPTY);
        assertEquals("unknown import \"env\" \"f\"", e.getMessage());
        assertLinkError("unknown import", m, Imports.builder()
                .function("env", "g", I32_TO_I32, (c, a) -> a).build());
    }

    @Test
    void functionImport_signatureMustBeEqual() {
        Module m = importing(b -> b.importFunc("env", "f", I32_TO_I32));
        assertLinkError("incompatible import type", m, Imports.builder()
                .function("env", "f", type(List.of(I64), List.of(I32)), (c, a) -> new Object[] {0}).build());
        assertLinkError("incompatible import type", m, Imports.builder()
                .function("env", "f", type(List.of(I32), List.of()), (c, a) -> HostFunction.NO_RESULTS).build());
        assertLinkError("incompatible import type", m, Imports.builder()
                .memory("env", "f", Memory.create(1)).build());
        m.instantiate(Imports.builder().function("env", "f", I32_TO_I32, (c, a) -> a).build());
    }

    @Test
    void memoryImport_limitsSubtyping() {
        Module m = importing(b -> b.importMemory("env", "m", Limits.of(2, 4)));
        assertLinkError("incompatible import type", m, Imports.builder().memory("env", "m", Memory.create(1, 4)).build());
        assertLinkError("incompatible import type", m, Imports.builder().memory("env", "m", Memory.create(2)).build());
        assertLinkError("incompatible import type", m, Imports.builder().memory("env", "m", Memory.create(2, 5)).build());
        m.instantiate(Imports.builder().memory("env", "m", Memory.create(3, 3)).build());
        Memory grown = Memory.create(1, 4);
        grown.grow(1);
        m.instantiate(Imports.builder().memory("env", "m", grown).build());
        Module noMax = importing(b -> b.importMemory("env", "m", Limits.of(1)));
        noMax.instantiate(Imports.builder().memory("env", "m", Memory.create(1, 2)).build());
    }

    @Test
    void tableImport_elementTypeAndLimits() {
        Module m = importing(b -> b.importTable("env", "t", FUNCREF, Limits.of(2, 10)));
        assertLinkError("incompatible import type", m, Imports.builder()
                .table("env", "t", Table.create(new TableType(EXTERNREF, Limits.of(2, 10)))).build());
        assertLinkError("incompatible import type", m, Imports.builder()
                .table("env", "t", Table.create(new TableType(FUNCREF, Limits.of(1, 10)))).build());
        assertLinkError("incompatible import type", m, Imports.builder()
                .table("env", "t", Table.create(new TableType(FUNCREF, Limits.of(2)))).build());
        m.instantiate(Imports.builder().table("env", "t", Table.create(new TableType(FUNCREF, Limits.of(5, 10)))).build());
    }

    @Test
    void globalImport_typeAndMutabilityMustBeEqual() {
        Module m = importing(b -> b.importGlobal("env", "g", I32, true));
        assertLinkError("incompatible import type", m, Imports.builder()
                .global("env", "g", Global.create(new GlobalType(I32, false), 1)).build());
        assertLinkError("incompatible import type", m, Imports.builder()
                .global("env", "g", Global.create(new GlobalType(I64, true), 1L)).build());
        m.instantiate(Imports.builder().global("env", "g", Global.create(new GlobalType(I32, true), 1)).build());
    }

    @Test
    void immutableGlobalImport_acceptsASubtype_mutableNeedsEquality() {
        Function f = Function.of(type(List.of(), List.of()), (c, a) -> HostFunction.NO_RESULTS);
        dev.robusta.wasm.ValType nonNullFunc = dev.robusta.wasm.ValType.ref(false, dev.robusta.wasm.ValType.HT_FUNC);
        Module immutable = importing(b -> b.importGlobal("env", "g", FUNCREF, false));
        immutable.instantiate(Imports.builder().global("env", "g", Global.create(new GlobalType(nonNullFunc, false), f)).build());
        Module mutable = importing(b -> b.importGlobal("env", "g", FUNCREF, true));
        assertLinkError("incompatible import type", mutable, Imports.builder()
                .global("env", "g", Global.create(new GlobalType(nonNullFunc, true), f)).build());
        assertLinkError("incompatible import type", immutable, Imports.builder()
                .global("env", "g", Global.create(new GlobalType(EXTERNREF, false), null)).build());
    }

    @Test
    void registeredInstance_sharesFunctionsMemoryAndMutableGlobals() {
        WasmBuilder lib = new WasmBuilder();
        lib.memory(Limits.of(1));
        int counter = lib.global(I32, true, w -> w.op(I32_CONST).s32(0));
        int bump = lib.func(I32_TO_I32, w -> {
            w.op(GLOBAL_GET).u32(counter);
            w.op(LOCAL_GET).u32(0);
            w.op(I32_ADD);
            w.op(GLOBAL_SET).u32(counter);
            w.op(GLOBAL_GET).u32(counter);
        });
        Instance libInst = lib.exportFunc("bump", bump).export("mem", ExternKind.MEMORY, 0)
                .export("counter", ExternKind.GLOBAL, counter).instantiate();

        WasmBuilder app = new WasmBuilder();
        int bumpImport = app.importFunc("lib", "bump", I32_TO_I32);
        app.importMemory("lib", "mem", Limits.of(1));
        int g = app.importGlobal("lib", "counter", I32, true);
        int run = app.func(type(List.of(), List.of(I32)), w -> {
            w.op(I32_CONST).s32(0);
            w.op(I32_CONST).s32(42);
            w.op(I32_STORE).memarg(2, 0, 0);
            w.op(I32_CONST).s32(5);
            w.op(CALL).u32(bumpImport);
            w.op(GLOBAL_GET).u32(g);
            w.op(I32_ADD);
        });
        Instance appInst = app.exportFunc("run", run).instantiate(Imports.builder().instance("lib", libInst).build());
        assertEquals(10, appInst.function("run").callInt());
        assertEquals(42, libInst.memory("mem").readInt(0));
        assertEquals(5, libInst.global("counter").get());
        assertEquals(6, libInst.function("bump").callInt(1));
    }
}
