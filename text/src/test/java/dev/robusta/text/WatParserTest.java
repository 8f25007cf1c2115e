package dev.robusta.text;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.WasmModule;
import dev.robusta.wasm.binary.BinaryEncoder;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The module the parser builds, compared byte for byte (through the binary encoder) with what wat2wasm
 * (wabt 1.0.32, {@code --enable-all}) writes for the same text, and the errors of malformed text.
 */
class WatParserTest {

    private static void assertBytes(String expectedHex, String wat) {
        WasmModule m = WatParser.parseModule(wat, "test.wat");
        assertEquals(expectedHex, HexFormat.of().formatHex(BinaryEncoder.encode(m)), wat);
    }

    private static void assertMalformed(String messageStart, String wat) {
        assertMalformed(messageStart, wat, Features.ALL);
    }

    private static void assertMalformed(String messageStart, String wat, Features features) {
        CompileException e = assertThrows(CompileException.class, () -> WatParser.parseModule(wat, "bad.wat", features));
        assertEquals(CompileException.Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().startsWith(messageStart), () -> "expected \"" + messageStart + "\", got: " + e.getMessage());
        assertTrue(e.getMessage().matches("(?s).* at bad\\.wat:\\d+:\\d+"), e.getMessage());
    }

    /** inline signatures that match no type are appended after the explicit ones, in order; matching ones are reused. */
    @Test
    void implicitTypes() {
        assertBytes("0061736d01000000010c0360000060017f006000017f030504010201000a0f0402000b040041000b02000b02000b",
                "(module (func (param i32)) (type (func)) (func (result i32) (i32.const 0)) (func (param i32)) (func (type 0)))");
    }

    /** a block with parameters gets a type; (type x) with no parameters and one result is written inline. */
    @Test
    void implicitBlockType() {
        assertBytes("0061736d01000000010d036000017f60000060017f017e03030201010a16020b00410002021a42010b1a0b0800027f41020b1a0b",
                "(module (type (func (result i32))) (func (i32.const 0) (block (param i32) (result i64) (drop) (i64.const 1)) (drop)) (func (block (type 0) (i32.const 2)) (drop)))");
    }

    /** labels resolve by name to the innermost binding, and by depth. */
    @Test
    void labels() {
        assertBytes("0061736d01000000010401600000030201000a1b011900024002400c010c000c000c0103400c0041000d010b0b0b0b",
                "(module (func (block $a (block $b (br $a) (br 0) (br $b) (br 1) (loop $a (br $a) (br_if 1 (i32.const 0)))))))");
    }

    /** br_table takes names and depths, the last one is the default. */
    @Test
    void brTable() {
        assertBytes("0061736d01000000010401600000030201000a11010f000240024041000e020100000b0b0b",
                "(module (func (block $x (block $y (br_table $x $y 0 (i32.const 0))))))");
    }

    /** folded if: condition first, then the branches. */
    @Test
    void foldedIf() {
        assertBytes("0061736d0100000001060160017f017f030201000a0e010c002000047f41010541020b0b",
                "(module (func (param i32) (result i32) (if (result i32) (local.get 0) (then (i32.const 1)) (else (i32.const 2)))))");
    }

    /** flat if gives the same code as folded. */
    @Test
    void flatIf() {
        assertBytes("0061736d0100000001060160017f017f030201000a0e010c002000047f41010541020b0b",
                "(module (func (param i32) (result i32) local.get 0 if (result i32) i32.const 1 else i32.const 2 end))");
    }

    /** element segment flags: function lists as indices, typed lists as expressions, explicit tables when needed. */
    @Test
    void elemForms() {
        assertBytes("0061736d010000000104016000000303020000040a037000027000026f00020936080041000b02000101000100020141000b00010103000100060241000b6f01d06f0b056f01d06f0b076f01d06f0b0441010b01d0700b0a070202000b02000b",
                "(module (type $v (func)) (table $t0 2 funcref) (table $t1 2 funcref) (table $e 2 externref) (func $f) (func $g) (elem (i32.const 0) $f $g) (elem func $f) (elem (table $t1) (i32.const 0) func $g) (elem declare func $f) (elem (table $e) (i32.const 0) externref (ref.null extern)) (elem externref (ref.null extern)) (elem declare externref (ref.null extern)) (elem (offset (i32.const 1)) funcref (ref.null func)))");
    }

    /** data segment flags: active in memory 0, passive, active in another memory; offset abbreviations. */
    @Test
    void dataForms() {
        assertBytes("0061736d01000000050502000100010b19040041000b026162010163020141040b036400ff0041080b00",
                "(module (memory $m0 1) (memory $m1 1) (data (i32.const 0) \"ab\") (data \"c\") (data (memory $m1) (offset i32.const 4) \"d\\00\\ff\") (data $d (memory 0) (i32.const 8)))");
    }

    /** inline exports and imports, memory with inline data, table with inline elements. */
    @Test
    void inlineAbbreviations() {
        assertBytes("0061736d0100000001050160017f00020e02016d01660000016d0167037d00040501700102020504010101010606017f0141070b071b0502653100000265320000036d656d0200037461620100016703010908010041000b0200000b0b010041000b0568656c6c6f",
                "(module (func $imp (export \"e1\") (export \"e2\") (import \"m\" \"f\") (param i32)) (global (import \"m\" \"g\") f32) (memory (export \"mem\") (data \"hello\")) (table $t (export \"tab\") funcref (elem $imp $imp)) (global $g (export \"g\") (mut i32) (i32.const 7)))");
    }

    /** memory arguments: offset, alignment (log2), natural alignment by default. */
    @Test
    void memargs() {
        assertBytes("0061736d010000000104016000000302010005030100010a2201200041002800101a410042013c00ffffffff0f4100fd0004001a41082b03001a0b",
                "(module (memory 1) (func (drop (i32.load offset=16 align=1 (i32.const 0))) (i64.store8 offset=0xffffffff (i32.const 0) (i64.const 1)) (drop (v128.load (i32.const 0))) (drop (f64.load align=8 (i32.const 8)))))");
    }

    /** memory indices in loads, memory.size and memory.copy. */
    @Test
    void multiMemory() {
        assertBytes("0061736d0100000001040160000003020100050502000100010a180116004100284201041a3f011a410041004100fc0a00010b",
                "(module (memory $a 1) (memory $b 1) (func (drop (i32.load $b offset=4 (i32.const 0))) (drop (memory.size $b)) (memory.copy $a $b (i32.const 0) (i32.const 0) (i32.const 0))))");
    }

    /** v128 constants of several shapes, shuffle lanes, replace_lane. */
    @Test
    void simd() {
        assertBytes("0061736d010000000105016000017b030201000a52015000fd0c01000000ffffffffffffff7f00000080fd0c0000c03f000000800000807f0000c07ffd0d000102030405060708090a0b0c0d0e1f1afd0c0100020003000400050006000700ffff4109fd1a070b",
                "(module (func (result v128) (drop (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31 (v128.const i32x4 1 -1 0x7fffffff -0x80000000) (v128.const f32x4 1.5 -0 inf nan))) (i16x8.replace_lane 7 (v128.const i16x8 1 2 3 4 5 6 7 0xffff) (i32.const 9))))");
    }

    /** load_lane: memarg then lane index, the first number a lane when alone. */
    @Test
    void simdLanesMem() {
        assertBytes("0061736d0100000001060160017b017b0302010005030100010a14011200410041002000fd54000001fd560204030b",
                "(module (memory 1) (func (param v128) (result v128) (v128.load32_lane offset=4 align=4 3 (i32.const 0) (v128.load8_lane 1 (i32.const 0) (local.get 0)))))");
    }

    /** call_indirect with a table and a type, and with an inline signature (an implicit type). */
    @Test
    void callIndirect() {
        assertBytes("0061736d01000000010f0360017f017f6000017f60017e017f030201010407027000017000010a1301110041014100110001420241001102001a0b",
                "(module (type $t (func (param i32) (result i32))) (table $a 1 funcref) (table $b 1 funcref) (func (result i32) (call_indirect $b (type $t) (i32.const 1) (i32.const 0)) (call_indirect (param i64) (result i32) (i64.const 2) (i32.const 0)) (drop)))");
    }

    /** typed select, ref.null, ref.is_null. */
    @Test
    void selectRefs() {
        assertBytes("0061736d01000000010e0360017001706000016f6000017f0304030001020a18030b002000d07041011c01700b0400d06f0b0500d070d10b",
                "(module (func (param funcref) (result funcref) (select (result funcref) (local.get 0) (ref.null func) (i32.const 1))) (func (result externref) (ref.null extern)) (func (result i32) (ref.is_null (ref.null func))))");
    }

    /** integer and float literals: underscores, signs, hex floats, NaN payloads, correct rounding. */
    @Test
    void numbers() {
        assertBytes("0061736d01000000010401600000030201000a3d013b00417f1a4180808080781a427f1a43010000001a43ffffffff1a44ffffffffffffef7f1a44ffffffffffffef7f1a430000803f1a430100803f1a0b",
                "(module (func (drop (i32.const 0xffff_ffff)) (drop (i32.const -0x8000_0000)) (drop (i64.const 18_446_744_073_709_551_615)) (drop (f32.const 0x1p-149)) (drop (f32.const -nan:0x7f_ffff)) (drop (f64.const 1.7976931348623157e308)) (drop (f64.const 0x1.fffffffffffff7p1023)) (drop (f32.const 1.000000059604644775390625)) (drop (f32.const 1.00000005960464477539062500001))))");
    }

    /** bulk memory and table instructions by name; a data count section when code needs it. */
    @Test
    void bulk() {
        assertBytes("0061736d010000000104016000000302010004040170000105030100010904010100000c01010a27012500410041004101fc080000fc0900410041004100fc0c0000fc0d00410041004100fc0b000b0b0401010178",
                "(module (memory 1) (table 1 funcref) (elem $e func) (data $d \"x\") (func (memory.init $d (i32.const 0) (i32.const 0) (i32.const 1)) (data.drop $d) (table.init $e (i32.const 0) (i32.const 0) (i32.const 0)) (elem.drop $e) (memory.fill (i32.const 0) (i32.const 0) (i32.const 0))))");
    }

    /** parameters and locals share the local index space; runs of one type are grouped. */
    @Test
    void locals() {
        assertBytes("0061736d0100000001070160037f7e7d00030201000a12011003027f017e017c20002103420021050b",
                "(module (func $f (param $a i32) (param i64 f32) (local $x i32) (local i32 i64) (local f64) (local.set $x (local.get $a)) (local.set 5 (i64.const 0))))");
    }

    /** return_call and return_call_indirect. */
    @Test
    void tailCall() {
        assertBytes("0061736d01000000010a026000017f60017f017f03030200010404017000010a0e02040012000b070041001300000b",
                "(module (func $f (result i32) (return_call $f)) (func (param i32) (result i32) (return_call_indirect (type 0) (i32.const 0))) (table 1 funcref))");
    }

    /** try_table catch clauses resolve labels outside the try_table (bytes written by hand: wabt 1.0.32 cannot). */
    @Test
    void tryTable() {
        assertBytes("0061736d0100000001090260017f006000017f030201010d030100000a12011000027f1f7f01000000410108000b0b0b",
                "(module (tag $e (param i32)) (func (result i32) (block $h (result i32) (try_table (result i32) (catch $e $h) (throw $e (i32.const 1))))))");
    }

    @Test
    void names_functionAndLocalIdentifiersAreKept() {
        WasmModule m = WatParser.parseModule(
                "(module $mod (import \"m\" \"f\" (func $imported)) (func $g (param $p i32) (local i64) (local $l f32)))");
        assertEquals("mod", m.names().moduleName());
        assertEquals(Map.of(0, "imported", 1, "g"), m.names().functionNames());
        assertEquals(Map.of(1, Map.of(0, "p", 2, "l")), m.names().localNames());
    }

    @Test
    void fieldsWithoutModule_areAModule() {
        WasmModule m = WatParser.parseModule("(type (func)) (func (type 0))");
        assertEquals(1, m.types().size());
        assertEquals(List.of(0), m.functions());
    }

    @Test
    void gcTypes_recursionGroupsStructsArraysAndSubtypes() {
        WasmModule m = WatParser.parseModule("(module (rec (type $node (sub (struct (field $next (ref null $node))"
                + " (field $v (mut i32))))) (type $arr (array (mut i8)))) (type $sub (sub final $node (struct"
                + " (field (ref null $node)) (field (mut i32)) (field i64)))) (func (param (ref $node)) (result i32)"
                + " (struct.get $node $v (local.get 0))))");
        assertEquals(3, m.recTypes().size()); // the group, $sub, and the implicit function type
        assertEquals(2, m.recTypes().get(0).types().size());
        assertTrue(!m.types().get(0).isFinal());
        assertEquals(List.of(0), m.types().get(2).supertypes());
        assertEquals(ValType.ref(true, 0),
                ((dev.robusta.wasm.StructType) m.types().get(0).compositeType()).fields().get(0).storageType());
        assertEquals(FuncType.of(List.of(ValType.ref(false, 0)), List.of(ValType.I32)), m.funcType(3));
        // local.get 0; struct.get 0 1; end
        assertEquals("2000fb0200010b", HexFormat.of().formatHex(m.codes().get(0).body().code()));
    }

    @Test
    void v2Features_limitsAndOffsetsAreU32() {
        assertMalformed("i32 constant out of range", "(memory 0x1_0000_0000)", Features.V2);
        assertMalformed("i32 constant", "(memory 1) (func (drop (i32.load offset=4294967296 (i32.const 0))))",
                Features.V2);
        WasmModule m = WatParser.parseModule("(memory 0x1_0000_0000)", "ok.wat", Features.ALL);
        assertEquals(0x1_0000_0000L, m.memories().get(0).limits().min());
    }

    @Test
    void errors_haveTheReferenceInterpretersMessageAndAPosition() {
        assertMalformed("unknown label", "(func (block $a (br $b)))");
        assertMalformed("mismatching label", "(func block $a end $b)");
        assertMalformed("mismatching label", "(func (if (i32.const 0) (then)) if $x else $y end)");
        assertMalformed("duplicate local", "(func (param $x i32) (local $x i32))");
        assertMalformed("duplicate func", "(func $f) (func $f)");
        assertMalformed("duplicate field", "(type (struct (field $x i32) (field $x i32)))");
        assertMalformed("inline function type", "(type $t (func (param i32))) (func (type $t) (param i64))");
        assertMalformed("unknown type", "(func (type $nope))");
        assertMalformed("alignment", "(memory 1) (func (drop (i32.load align=3 (i32.const 0))))");
        assertMalformed("constant out of range", "(func (drop (i32.const 0x1_0000_0000)))");
        assertMalformed("constant out of range", "(func (drop (f32.const 1e39)))");
        assertMalformed("constant out of range", "(func (drop (f64.const nan:0x0)))");
        assertMalformed("import after function", "(func) (import \"m\" \"g\" (global i32))");
        assertMalformed("import after memory", "(memory 1) (func (import \"m\" \"f\"))");
        assertMalformed("multiple start sections", "(func $f) (start $f) (start $f)");
        assertMalformed("unknown operator", "(func (i32.add3))");
        assertMalformed("unknown operator", "(func br 0drop)");
        assertMalformed("unexpected token", "(func (result i32) (param i32))");
        assertMalformed("unexpected token", "(func (i32.const))");
        assertMalformed("unexpected token", "(func (i32.const 1.5))");
        assertMalformed("unexpected token", "(func end)");
        assertMalformed("unexpected token", "(func block)");
        assertMalformed("unexpected token", "(func (block end))");
        assertMalformed("wrong number of lane literals", "(func (drop (v128.const i32x4 1 2 3)))");
        assertMalformed("invalid lane length", "(func (drop (i8x16.shuffle 0 1 (v128.const i64x2 0 0))))");
        assertMalformed("malformed UTF-8 encoding", "(func (export \"\\80\"))");
        assertMalformed("empty identifier", "(func $)");
        assertMalformed("unclosed string", "(data \"abc");
        assertMalformed("illegal character", "(func \u0001)");
        assertMalformed("unexpected end", "(module (func");
        assertMalformed("invalid custom page size", "(memory 1 (pagesize 3))");
    }

    @Test
    void errorPosition_isLineAndColumnOfTheToken() {
        CompileException e = assertThrows(CompileException.class,
                () -> WatParser.parseModule("(module\n  (func\n    (br $nowhere)))", "pos.wat"));
        assertEquals("unknown label $nowhere at pos.wat:3:9", e.getMessage());
    }
}
