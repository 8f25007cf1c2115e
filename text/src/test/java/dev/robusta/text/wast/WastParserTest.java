package dev.robusta.text.wast;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.WasmModule;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WastParserTest {

    private static List<Directive> parse(String script) {
        return WastParser.parse(script, "t.wast").directives();
    }

    @Test
    void modules_textBinaryQuoteDefinitionInstance() {
        List<Directive> ds = parse(String.join("\n",
                "(module $M (func (export \"f\") (result i32) (i32.const 42)))",
                "(module binary \"\\00asm\" \"\\01\\00\\00\\00\")",
                "(module $Q quote \"(func\" \" (export \\\"g\\\"))\")",
                "(module definition $D (memory 1))",
                "(module instance $I $D)",
                "(module instance)"));
        Directive.DefineModule text = assertInstanceOf(Directive.DefineModule.class, ds.get(0));
        assertEquals(1, text.line());
        assertEquals("M", text.id());
        assertTrue(text.instantiate());
        WasmModule m = ((TextModule) text.source()).parse();
        assertEquals(1, m.exports().size());
        assertEquals("M", m.names().moduleName());

        Directive.DefineModule bin = (Directive.DefineModule) ds.get(1);
        assertNull(bin.id());
        assertArrayEquals(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}, ((BinaryModule) bin.source()).bytes());

        Directive.DefineModule quote = (Directive.DefineModule) ds.get(2);
        assertEquals("Q", quote.id());
        assertEquals("(func (export \"g\"))", ((QuoteModule) quote.source()).text());
        assertEquals("g", ((QuoteModule) quote.source()).parse().exports().get(0).name());

        Directive.DefineModule def = (Directive.DefineModule) ds.get(3);
        assertEquals("D", def.id());
        assertEquals(false, def.instantiate());
        assertEquals(1, ((TextModule) def.source()).parse().memories().size());

        assertEquals(new Directive.InstantiateModule(5, "I", "D"), ds.get(4));
        assertEquals(new Directive.InstantiateModule(6, null, null), ds.get(5));
    }

    @Test
    void actionsAndRegister() {
        List<Directive> ds = parse(String.join("\n",
                "(register \"lib\" $M)",
                "(register \"cur\")",
                "(invoke $M \"run\" (i32.const -1) (i64.const 0xffff_ffff_ffff_ffff) (f32.const -0x1p-1)"
                        + " (f64.const nan:0x1) (v128.const i16x8 1 2 3 4 5 6 7 -1) (ref.null extern) (ref.extern 7)"
                        + " (ref.host 3) (ref.null func))",
                "(get \"glob\")"));
        assertEquals(new Directive.Register(1, "lib", "M"), ds.get(0));
        assertEquals(new Directive.Register(2, "cur", null), ds.get(1));
        Action.Invoke inv = (Action.Invoke) ((Directive.Perform) ds.get(2)).action();
        assertEquals("M", inv.moduleId());
        assertEquals("run", inv.name());
        assertEquals(List.of(new Value.I32(-1), new Value.I64(-1L), new Value.F32(0xBF000000),
                new Value.F64(0x7FF0000000000001L), new Value.V128(0x0004000300020001L, 0xFFFF000700060005L),
                new Value.RefNull(ValType.HT_EXTERN), new Value.RefExtern(7), new Value.RefHost(3),
                new Value.RefNull(ValType.HT_FUNC)), inv.args());
        assertEquals(new Action.Get(null, "glob"), ((Directive.Perform) ds.get(3)).action());
    }

    @Test
    void assertReturn_valuesAndPatterns() {
        List<Directive> ds = parse(String.join("\n",
                "(assert_return (invoke \"f\"))",
                "(assert_return (invoke \"f\") (i32.const 1) (f32.const nan:canonical) (f64.const nan:arithmetic)"
                        + " (f64.const -nan:0x4000000000000) (ref.null) (ref.func) (ref.extern) (ref.extern 2)"
                        + " (ref.struct) (ref.array) (ref.i31) (ref.eq) (ref.any) (ref.exn) (ref.null any))",
                "(assert_return (invoke \"v\") (v128.const f32x4 nan:canonical 1 -0 nan:arithmetic)"
                        + " (v128.const f64x2 1 2) (v128.const i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 -1))",
                "(assert_return (invoke \"e\") (either (i32.const 1) (either (i64.const 2)) (ref.null)))"));
        Directive.AssertReturn empty = (Directive.AssertReturn) ds.get(0);
        assertEquals(List.of(), empty.results());
        Directive.AssertReturn r = (Directive.AssertReturn) ds.get(1);
        assertEquals(List.of(new Value.I32(1), new Expected.NanCanonical(ValType.F32),
                new Expected.NanArithmetic(ValType.F64), new Value.F64(0xFFF4000000000000L),
                new Expected.RefPattern(Expected.RefCategory.NULL), new Expected.RefPattern(Expected.RefCategory.FUNC),
                new Expected.RefPattern(Expected.RefCategory.EXTERN), new Value.RefExtern(2),
                new Expected.RefPattern(Expected.RefCategory.STRUCT), new Expected.RefPattern(Expected.RefCategory.ARRAY),
                new Expected.RefPattern(Expected.RefCategory.I31), new Expected.RefPattern(Expected.RefCategory.EQ),
                new Expected.RefPattern(Expected.RefCategory.ANY), new Expected.RefPattern(Expected.RefCategory.EXN),
                new Value.RefNull(ValType.HT_ANY)), r.results());
        Directive.AssertReturn v = (Directive.AssertReturn) ds.get(2);
        assertEquals(new Expected.V128Lanes(LaneShape.F32X4, List.of(new Expected.NanCanonical(ValType.F32),
                new Value.F32(0x3F800000), new Value.F32(0x80000000), new Expected.NanArithmetic(ValType.F32))),
                v.results().get(0));
        assertEquals(new Value.V128(0x3FF0000000000000L, 0x4000000000000000L), v.results().get(1));
        assertEquals(new Value.V128(0x0706050403020100L, 0xFF0E0D0C0B0A0908L), v.results().get(2));
        Directive.AssertReturn e = (Directive.AssertReturn) ds.get(3);
        assertEquals(List.of(new Expected.Either(List.of(new Value.I32(1),
                new Expected.Either(List.of(new Value.I64(2))), new Expected.RefPattern(Expected.RefCategory.NULL)))),
                e.results());
    }

    @Test
    void assertions_withActionsAndModules() {
        List<Directive> ds = parse(String.join("\n",
                "(assert_trap (invoke \"f\") \"unreachable\")",
                "(assert_trap (module (func $f unreachable) (start $f)) \"unreachable\")",
                "(assert_exhaustion (invoke \"r\") \"call stack exhausted\")",
                "(assert_exception (invoke \"t\"))",
                "(assert_malformed (module quote \"(func (i32.const))\") \"unexpected token\")",
                "(assert_invalid (module (func (result i32))) \"type mismatch\")",
                "(assert_unlinkable (module (import \"m\" \"f\" (func))) \"unknown import\")",
                "(assert_uninstantiable (module binary \"\") \"x\")",
                "(assert_suspension (invoke \"s\") \"suspend\")",
                "(assert_malformed_custom (module quote \"(@custom)\") \"@custom annotation\")",
                "(assert_invalid_custom (module) \"x\")"));
        assertEquals(new Directive.AssertTrap(1, new Action.Invoke(null, "f", List.of()), "unreachable"), ds.get(0));
        Directive.AssertUninstantiable u = (Directive.AssertUninstantiable) ds.get(1);
        assertEquals("unreachable", u.message());
        assertEquals(0, ((TextModule) u.module()).parse().start());
        assertEquals("call stack exhausted", ((Directive.AssertExhaustion) ds.get(2)).message());
        assertEquals(new Action.Invoke(null, "t", List.of()), ((Directive.AssertException) ds.get(3)).action());
        Directive.AssertMalformed mal = (Directive.AssertMalformed) ds.get(4);
        CompileException e = assertThrows(CompileException.class, () -> ((QuoteModule) mal.module()).parse());
        assertEquals("unexpected token \")\" at t.wast(quote@5):1:17", e.getMessage());
        assertEquals("type mismatch", ((Directive.AssertInvalid) ds.get(5)).message());
        assertInstanceOf(TextModule.class, ((Directive.AssertUnlinkable) ds.get(6)).module());
        assertInstanceOf(BinaryModule.class, ((Directive.AssertUninstantiable) ds.get(7)).module());
        assertInstanceOf(Directive.AssertSuspension.class, ds.get(8));
        assertInstanceOf(Directive.AssertMalformedCustom.class, ds.get(9));
        assertInstanceOf(Directive.AssertInvalidCustom.class, ds.get(10));
        assertEquals(11, ds.get(10).line());
    }

    @Test
    void scriptOfModuleFields_isOneModule() {
        List<Directive> ds = parse("(func) (memory 0) (func (export \"f\"))");
        assertEquals(1, ds.size());
        WasmModule m = ((TextModule) ((Directive.DefineModule) ds.get(0)).source()).parse();
        assertEquals(2, m.functions().size());
    }

    @Test
    void textModule_errorsPointIntoTheScript() {
        List<Directive> ds = parse("\n\n  (module\n    (func (br $nowhere)))");
        TextModule m = (TextModule) ((Directive.DefineModule) ds.get(0)).source();
        assertEquals(3, m.line());
        assertEquals(3, m.column());
        CompileException e = assertThrows(CompileException.class, m::parse);
        assertEquals("unknown label $nowhere at t.wast:4:15", e.getMessage());
    }

    @Test
    void quoteModule_keepsBytesThatAreNotUtf8() {
        List<Directive> ds = parse("(assert_malformed (module quote \"(@a \\80)\") \"malformed UTF-8 encoding\")");
        QuoteModule q = (QuoteModule) ((Directive.AssertMalformed) ds.get(0)).module();
        assertArrayEquals("(@a \u0080)".getBytes(StandardCharsets.ISO_8859_1), q.source());
        CompileException e = assertThrows(CompileException.class, q::parse);
        assertTrue(e.getMessage().startsWith("malformed UTF-8 encoding"), e.getMessage());
    }

    @Test
    void malformedScripts_areCompileExceptions() {
        assertThrows(CompileException.class, () -> parse("(assert_return)"));
        assertThrows(CompileException.class, () -> parse("(invoke)"));
        assertThrows(CompileException.class, () -> parse("(assert_return (invoke \"f\") (i32.const 1.5))"));
        assertThrows(CompileException.class, () -> parse("(bogus)"));
        assertThrows(CompileException.class, () -> parse("(module"));
        assertThrows(CompileException.class, () -> parse("(invoke \"f\"))"));
    }
}
