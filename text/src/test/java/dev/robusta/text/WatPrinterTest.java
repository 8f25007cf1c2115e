package dev.robusta.text;

import dev.robusta.wasm.ArrayType;
import dev.robusta.wasm.DataSegment;
import dev.robusta.wasm.ElemSegment;
import dev.robusta.wasm.Export;
import dev.robusta.wasm.ExternKind;
import dev.robusta.wasm.FieldType;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.FuncTypeUse;
import dev.robusta.wasm.FunctionBody;
import dev.robusta.wasm.Global;
import dev.robusta.wasm.GlobalType;
import dev.robusta.wasm.Import;
import dev.robusta.wasm.Limits;
import dev.robusta.wasm.LocalGroup;
import dev.robusta.wasm.MemoryType;
import dev.robusta.wasm.NameSection;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.RecType;
import dev.robusta.wasm.SegmentMode;
import dev.robusta.wasm.StructType;
import dev.robusta.wasm.SubType;
import dev.robusta.wasm.Table;
import dev.robusta.wasm.TableType;
import dev.robusta.wasm.TagType;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.WasmModule;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.robusta.text.WatPrinterTestSupport.addFunc;
import static dev.robusta.text.WatPrinterTestSupport.code;
import static dev.robusta.text.WatPrinterTestSupport.i32;
import static dev.robusta.text.WatPrinterTestSupport.refFunc;
import static dev.robusta.wasm.ValType.F32;
import static dev.robusta.wasm.ValType.F64;
import static dev.robusta.wasm.ValType.I32;
import static dev.robusta.wasm.ValType.I64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class WatPrinterTest {

    @Test
    void print_emptyModule_isModuleAlone() {
        assertEquals("(module)\n", WatPrinter.print(new WasmModule()));
    }

    @Test
    void print_function_indexCommentsTypeUseParamsResultsLocals() {
        WasmModule m = new WasmModule();
        addFunc(m, List.of(I32, I64), List.of(I32), List.of(new LocalGroup(1, F32), new LocalGroup(2, F64)),
                w -> w.op(Opcode.LOCAL_GET).u32(0));
        addFunc(m, List.of(), List.of(), List.of(), w -> { });
        assertEquals("(module\n"
                + "  (type (;0;) (func (param i32 i64) (result i32)))\n"
                + "  (type (;1;) (func))\n"
                + "  (func (;0;) (type 0) (param i32 i64) (result i32)\n"
                + "    (local f32) (local f64 f64)\n"
                + "    local.get 0)\n"
                + "  (func (;1;) (type 1)))\n", WatPrinter.print(m));
    }

    @Test
    void print_names_fromNameSection() {
        WasmModule m = new WasmModule();
        int t = m.addFuncType(FuncType.of(List.of(I32), List.of()));
        m.addImport(new Import("env", "f", new FuncTypeUse(t)));
        addFunc(m, List.of(I32, I64, I32), List.of(), List.of(new LocalGroup(3, F32)),
                w -> w.op(Opcode.LOCAL_GET).u32(0).op(Opcode.CALL).u32(0).op(Opcode.LOCAL_GET).u32(4)
                        .op(Opcode.DROP).op(Opcode.LOCAL_GET).u32(1).op(Opcode.DROP));
        addFunc(m, List.of(), List.of(), List.of(), w -> w.op(Opcode.CALL).u32(1).op(Opcode.CALL).u32(2));
        m.exports().add(new Export("run", ExternKind.FUNC, 1));
        m.setStart(2);
        m.setNames(new NameSection("my mod", Map.of(0, "imp", 1, "run", 2, "run"),
                Map.of(1, Map.of(0, "a", 2, "c", 4, "y"))));
        assertEquals("(module $\"my mod\"\n"
                + "  (type (;0;) (func (param i32)))\n"
                + "  (type (;1;) (func (param i32 i64 i32)))\n"
                + "  (type (;2;) (func))\n"
                + "  (import \"env\" \"f\" (func $imp (type 0)))\n"
                + "  (func $run (type 1) (param $a i32) (param i64) (param $c i32)\n"
                + "    (local f32) (local $y f32) (local f32)\n"
                + "    local.get $a\n"
                + "    call $imp\n"
                + "    local.get $y\n"
                + "    drop\n"
                + "    local.get 1\n"
                + "    drop)\n"
                + "  (func (;2;) (type 2)\n"
                + "    call $run\n"
                + "    call 2)\n"
                + "  (export \"run\" (func $run))\n"
                + "  (start 2))\n", WatPrinter.print(m));
        assertEquals("(module\n"
                + "  (type (;0;) (func))\n"
                + "  (func (;0;) (type 0)))\n", WatPrinter.print(onlyFunction("f"), WatPrinter.Options.FLAT.withNames(false)));
    }

    private static WasmModule onlyFunction(String name) {
        WasmModule m = new WasmModule();
        addFunc(m, List.of(), List.of(), List.of(), w -> { });
        m.setNames(new NameSection(null, Map.of(0, name), Map.of()));
        return m;
    }

    @Test
    void print_flatBlocks_indentedWithLabelComments() {
        WasmModule m = new WasmModule();
        int bt = m.addFuncType(FuncType.of(List.of(I32), List.of(I32, I32)));
        addFunc(m, List.of(I32), List.of(I32), List.of(), w -> {
            w.op(Opcode.BLOCK).blockType(I32);
            w.op(Opcode.LOCAL_GET).u32(0);
            w.op(Opcode.IF).blockType(I32);
            w.op(Opcode.I32_CONST).s32(1);
            w.op(Opcode.ELSE);
            w.op(Opcode.I32_CONST).s32(-2);
            w.op(Opcode.BR_IF).u32(1);
            w.op(Opcode.END);
            w.op(Opcode.BR_TABLE).u32(2).u32(0).u32(1).u32(0);
            w.op(Opcode.END);
            w.op(Opcode.LOOP).blockTypeIndex(bt);
            w.op(Opcode.BR).u32(0);
            w.op(Opcode.END);
            w.op(Opcode.DROP);
            w.op(Opcode.BLOCK).blockTypeEmpty();
            w.op(Opcode.END);
        });
        assertEquals("(module\n"
                + "  (type (;0;) (func (param i32) (result i32 i32)))\n"
                + "  (type (;1;) (func (param i32) (result i32)))\n"
                + "  (func (;0;) (type 1) (param i32) (result i32)\n"
                + "    block (result i32)  ;; label = @1\n"
                + "      local.get 0\n"
                + "      if (result i32)  ;; label = @2\n"
                + "        i32.const 1\n"
                + "      else\n"
                + "        i32.const -2\n"
                + "        br_if 1 (;@1;)\n"
                + "      end\n"
                + "      br_table 0 (;@1;) 1 (;@0;) 0 (;@1;)\n"
                + "    end\n"
                + "    loop (type 0) (param i32) (result i32 i32)  ;; label = @1\n"
                + "      br 0 (;@1;)\n"
                + "    end\n"
                + "    drop\n"
                + "    block  ;; label = @1\n"
                + "    end))\n", WatPrinter.print(m));
    }

    @Test
    void print_memargs_offsetAndAlignOnlyWhenNotDefault() {
        WasmModule m = new WasmModule();
        m.memories().add(new MemoryType(Limits.of(1)));
        addFunc(m, List.of(), List.of(), List.of(), w -> {
            w.op(Opcode.I32_CONST).s32(0).op(Opcode.I32_LOAD).memarg(2, 0, 0);
            w.op(Opcode.I64_LOAD).memarg(3, 0, 8).op(Opcode.DROP);
            w.op(Opcode.I32_CONST).s32(0).op(Opcode.I32_LOAD8_U).memarg(0, 0, 4294967295L);
            w.op(Opcode.I64_LOAD32_S).memarg(0, 0, 0).op(Opcode.DROP);
            w.op(Opcode.I32_CONST).s32(0).op(Opcode.V128_LOAD).memarg(4, 0, 0);
            w.op(Opcode.V128_LOAD8X8_S).memarg(3, 0, 0);
            w.op(Opcode.I32_CONST).s32(0).op(Opcode.I32_ATOMIC_RMW16_ADD_U).memarg(1, 0, 0);
            w.op(Opcode.MEMORY_ATOMIC_WAIT64).memarg(3, 0, 16);
        });
        String body = functionBody(WatPrinter.print(m));
        assertEquals("    i32.const 0\n"
                + "    i32.load\n"
                + "    i64.load offset=8\n"
                + "    drop\n"
                + "    i32.const 0\n"
                + "    i32.load8_u offset=4294967295\n"
                + "    i64.load32_s align=1\n"
                + "    drop\n"
                + "    i32.const 0\n"
                + "    v128.load\n"
                + "    v128.load8x8_s\n"
                + "    i32.const 0\n"
                + "    i32.atomic.rmw16.add_u\n"
                + "    memory.atomic.wait64 offset=16)", body);
    }

    @Test
    void naturalAlign_ofEveryKindOfAccess() {
        assertEquals(2, WatInstrPrinter.naturalAlign(Opcode.I32_LOAD));
        assertEquals(3, WatInstrPrinter.naturalAlign(Opcode.F64_STORE));
        assertEquals(0, WatInstrPrinter.naturalAlign(Opcode.I64_STORE8));
        assertEquals(1, WatInstrPrinter.naturalAlign(Opcode.I32_LOAD16_S));
        assertEquals(4, WatInstrPrinter.naturalAlign(Opcode.V128_STORE));
        assertEquals(3, WatInstrPrinter.naturalAlign(Opcode.V128_LOAD32X2_U));
        assertEquals(2, WatInstrPrinter.naturalAlign(Opcode.V128_LOAD32_ZERO));
        assertEquals(0, WatInstrPrinter.naturalAlign(Opcode.V128_LOAD8_LANE));
        assertEquals(3, WatInstrPrinter.naturalAlign(Opcode.V128_STORE64_LANE));
        assertEquals(1, WatInstrPrinter.naturalAlign(Opcode.V128_LOAD16_SPLAT));
        assertEquals(2, WatInstrPrinter.naturalAlign(Opcode.MEMORY_ATOMIC_NOTIFY));
        assertEquals(2, WatInstrPrinter.naturalAlign(Opcode.MEMORY_ATOMIC_WAIT32));
        assertEquals(3, WatInstrPrinter.naturalAlign(Opcode.I64_ATOMIC_RMW_CMPXCHG));
        assertEquals(2, WatInstrPrinter.naturalAlign(Opcode.I64_ATOMIC_RMW32_XCHG_U));
        assertEquals(0, WatInstrPrinter.naturalAlign(Opcode.I32_ATOMIC_LOAD8_U));
    }

    /** The lines after the function header of the module's last function. */
    private static String functionBody(String wat) {
        int func = wat.lastIndexOf("(func ");
        int start = wat.indexOf('\n', func) + 1;
        int next = wat.indexOf("\n  (", start);
        return wat.substring(start, next >= 0 ? next : wat.length() - 2);
    }

    @Test
    void print_elementSegments_formSelectsEachOfTheEightFlags() {
        WasmModule m = new WasmModule();
        addFunc(m, List.of(), List.of(), List.of(), w -> { });
        m.tables().add(new Table(new TableType(ValType.FUNCREF, Limits.of(1)), null));
        m.tables().add(new Table(new TableType(ValType.EXTERNREF, Limits.of(1, 2)), null));
        m.elements().add(new ElemSegment(0, SegmentMode.ACTIVE, 0, i32(0), ValType.FUNCREF, List.of(refFunc(0), refFunc(0))));
        m.elements().add(new ElemSegment(1, SegmentMode.PASSIVE, 0, null, ValType.FUNCREF, List.of(refFunc(0))));
        m.elements().add(new ElemSegment(2, SegmentMode.ACTIVE, 0, i32(1), ValType.FUNCREF, List.of(refFunc(0))));
        m.elements().add(new ElemSegment(3, SegmentMode.DECLARATIVE, 0, null, ValType.FUNCREF, List.of(refFunc(0))));
        m.elements().add(new ElemSegment(4, SegmentMode.ACTIVE, 0, i32(2), ValType.FUNCREF,
                List.of(refFunc(0), code(w -> w.op(Opcode.REF_NULL).s32(ValType.HT_FUNC)))));
        m.elements().add(new ElemSegment(5, SegmentMode.PASSIVE, 0, null, ValType.FUNCREF, List.of()));
        m.elements().add(new ElemSegment(6, SegmentMode.ACTIVE, 1,
                code(w -> w.op(Opcode.I32_CONST).s32(1).op(Opcode.I32_CONST).s32(2).op(Opcode.I32_ADD)),
                ValType.EXTERNREF, List.of(code(w -> w.op(Opcode.REF_NULL).s32(ValType.HT_EXTERN)))));
        m.elements().add(new ElemSegment(7, SegmentMode.DECLARATIVE, 0, null, ValType.FUNCREF, List.of(refFunc(0))));
        String wat = WatPrinter.print(m);
        assertEquals("  (elem (;0;) (i32.const 0) func 0 0)\n"
                + "  (elem (;1;) func 0)\n"
                + "  (elem (;2;) (table 0) (i32.const 1) func 0)\n"
                + "  (elem (;3;) declare func 0)\n"
                + "  (elem (;4;) (i32.const 2) funcref (ref.func 0) (ref.null func))\n"
                + "  (elem (;5;) funcref)\n"
                + "  (elem (;6;) (table 1) (offset (i32.const 1) (i32.const 2) (i32.add)) externref (ref.null extern))\n"
                + "  (elem (;7;) declare funcref (ref.func 0)))\n", wat.substring(wat.indexOf("  (elem")));
    }

    @Test
    void print_dataSegments_escapedStringsAndMemoryOnlyForFlags2() {
        WasmModule m = new WasmModule();
        m.memories().add(new MemoryType(Limits.of(1)));
        m.memories().add(new MemoryType(Limits.of(1)));
        m.datas().add(new DataSegment(0, SegmentMode.ACTIVE, 0, i32(8), "hi\0\n\"\\'x".getBytes(StandardCharsets.ISO_8859_1)));
        m.datas().add(new DataSegment(1, SegmentMode.PASSIVE, 0, null, "passive".getBytes(StandardCharsets.US_ASCII)));
        m.datas().add(new DataSegment(2, SegmentMode.ACTIVE, 0, i32(0), new byte[] {(byte) 0xFF}));
        m.datas().add(new DataSegment(2, SegmentMode.ACTIVE, 1, i32(0), new byte[0]));
        assertEquals("(module\n"
                + "  (memory (;0;) 1)\n"
                + "  (memory (;1;) 1)\n"
                + "  (data (;0;) (i32.const 8) \"hi\\00\\0a\\22\\5c'x\")\n"
                + "  (data (;1;) \"passive\")\n"
                + "  (data (;2;) (memory 0) (i32.const 0) \"\\ff\")\n"
                + "  (data (;3;) (memory 1) (i32.const 0) \"\"))\n", WatPrinter.print(m));
    }

    @Test
    void print_importsAndDefinitions_ofEveryKind() {
        WasmModule m = new WasmModule();
        int t0 = m.addFuncType(FuncType.of(List.of(I32), List.of()));
        m.addImport(new Import("m", "f", new FuncTypeUse(t0)));
        m.addImport(new Import("m", "t", new TableType(ValType.FUNCREF, Limits.of(1, 10))));
        m.addImport(new Import("m", "mem", new MemoryType(new Limits(1, 2, true, false, true))));
        m.addImport(new Import("m", "g", new GlobalType(I32, true)));
        m.addImport(new Import("m", "tag", new TagType(t0)));
        m.addImport(new Import("\u00e9", "\n", new GlobalType(ValType.EXTERNREF, false)));
        m.tables().add(new Table(new TableType(ValType.ref(false, ValType.HT_FUNC), new Limits(2, 0, false, true, false)),
                refFunc(0)));
        m.memories().add(new MemoryType(new Limits(0, 65536, true, true, false)));
        m.memories().add(new MemoryType(Limits.of(3), 0));
        m.tags().add(new TagType(t0));
        m.globals().add(new Global(new GlobalType(F64, false),
                code(w -> w.op(Opcode.F64_CONST).fixed64(Double.doubleToRawLongBits(-12.0)))));
        m.globals().add(new Global(new GlobalType(I64, true), code(w -> w.op(Opcode.I64_CONST).s64(Long.MIN_VALUE))));
        m.globals().add(new Global(new GlobalType(F32, false),
                code(w -> w.op(Opcode.F32_CONST).fixed32(0x7FA00000))));
        m.exports().add(new Export("t", ExternKind.TABLE, 1));
        m.exports().add(new Export("m", ExternKind.MEMORY, 2));
        m.exports().add(new Export("g", ExternKind.GLOBAL, 3));
        m.exports().add(new Export("e", ExternKind.TAG, 1));
        assertEquals("(module\n"
                + "  (type (;0;) (func (param i32)))\n"
                + "  (import \"m\" \"f\" (func (;0;) (type 0)))\n"
                + "  (import \"m\" \"t\" (table (;0;) 1 10 funcref))\n"
                + "  (import \"m\" \"mem\" (memory (;0;) 1 2 shared))\n"
                + "  (import \"m\" \"g\" (global (;0;) (mut i32)))\n"
                + "  (import \"m\" \"tag\" (tag (;0;) (type 0)))\n"
                + "  (import \"\\c3\\a9\" \"\\0a\" (global (;1;) externref))\n"
                + "  (table (;1;) i64 2 (ref func) (ref.func 0))\n"
                + "  (memory (;1;) i64 0 65536)\n"
                + "  (memory (;2;) 3 (pagesize 1))\n"
                + "  (tag (;1;) (type 0))\n"
                + "  (global (;2;) f64 (f64.const -0x1.8p+3 (;=-12;)))\n"
                + "  (global (;3;) (mut i64) (i64.const -9223372036854775808))\n"
                + "  (global (;4;) f32 (f32.const nan:0x200000 (;=nan;)))\n"
                + "  (export \"t\" (table 1))\n"
                + "  (export \"m\" (memory 2))\n"
                + "  (export \"g\" (global 3))\n"
                + "  (export \"e\" (tag 1)))\n", WatPrinter.print(m));
    }

    @Test
    void print_gcTypes_recGroupsSubtypesStructsArrays() {
        WasmModule m = new WasmModule();
        m.addRecType(new RecType(List.of(
                new SubType(false, List.of(), new StructType(List.of(new FieldType(I32, false)))),
                new SubType(true, List.of(0), new StructType(List.of(new FieldType(I32, false),
                        new FieldType(ValType.ref(true, 1), true)))))));
        m.addRecType(new RecType(List.of(new SubType(false, List.of(), new ArrayType(new FieldType(ValType.I8, true))))));
        m.addRecType(new RecType(List.of(new SubType(false, List.of(2), new ArrayType(new FieldType(ValType.I8, true))))));
        m.addRecType(new RecType(List.of()));
        m.addFuncType(FuncType.of(List.of(ValType.ref(false, 0)), List.of(ValType.ANYREF)));
        assertEquals("(module\n"
                + "  (rec\n"
                + "    (type (;0;) (sub (struct (field i32))))\n"
                + "    (type (;1;) (sub final 0 (struct (field i32) (field (mut (ref null 1)))))))\n"
                + "  (type (;2;) (sub (array (mut i8))))\n"
                + "  (type (;3;) (sub 2 (array (mut i8))))\n"
                + "  (rec)\n"
                + "  (type (;4;) (func (param (ref 0)) (result anyref))))\n", WatPrinter.print(m));
    }

    @Test
    void print_constantsAndVectorInstructions() {
        WasmModule m = new WasmModule();
        addFunc(m, List.of(), List.of(), List.of(), w -> {
            w.op(Opcode.I32_CONST).s32(Integer.MIN_VALUE).op(Opcode.DROP);
            w.op(Opcode.F32_CONST).fixed32(0xFF800000).op(Opcode.DROP);
            w.op(Opcode.F64_CONST).fixed64(Double.doubleToRawLongBits(3.14)).op(Opcode.DROP);
            w.op(Opcode.V128_CONST).fixed64(0x0000000200000001L).fixed64(0x0000000400000003L);
            w.op(Opcode.V128_CONST).fixed64(0).fixed64(0);
            w.op(Opcode.I8X16_SHUFFLE).fixed64(0x0706050403020100L).fixed64(0x1F1E1D1C1B1A1918L);
            w.op(Opcode.I16X8_EXTRACT_LANE_S).u8(7).op(Opcode.DROP);
        });
        assertEquals("    i32.const -2147483648\n"
                + "    drop\n"
                + "    f32.const -inf (;=-inf;)\n"
                + "    drop\n"
                + "    f64.const 0x1.91eb851eb851fp+1 (;=3.14;)\n"
                + "    drop\n"
                + "    v128.const i32x4 0x00000001 0x00000002 0x00000003 0x00000004\n"
                + "    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000\n"
                + "    i8x16.shuffle 0 1 2 3 4 5 6 7 24 25 26 27 28 29 30 31\n"
                + "    i16x8.extract_lane_s 7\n"
                + "    drop)", functionBody(WatPrinter.print(m)));
    }

    @Test
    void print_printedText_wat2wasmEncodesItAsTheReferenceText() throws Exception {
        assumeTrue(WatPrinterTestSupport.hasWat2wasm(), "wat2wasm not installed");
        WasmModule m = new WasmModule();
        int t0 = m.addFuncType(FuncType.of(List.of(I32, I64), List.of(I32)));
        m.addImport(new Import("env", "f", new FuncTypeUse(m.addFuncType(FuncType.of(List.of(I32), List.of())))));
        m.memories().add(new MemoryType(Limits.of(1, 2)));
        m.tables().add(new Table(new TableType(ValType.FUNCREF, Limits.of(4)), null));
        m.functions().add(t0);
        m.codes().add(new FunctionBody(List.of(new LocalGroup(1, F32), new LocalGroup(2, I32)), code(w -> {
            w.op(Opcode.LOCAL_GET).u32(0);
            w.op(Opcode.IF).blockType(I32);
            w.op(Opcode.I32_CONST).s32(1);
            w.op(Opcode.ELSE);
            w.op(Opcode.LOCAL_GET).u32(0).op(Opcode.I32_LOAD).memarg(1, 0, 4);
            w.op(Opcode.END);
            w.op(Opcode.F32_CONST).fixed32(0x7FA00000).op(Opcode.LOCAL_SET).u32(2);
            w.op(Opcode.I64_CONST).s64(7).op(Opcode.I32_CONST).s32(0);
            w.op(Opcode.CALL_INDIRECT).u32(t0).u32(0);
            w.op(Opcode.I32_ADD);
        })));
        m.exports().add(new Export("f", ExternKind.FUNC, 1));
        m.elements().add(new ElemSegment(0, SegmentMode.ACTIVE, 0, i32(0), ValType.FUNCREF, List.of(refFunc(1))));
        m.datas().add(new DataSegment(0, SegmentMode.ACTIVE, 0, i32(8), new byte[] {1, 2, 'a'}));
        String reference = "(module\n"
                + "  (type (func (param i32 i64) (result i32)))\n"
                + "  (type (func (param i32)))\n"
                + "  (import \"env\" \"f\" (func (type 1)))\n"
                + "  (table 4 funcref)\n"
                + "  (memory 1 2)\n"
                + "  (func (export \"f\") (type 0) (local f32 i32 i32)\n"
                + "    (if (result i32) (local.get 0) (then (i32.const 1)) (else (i32.load offset=4 align=2 (local.get 0))))\n"
                + "    (local.set 2 (f32.const nan:0x200000))\n"
                + "    (call_indirect (type 0) (i64.const 7) (i32.const 0))\n"
                + "    i32.add)\n"
                + "  (elem (i32.const 0) 1)\n"
                + "  (data (i32.const 8) \"\\01\\02a\"))\n";
        byte[] expected = WatPrinterTestSupport.wat2wasm(reference);
        assertArrayEquals(expected, WatPrinterTestSupport.wat2wasm(WatPrinter.print(m)));
        assertArrayEquals(expected, WatPrinterTestSupport.wat2wasm(WatPrinter.print(m, WatPrinter.Options.FOLDED)));
    }

    @Test
    void print_customSections_onlyWhenAsked_asAnnotations() {
        WasmModule m = new WasmModule();
        m.addFuncType(FuncType.of(List.of(), List.of()));
        m.customSections().add(new dev.robusta.wasm.CustomSection("first", new byte[] {1, 'a'}, 0));
        m.customSections().add(new dev.robusta.wasm.CustomSection("after types", new byte[0], 1));
        m.customSections().add(new dev.robusta.wasm.CustomSection("tags", new byte[] {'"'}, 13));
        assertEquals("(module\n"
                + "  (type (;0;) (func)))\n", WatPrinter.print(m));
        assertEquals("(module\n"
                + "  (type (;0;) (func))\n"
                + "  (@custom \"first\" (before first) \"\\01a\")\n"
                + "  (@custom \"after types\" (after type) \"\")\n"
                + "  (@custom \"tags\" (after tag) \"\\22\"))\n",
                WatPrinter.print(m, WatPrinter.Options.FLAT.withCustomSections(true)));
    }
}
