package dev.robusta.text;

import dev.robusta.wasm.ElemSegment;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.WasmModule;
import dev.robusta.wasm.binary.BinaryDecoder;
import dev.robusta.wasm.binary.BinaryEncoder;
import dev.robusta.wasm.validate.Validator;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Element segments: the model the parser builds is the one the decoder builds from its encoding under the
 * same features (field by field), and a parsed module validates whatever features it was parsed with.
 */
class WatParserElemTest {
    private static final List<Features> MODES = List.of(Features.V2, Features.V3, Features.ALL);
    private static final ValType REF_FUNC = ValType.ref(false, ValType.HT_FUNC);

    /** The module a unit test once failed to load with Module.of(WatParser.parseModule(..), DEFAULT). */
    private static final String CALL_INDIRECT = "(module\n"
            + "  (type $t (func (param i32) (result i32)))\n"
            + "  (func $sq (type $t) local.get 0 local.get 0 i32.mul)\n"
            + "  (func $boom (type $t) unreachable)\n"
            + "  (table 2 funcref)\n"
            + "  (elem (i32.const 0) func $sq $boom)\n"
            + "  (func (export \"call\") (param i32 i32) (result i32) local.get 0 local.get 1 call_indirect (type $t)))";

    private static String wat(String elem) {
        return "(module (table 2 funcref) (func $a) (func $b) " + elem + ")";
    }

    /** Every field of a segment, expressions in hex. */
    private static String fields(ElemSegment s) {
        HexFormat hex = HexFormat.of();
        return "flags=" + s.flags() + " mode=" + s.mode() + " table=" + s.tableIdx()
                + " offset=" + (s.offset() == null ? null : hex.formatHex(s.offset().code()))
                + " type=" + s.type()
                + " init=" + s.init().stream().map(e -> hex.formatHex(e.code())).toList();
    }

    private static String parsed(String elem, Features features) {
        return fields(WatParser.parseModule(wat(elem), "t.wat", features).elements().get(0));
    }

    private static void assertSameModelAsDecoder(String elem) {
        for (Features f : MODES) {
            WasmModule m = WatParser.parseModule(wat(elem), "t.wat", f);
            WasmModule decoded = BinaryDecoder.decode(BinaryEncoder.encode(m), f);
            assertEquals(m.elements().size(), decoded.elements().size(), elem);
            for (int i = 0; i < m.elements().size(); i++) {
                assertEquals(fields(decoded.elements().get(i)), fields(m.elements().get(i)), elem + " in " + f);
            }
        }
    }

    @Test
    void activeFuncList_indices_funcrefIn2_refFuncIn3() {
        String elem = "(elem (i32.const 0) func $a $b)";
        assertSameModelAsDecoder(elem);
        assertEquals("flags=0 mode=ACTIVE table=0 offset=41000b type=funcref init=[d2000b, d2010b]",
                parsed(elem, Features.V2));
        assertEquals("flags=0 mode=ACTIVE table=0 offset=41000b type=" + REF_FUNC + " init=[d2000b, d2010b]",
                parsed(elem, Features.V3));
    }

    @Test
    void activeLegacyList_sameAsFuncList() {
        String elem = "(elem (i32.const 0) $a $b)";
        assertSameModelAsDecoder(elem);
        for (Features f : MODES) {
            assertEquals(parsed("(elem (i32.const 0) func $a $b)", f), parsed(elem, f));
        }
    }

    @Test
    void passiveFuncList() {
        String elem = "(elem func $a)";
        assertSameModelAsDecoder(elem);
        assertEquals("flags=1 mode=PASSIVE table=0 offset=null type=funcref init=[d2000b]", parsed(elem, Features.V2));
        assertEquals("flags=1 mode=PASSIVE table=0 offset=null type=" + REF_FUNC + " init=[d2000b]",
                parsed(elem, Features.ALL));
    }

    @Test
    void declarativeFuncList() {
        String elem = "(elem declare func $a)";
        assertSameModelAsDecoder(elem);
        assertEquals("flags=3 mode=DECLARATIVE table=0 offset=null type=funcref init=[d2000b]",
                parsed(elem, Features.V2));
        assertEquals("flags=3 mode=DECLARATIVE table=0 offset=null type=" + REF_FUNC + " init=[d2000b]",
                parsed(elem, Features.V3));
    }

    @Test
    void explicitTableAndExpressions_keepFuncref() {
        String elem = "(elem (table 0) (offset (i32.const 0)) funcref (ref.func $a) (ref.null func))";
        assertSameModelAsDecoder(elem);
        for (Features f : MODES) {
            assertEquals("flags=4 mode=ACTIVE table=0 offset=41000b type=funcref init=[d2000b, d0700b]",
                    parsed(elem, f), f.toString());
        }
    }

    @Test
    void expressionsOfOnlyRefFunc_indicesIn2_expressionsIn3() {
        String elem = "(elem (i32.const 1) funcref (ref.func $b))";
        assertSameModelAsDecoder(elem);
        assertEquals("flags=0 mode=ACTIVE table=0 offset=41010b type=funcref init=[d2010b]", parsed(elem, Features.V2));
        assertEquals("flags=4 mode=ACTIVE table=0 offset=41010b type=funcref init=[d2010b]", parsed(elem, Features.V3));
    }

    @Test
    void inlineTableElements() {
        String wat = "(module (func $a) (table funcref (elem $a $a)))";
        for (Features f : MODES) {
            WasmModule m = WatParser.parseModule(wat, "t.wat", f);
            WasmModule decoded = BinaryDecoder.decode(BinaryEncoder.encode(m), f);
            assertEquals(fields(decoded.elements().get(0)), fields(m.elements().get(0)), f.toString());
        }
    }

    /**
     * A function-index segment is typed by the features it was parsed with ((ref func) in 3.0), but its
     * binary form has no type: the module is valid under any features, as its binary is.
     */
    @Test
    void callIndirectModule_validUnderAnyFeatures_whateverItWasParsedWith() {
        for (Features parsedWith : MODES) {
            WasmModule m = WatParser.parseModule(CALL_INDIRECT, "t.wat", parsedWith);
            for (Features validatedWith : MODES) {
                assertDoesNotThrow(() -> Validator.validate(m, validatedWith),
                        "parsed with " + parsedWith + ", validated with " + validatedWith);
            }
        }
    }

    /** In 3.0 a function list is (ref func): it may initialize a table of non-nullable references. */
    @Test
    void funcListForRefFuncTable_validIn3() {
        String wat = "(module (func $a) (table 1 (ref func) (ref.func $a)) (elem (i32.const 0) func $a))";
        WasmModule m = WatParser.parseModule(wat, "t.wat", Features.V3);
        assertEquals(REF_FUNC, m.elements().get(0).type());
        assertDoesNotThrow(() -> Validator.validate(m, Features.V3));
    }
}
