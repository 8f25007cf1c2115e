package dev.robusta.runtime;

import static dev.robusta.runtime.WasmBuilder.I32;
import static dev.robusta.runtime.WasmBuilder.type;
import static dev.robusta.wasm.Opcode.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.robusta.wasm.ExternKind;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.Import;
import dev.robusta.wasm.LinkException;
import dev.robusta.wasm.TagType;
import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.code.CodeWriter;
import org.junit.jupiter.api.Test;

import java.util.List;

/** try_table, throw and throw_ref (WebAssembly 3.0 exception handling). */
class ExceptionHandlingTest {
    private static final RuntimeConfig V3 = RuntimeConfig.DEFAULT.withFeatures(Features.V3);
    private static final FuncType I32_TO_VOID = type(List.of(I32), List.of());
    private static final FuncType I32_TO_I32 = type(List.of(I32), List.of(I32));

    /** try_table with one clause (kind 0 catch, 1 catch_ref, 2 catch_all, 3 catch_all_ref) to {@code label}. */
    private static void tryTable(CodeWriter w, ValType result, int kind, int tag, int label) {
        w.op(TRY_TABLE);
        if (result == null) {
            w.blockTypeEmpty();
        } else {
            w.blockType(result);
        }
        w.u32(1);
        w.u8(kind);
        if (kind < 2) {
            w.u32(tag);
        }
        w.u32(label);
    }

    private static int tag(WasmBuilder b, FuncType t) {
        b.m.tags().add(new TagType(b.typeIdx(t)));
        return b.m.tagCount() - 1;
    }

    @Test
    void throwCaughtInCaller_deliversTheValues() {
        WasmBuilder b = new WasmBuilder();
        int tag = tag(b, I32_TO_VOID);
        // thrower(x): if x != 0 throw tag(x * 10); return
        int thrower = b.func(I32_TO_VOID, w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(IF).blockTypeEmpty();
            w.op(LOCAL_GET).u32(0);
            w.op(I32_CONST).s32(10);
            w.op(I32_MUL);
            w.op(THROW).u32(tag);
            w.op(END);
        });
        // f(x) = (block (result i32) (try_table (catch tag 0) (call thrower x) (i32.const -1) (return))) + 1
        int f = b.func(I32_TO_I32, w -> {
            w.op(BLOCK).blockType(I32);
            tryTable(w, null, 0, tag, 0);
            w.op(LOCAL_GET).u32(0);
            w.op(CALL).u32(thrower);
            w.op(I32_CONST).s32(-1);
            w.op(RETURN);
            w.op(END);
            w.op(UNREACHABLE);
            w.op(END);
            w.op(I32_CONST).s32(1);
            w.op(I32_ADD);
        });
        Instance inst = b.exportFunc("f", f).exportFunc("thrower", thrower).build(V3).instantiate();
        assertEquals(-1, inst.function("f").callInt(0));
        assertEquals(71, inst.function("f").callInt(7));
        TrapException e = assertThrows(TrapException.class, () -> inst.function("thrower").callVoid(1));
        assertEquals(Trap.UNCAUGHT_EXCEPTION, e.trap());
        assertEquals("uncaught exception", e.getMessage());
    }

    @Test
    void catchRefAndThrowRef_rethrowToAnOuterHandler_otherTagsPassThrough() {
        WasmBuilder b = new WasmBuilder();
        ValType exnref = ValType.EXNREF;
        int tagA = tag(b, I32_TO_VOID);
        int tagB = tag(b, type(List.of(), List.of()));
        int caught = b.typeIdx(type(List.of(), List.of(I32, exnref)));
        int seen = b.global(I32, true, w -> w.op(I32_CONST).s32(0));
        int a = tagA;
        int bb = tagB;
        // g(x): x == 0 throws tagA(5), else tagB. The inner catch_ref tagA records the payload in $seen and
        // rethrows with throw_ref; the outer catch_all returns 100 + $seen.
        int g = b.func(I32_TO_I32, List.of(exnref), w -> {
            w.op(BLOCK).blockTypeEmpty();                     // $all: catch_all lands here
            tryTable(w, null, 2, 0, 0);
            w.op(BLOCK).blockTypeIndex(caught);               // $ref: catch_ref tagA lands here with [i32 exnref]
            tryTable(w, null, 1, a, 0);
            w.op(LOCAL_GET).u32(0);
            w.op(IF).blockTypeEmpty();
            w.op(THROW).u32(bb);
            w.op(END);
            w.op(I32_CONST).s32(5);
            w.op(THROW).u32(a);
            w.op(END);                                        // end inner try_table
            w.op(UNREACHABLE);
            w.op(END);                                        // end $ref: [i32 exnref]
            w.op(LOCAL_SET).u32(1);
            w.op(GLOBAL_SET).u32(seen);
            w.op(LOCAL_GET).u32(1);
            w.op(THROW_REF);
            w.op(END);                                        // end outer try_table
            w.op(UNREACHABLE);
            w.op(END);                                        // end $all
            w.op(I32_CONST).s32(100);
            w.op(GLOBAL_GET).u32(seen);
            w.op(I32_ADD);
        });
        Instance inst = b.exportFunc("g", g).export("seen", ExternKind.GLOBAL, seen).build(V3).instantiate();
        assertEquals(100, inst.function("g").callInt(1), "tagB skips catch_ref tagA, caught by catch_all");
        assertEquals(105, inst.function("g").callInt(0), "tagA caught by ref, rethrown, caught by catch_all");
    }

    @Test
    void exceptionThroughHostFunction_isCaughtByOuterWasm_andTagsLinkByIdentity() {
        Tag tag = Tag.create(I32_TO_VOID);
        WasmBuilder lib = new WasmBuilder();
        lib.m.addImport(new Import("env", "tag", new TagType(lib.typeIdx(I32_TO_VOID))));
        int thrower = lib.func(I32_TO_VOID, w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(THROW).u32(0);
        });
        Instance libInst = lib.exportFunc("throw", thrower).export("tag", ExternKind.TAG, 0).build(V3)
                .instantiate(Imports.builder().tag("env", "tag", tag).build());
        assertSame(tag, libInst.export("tag"));

        WasmBuilder app = new WasmBuilder();
        app.m.addImport(new Import("env", "tag", new TagType(app.typeIdx(I32_TO_VOID))));
        int host = app.importFunc("env", "host", I32_TO_VOID);
        int f = app.func(I32_TO_I32, w -> {
            w.op(BLOCK).blockType(I32);
            tryTable(w, null, 0, 0, 0);
            w.op(LOCAL_GET).u32(0);
            w.op(CALL).u32(host);
            w.op(END);
            w.op(I32_CONST).s32(0);
            w.op(RETURN);
            w.op(END);
        });
        Imports imports = Imports.builder().tag("env", "tag", tag)
                .function("env", "host", I32_TO_VOID, (caller, args) -> libInst.function("throw").apply(args)).build();
        Instance appInst = app.exportFunc("f", f).build(V3).instantiate(imports);
        assertEquals(42, appInst.function("f").callInt(42));

        Imports otherTag = Imports.builder().tag("env", "tag", Tag.create(I32_TO_VOID))
                .function("env", "host", I32_TO_VOID, (caller, args) -> libInst.function("throw").apply(args)).build();
        Instance mismatched = app.build(V3).instantiate(otherTag);
        assertEquals(Trap.UNCAUGHT_EXCEPTION, assertThrows(TrapException.class,
                () -> mismatched.function("f").callInt(1)).trap(), "another tag of the same type does not match");
        assertThrows(LinkException.class, () -> app.build(V3).instantiate(Imports.builder()
                .tag("env", "tag", Tag.create(type(List.of(), List.of())))
                .function("env", "host", I32_TO_VOID, (c, a2) -> HostFunction.NO_RESULTS).build()));
    }

    @Test
    void throwRefOfNull_traps() {
        WasmBuilder b = new WasmBuilder();
        int f = b.func(type(List.of(), List.of()), w -> {
            w.op(REF_NULL).heapType(ValType.HT_EXN);
            w.op(THROW_REF);
        });
        Instance inst = b.exportFunc("f", f).build(V3).instantiate();
        TrapException e = assertThrows(TrapException.class, () -> inst.function("f").callVoid());
        assertEquals("null exception reference", e.getMessage());
    }
}
