package dev.robusta.text;

import dev.robusta.text.WatPrinterTestSupport.Asm;
import dev.robusta.wasm.FieldType;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.StructType;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.WasmModule;
import dev.robusta.wasm.code.CodeReader;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.Expression;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static dev.robusta.text.WatPrinterTestSupport.code;
import static org.junit.jupiter.api.Assertions.assertEquals;

class WatInstrPrinterTest {
    private final WasmModule module = module();

    private static WasmModule module() {
        WasmModule m = new WasmModule();
        m.addFuncType(FuncType.of(List.of(ValType.I32), List.of(ValType.I64)));
        m.addRecType(new dev.robusta.wasm.RecType(List.of(dev.robusta.wasm.SubType.of(FuncType.of(List.of(), List.of())))));
        m.addRecType(new dev.robusta.wasm.RecType(List.of(new dev.robusta.wasm.SubType(true, List.of(),
                new StructType(List.of(new FieldType(ValType.I32, true)))))));
        return m;
    }

    /** The text of the first instruction {@code body} writes, at block depth {@code depth}. */
    private String text(int depth, Consumer<Asm> body) {
        Expression e = code(body);
        CodeReader r = new CodeReader(e, Features.ALL);
        r.next();
        StringBuilder sb = new StringBuilder();
        new WatInstrPrinter(module, WatNamePrinter.of(null, false)).append(sb, r, -1, depth);
        return sb.toString();
    }

    @Test
    void append_blockTypes() {
        assertEquals("block", text(0, w -> w.op(Opcode.BLOCK).blockTypeEmpty()));
        assertEquals("loop (result f64)", text(0, w -> w.op(Opcode.LOOP).blockType(ValType.F64)));
        assertEquals("if (type 0) (param i32) (result i64)", text(0, w -> w.op(Opcode.IF).blockTypeIndex(0)));
        assertEquals("block (type 2)", text(0, w -> w.op(Opcode.BLOCK).blockTypeIndex(2)));
        assertEquals("block (type 9)", text(0, w -> w.op(Opcode.BLOCK).blockTypeIndex(9)));
        assertEquals("block (result (ref null 2))", text(0, w -> w.op(Opcode.BLOCK).valType(ValType.ref(true, 2))));
    }

    @Test
    void append_branches_labelCommentsOnlyForLabelsInScope() {
        assertEquals("br 0 (;@3;)", text(3, w -> w.op(Opcode.BR).u32(0)));
        assertEquals("br_if 3 (;@0;)", text(3, w -> w.op(Opcode.BR_IF).u32(3)));
        assertEquals("br 4", text(3, w -> w.op(Opcode.BR).u32(4)));
        assertEquals("br_table 0 (;@1;) 1 (;@0;)", text(1, w -> w.op(Opcode.BR_TABLE).u32(1).u32(0).u32(1)));
        assertEquals("br_table 2 (;@0;)", text(2, w -> w.op(Opcode.BR_TABLE).u32(0).u32(2)));
        assertEquals("br_on_cast 1 (;@0;) anyref (ref 2)",
                text(1, w -> w.op(Opcode.BR_ON_CAST).u8(1).u32(1).s32(ValType.HT_ANY).s32(2)));
        assertEquals("br_on_cast_fail 0 (;@1;) (ref eq) i31ref",
                text(1, w -> w.op(Opcode.BR_ON_CAST_FAIL).u8(2).u32(0).s32(ValType.HT_EQ).s32(ValType.HT_I31)));
        assertEquals("try_table (result i32) (catch 0 0 (;@2;)) (catch_ref 1 2 (;@0;)) (catch_all 1 (;@1;))"
                        + " (catch_all_ref 0 (;@2;))",
                text(2, w -> w.op(Opcode.TRY_TABLE).blockType(ValType.I32).u32(4)
                        .u8(0).u32(0).u32(0).u8(1).u32(1).u32(2).u8(2).u32(1).u8(3).u32(0)));
    }

    @Test
    void append_callsTablesMemoriesSegments() {
        assertEquals("call_indirect (type 0)", text(0, w -> w.op(Opcode.CALL_INDIRECT).u32(0).u32(0)));
        assertEquals("return_call_indirect 2 (type 1)", text(0, w -> w.op(Opcode.RETURN_CALL_INDIRECT).u32(1).u32(2)));
        assertEquals("call_ref 1", text(0, w -> w.op(Opcode.CALL_REF).u32(1)));
        assertEquals("table.get 0", text(0, w -> w.op(Opcode.TABLE_GET).u32(0)));
        assertEquals("table.copy", text(0, w -> w.op(Opcode.TABLE_COPY).u32(0).u32(0)));
        assertEquals("table.copy 0 1", text(0, w -> w.op(Opcode.TABLE_COPY).u32(0).u32(1)));
        assertEquals("table.init 3", text(0, w -> w.op(Opcode.TABLE_INIT).u32(3).u32(0)));
        assertEquals("table.init 1 3", text(0, w -> w.op(Opcode.TABLE_INIT).u32(3).u32(1)));
        assertEquals("memory.size", text(0, w -> w.op(Opcode.MEMORY_SIZE).u32(0)));
        assertEquals("memory.grow 2", text(0, w -> w.op(Opcode.MEMORY_GROW).u32(2)));
        assertEquals("memory.copy 1 0", text(0, w -> w.op(Opcode.MEMORY_COPY).u32(1).u32(0)));
        assertEquals("memory.init 5", text(0, w -> w.op(Opcode.MEMORY_INIT).u32(5).u32(0)));
        assertEquals("memory.init 1 5", text(0, w -> w.op(Opcode.MEMORY_INIT).u32(5).u32(1)));
        assertEquals("i64.store 1 offset=8 align=4", text(0, w -> w.op(Opcode.I64_STORE).memarg(2, 1, 8)));
        assertEquals("i32.load offset=18446744073709551615",
                text(0, w -> w.op(Opcode.I32_LOAD).memarg(2, 0, -1L)));
        assertEquals("v128.load16_lane 1 align=1 7", text(0, w -> w.op(Opcode.V128_LOAD16_LANE).memarg(0, 1, 0).u8(7)));
        assertEquals("v128.store64_lane 1", text(0, w -> w.op(Opcode.V128_STORE64_LANE).memarg(3, 0, 0).u8(1)));
    }

    @Test
    void append_referencesAndGc() {
        assertEquals("ref.null func", text(0, w -> w.op(Opcode.REF_NULL).s32(ValType.HT_FUNC)));
        assertEquals("ref.null 2", text(0, w -> w.op(Opcode.REF_NULL).s32(2)));
        assertEquals("ref.null noexn", text(0, w -> w.op(Opcode.REF_NULL).s32(ValType.HT_NOEXN)));
        assertEquals("ref.test (ref 2)", text(0, w -> w.op(Opcode.REF_TEST).s32(2)));
        assertEquals("ref.test nullref", text(0, w -> w.op(Opcode.REF_TEST_NULL).s32(ValType.HT_NONE)));
        assertEquals("ref.cast (ref any)", text(0, w -> w.op(Opcode.REF_CAST).s32(ValType.HT_ANY)));
        assertEquals("ref.cast (ref null 2)", text(0, w -> w.op(Opcode.REF_CAST_NULL).s32(2)));
        assertEquals("struct.get_s 2 0", text(0, w -> w.op(Opcode.STRUCT_GET_S).u32(2).u32(0)));
        assertEquals("array.new_fixed 3 10", text(0, w -> w.op(Opcode.ARRAY_NEW_FIXED).u32(3).u32(10)));
        assertEquals("array.copy 3 4", text(0, w -> w.op(Opcode.ARRAY_COPY).u32(3).u32(4)));
        assertEquals("select (result i32 externref)",
                text(0, w -> w.op(Opcode.SELECT_T).u32(2).valType(ValType.I32).valType(ValType.EXTERNREF)));
        assertEquals("atomic.fence", text(0, w -> w.op(Opcode.ATOMIC_FENCE).u8(0)));
        assertEquals("i64.const -1", text(0, w -> w.op(Opcode.I64_CONST).s64(-1)));
        assertEquals("f32.const 0x1p+0 (;=1;)", text(0, w -> w.op(Opcode.F32_CONST).fixed32(0x3F800000)));
    }
}
