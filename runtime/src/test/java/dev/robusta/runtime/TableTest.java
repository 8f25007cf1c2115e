package dev.robusta.runtime;

import static dev.robusta.runtime.WasmBuilder.EXTERNREF;
import static dev.robusta.runtime.WasmBuilder.FUNCREF;
import static dev.robusta.runtime.WasmBuilder.I32;
import static dev.robusta.runtime.WasmBuilder.I64;
import static dev.robusta.runtime.WasmBuilder.type;
import static dev.robusta.wasm.Opcode.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.robusta.wasm.ExternKind;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.Limits;
import dev.robusta.wasm.TableType;
import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;
import dev.robusta.wasm.ValType;
import org.junit.jupiter.api.Test;

import java.util.List;

class TableTest {
    private static final FuncType TO_I32 = type(List.of(), List.of(I32));

    private static TrapException assertTrap(Trap kind, Runnable r) {
        TrapException e = assertThrows(TrapException.class, r::run);
        assertEquals(kind, e.trap());
        return e;
    }

    @Test
    void callIndirect_dispatchesAndTraps() {
        WasmBuilder b = new WasmBuilder();
        int ten = b.func(TO_I32, w -> w.op(I32_CONST).s32(10));
        int twenty = b.func(TO_I32, w -> w.op(I32_CONST).s32(20));
        int wide = b.func(type(List.of(), List.of(I64)), w -> w.op(I64_CONST).s64(1));
        b.table(FUNCREF, Limits.of(4));
        b.elem(0, 0, ten, twenty);
        b.elem(0, 3, wide);
        int typeIdx = b.typeIdx(TO_I32);
        int call = b.func(type(List.of(I32), List.of(I32)), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(CALL_INDIRECT).u32(typeIdx).u32(0);
        });
        Function f = b.exportFunc("call", call).instantiate().function("call");
        assertEquals(10, f.callInt(0));
        assertEquals(20, f.callInt(1));
        assertEquals("uninitialized element 2", assertTrap(Trap.UNINITIALIZED_ELEMENT, () -> f.callInt(2)).getMessage());
        assertEquals("indirect call type mismatch",
                assertTrap(Trap.INDIRECT_CALL_TYPE_MISMATCH, () -> f.callInt(3)).getMessage());
        assertEquals("undefined element 4", assertTrap(Trap.UNDEFINED_ELEMENT, () -> f.callInt(4)).getMessage());
        assertTrap(Trap.UNDEFINED_ELEMENT, () -> f.callInt(-1));
    }

    @Test
    void callIndirect_structurallyEqualTypeFromAnotherModule_matches() {
        WasmBuilder lib = new WasmBuilder();
        int seven = lib.func(TO_I32, w -> w.op(I32_CONST).s32(7));
        Instance libInst = lib.exportFunc("seven", seven).instantiate();
        Table table = Table.create(new TableType(FUNCREF, Limits.of(1)));
        table.set(0, libInst.function("seven"));

        WasmBuilder b = new WasmBuilder();
        b.importTable("env", "t", FUNCREF, Limits.of(1));
        b.typeIdx(type(List.of(I64), List.of()));
        int typeIdx = b.typeIdx(TO_I32);
        int call = b.func(TO_I32, w -> {
            w.op(I32_CONST).s32(0);
            w.op(CALL_INDIRECT).u32(typeIdx).u32(0);
        });
        Instance inst = b.exportFunc("call", call).instantiate(Imports.builder().table("env", "t", table).build());
        assertEquals(7, inst.function("call").callInt());
    }

    @Test
    void tableInstructions_growSizeFillGetSet() {
        WasmBuilder b = new WasmBuilder();
        b.table(EXTERNREF, Limits.of(2, 5));
        int grow = b.func(type(List.of(EXTERNREF, I32), List.of(I32)), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(LOCAL_GET).u32(1);
            w.op(TABLE_GROW).u32(0);
        });
        int size = b.func(TO_I32, w -> w.op(TABLE_SIZE).u32(0));
        int fill = b.func(type(List.of(I32, EXTERNREF, I32), List.of()), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(LOCAL_GET).u32(1);
            w.op(LOCAL_GET).u32(2);
            w.op(TABLE_FILL).u32(0);
        });
        int get = b.func(type(List.of(I32), List.of(EXTERNREF)), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(TABLE_GET).u32(0);
        });
        int set = b.func(type(List.of(I32, EXTERNREF), List.of()), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(LOCAL_GET).u32(1);
            w.op(TABLE_SET).u32(0);
        });
        int isNull = b.func(type(List.of(I32), List.of(I32)), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(TABLE_GET).u32(0);
            w.op(REF_IS_NULL);
        });
        Instance inst = b.exportFunc("grow", grow).exportFunc("size", size).exportFunc("fill", fill)
                .exportFunc("get", get).exportFunc("set", set).exportFunc("isNull", isNull)
                .export("t", ExternKind.TABLE, 0).instantiate();
        Object a = "a";
        Object c = new Object();
        assertArrayEquals(new Object[] {2}, inst.function("grow").apply(a, 2));
        assertEquals(4, inst.function("size").callInt());
        assertEquals(-1, (int) inst.function("grow").apply(a, 2)[0]);
        assertSame(a, inst.function("get").apply(3)[0]);
        assertEquals(1, inst.function("isNull").callInt(0));
        inst.function("fill").apply(1, c, 2);
        assertSame(c, inst.table("t").get(2));
        assertSame(a, inst.table("t").get(3));
        inst.function("set").apply(0, null);
        assertNull(inst.function("get").apply(0)[0]);
        assertTrap(Trap.OUT_OF_BOUNDS_TABLE_ACCESS, () -> inst.function("get").apply(4));
        assertTrap(Trap.OUT_OF_BOUNDS_TABLE_ACCESS, () -> inst.function("fill").apply(3, c, 2));
        assertTrap(Trap.OUT_OF_BOUNDS_TABLE_ACCESS, () -> inst.function("set").apply(-1, c));
    }

    @Test
    void tableInitCopyAndElemDrop() {
        WasmBuilder b = new WasmBuilder();
        int one = b.func(TO_I32, w -> w.op(I32_CONST).s32(1));
        int two = b.func(TO_I32, w -> w.op(I32_CONST).s32(2));
        b.table(FUNCREF, Limits.of(4));
        b.passiveElem(one, two);
        FuncType iii = type(List.of(I32, I32, I32), List.of());
        int init = b.func(iii, w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(LOCAL_GET).u32(1);
            w.op(LOCAL_GET).u32(2);
            w.op(TABLE_INIT).u32(0).u32(0);
        });
        int copy = b.func(iii, w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(LOCAL_GET).u32(1);
            w.op(LOCAL_GET).u32(2);
            w.op(TABLE_COPY).u32(0).u32(0);
        });
        int drop = b.func(type(List.of(), List.of()), w -> w.op(ELEM_DROP).u32(0));
        Instance inst = b.exportFunc("init", init).exportFunc("copy", copy).exportFunc("drop", drop)
                .export("t", ExternKind.TABLE, 0).export("one", ExternKind.FUNC, one).instantiate();
        Table t = inst.table("t");
        inst.function("init").callVoid(1, 0, 2);
        assertSame(inst.function("one"), t.get(1));
        assertEquals(2, ((Function) t.get(2)).callInt());
        inst.function("copy").callVoid(2, 1, 2);
        assertEquals(1, ((Function) t.get(2)).callInt());
        assertEquals(2, ((Function) t.get(3)).callInt());
        assertTrap(Trap.OUT_OF_BOUNDS_TABLE_ACCESS, () -> inst.function("init").callVoid(3, 0, 2));
        assertTrap(Trap.OUT_OF_BOUNDS_TABLE_ACCESS, () -> inst.function("copy").callVoid(0, 3, 2));
        inst.function("drop").callVoid();
        inst.function("init").callVoid(4, 0, 0);
        assertTrap(Trap.OUT_OF_BOUNDS_TABLE_ACCESS, () -> inst.function("init").callVoid(0, 0, 1));
    }

    @Test
    void refFuncAndRefNull_identityAndNullness() {
        WasmBuilder b = new WasmBuilder();
        int target = b.func(TO_I32, w -> w.op(I32_CONST).s32(3));
        b.declarativeElem(target);
        int ref = b.func(type(List.of(), List.of(FUNCREF)), w -> w.op(REF_FUNC).u32(target));
        int nul = b.func(type(List.of(), List.of(FUNCREF)), w -> w.op(REF_NULL).heapType(ValType.HT_FUNC));
        int isNull = b.func(type(List.of(FUNCREF), List.of(I32)), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(REF_IS_NULL);
        });
        Instance inst = b.exportFunc("ref", ref).exportFunc("null", nul).exportFunc("isNull", isNull)
                .exportFunc("target", target).instantiate();
        Object r = inst.function("ref").apply()[0];
        assertSame(inst.function("target"), r);
        assertSame(r, inst.function("ref").apply()[0]);
        assertNull(inst.function("null").apply()[0]);
        assertEquals(0, inst.function("isNull").apply(r)[0]);
        assertEquals(1, inst.function("isNull").apply((Object) null)[0]);
    }

    @Test
    void tableApi_typesLimitsAndBounds() {
        Table t = Table.create(new TableType(FUNCREF, Limits.of(1, 3)));
        assertEquals(1, t.size());
        assertEquals(3, t.maximum());
        assertThrows(IllegalArgumentException.class, () -> t.set(0, "not a function"));
        Function f = Function.of(TO_I32, (caller, args) -> new Object[] {5});
        assertEquals(1, t.grow(2, f));
        assertSame(f, t.get(2));
        assertEquals(-1, t.grow(1, null));
        assertTrap(Trap.OUT_OF_BOUNDS_TABLE_ACCESS, () -> t.get(3));
        assertEquals(FUNCREF, t.elemType());
        assertEquals(3, t.type().limits().min());
    }
}
