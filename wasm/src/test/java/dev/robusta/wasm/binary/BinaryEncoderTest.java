package dev.robusta.wasm.binary;

import dev.robusta.wasm.CustomSection;
import dev.robusta.wasm.DataSegment;
import dev.robusta.wasm.ElemSegment;
import dev.robusta.wasm.Expression;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.FunctionBody;
import dev.robusta.wasm.LocalGroup;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.SegmentMode;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.WasmModule;
import dev.robusta.wasm.binary.WastBinaryModules.Case;
import dev.robusta.wasm.binary.WastBinaryModules.Expect;
import dev.robusta.wasm.code.CodeWriter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinaryEncoderTest {

    /**
     * The suite's binary modules that are not in canonical form, and why: the encoder cannot give their
     * bytes back (the model keeps no LEB128 lengths and no empty sections). Every entry must really differ
     * after a round trip, so the list cannot hide a module that should be identical.
     */
    private static final Map<String, String> NON_CANONICAL = new TreeMap<>();

    static {
        String leb = "LEB128 numbers of non-minimal length";
        for (int line : new int[] {2, 7, 12, 18, 24, 32, 41, 49, 57, 66, 75, 87, 99, 111, 120, 133, 146}) {
            NON_CANONICAL.put("wasm-2.0/binary-leb128.wast:" + line, leb);
            NON_CANONICAL.put("wasm-3.0/binary-leb128.wast:" + line, leb);
        }
        for (int line : new int[] {1007, 1015, 1024, 1035, 1043, 1052, 1061}) {
            NON_CANONICAL.put("wasm-2.0/binary-leb128.wast:" + line, leb + " (segment flags, indices)");
            NON_CANONICAL.put("wasm-3.0/binary-leb128.wast:" + (line - 5), leb + " (segment flags, indices)");
        }
        for (int line : new int[] {2, 8, 36}) {
            NON_CANONICAL.put("wasm-3.0/binary0.wast:" + line, leb);
        }
        for (String suite : new String[] {"wasm-2.0", "wasm-3.0"}) {
            NON_CANONICAL.put(suite + "/float_literals.wast:224", "5-byte LEB128 section and body sizes");
            NON_CANONICAL.put(suite + "/custom.wast:14", "empty sections between the custom sections");
        }
        for (int line : new int[] {441, 447, 643, 671, 788, 835, 888, 916, 970, 1034}) {
            NON_CANONICAL.put("wasm-2.0/binary.wast:" + line, "an empty section (\"count can be zero\")");
        }
        for (int line : new int[] {250, 256, 452, 480, 597, 644, 697, 725, 779, 843}) {
            NON_CANONICAL.put("wasm-3.0/binary.wast:" + line, "an empty section (\"count can be zero\")");
        }
    }

    @TestFactory
    Stream<DynamicTest> roundTrip_wasm20() {
        return roundTrips("wasm-2.0", Features.V2);
    }

    @TestFactory
    Stream<DynamicTest> roundTrip_wasm30() {
        return roundTrips("wasm-3.0", Features.V3);
    }

    private static Stream<DynamicTest> roundTrips(String suite, Features features) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : WastBinaryModules.load(suite)) {
            if (c.expect() != Expect.MALFORMED) {
                String name = suite + "/" + c.name();
                tests.add(DynamicTest.dynamicTest(name, () -> roundTrip(name, c.bytes(), features)));
            }
        }
        return tests.stream();
    }

    /**
     * A canonical module comes back byte for byte; any module comes back with the same meaning, and its
     * re-encoding is canonical (encoding it again changes nothing).
     */
    private static void roundTrip(String name, byte[] original, Features features) {
        WasmModule m = BinaryDecoder.decode(original, features);
        byte[] encoded = BinaryEncoder.encode(m);
        String reason = NON_CANONICAL.get(name);
        if (reason == null) {
            assertEquals(ModuleDescription.hex(original), ModuleDescription.hex(encoded), name);
        } else {
            assertTrue(!ModuleDescription.hex(original).equals(ModuleDescription.hex(encoded)),
                    name + " is listed as non-canonical (" + reason + ") but round-trips exactly");
        }
        WasmModule again = BinaryDecoder.decode(encoded, features);
        assertEquals(ModuleDescription.of(m), ModuleDescription.of(again), name);
        assertEquals(ModuleDescription.hex(encoded), ModuleDescription.hex(BinaryEncoder.encode(again)), name);
    }

    @Test
    void nonCanonicalList_namesOnlyModulesOfTheSuite() {
        Set<String> names = new java.util.HashSet<>();
        for (String suite : new String[] {"wasm-2.0", "wasm-3.0"}) {
            for (Case c : WastBinaryModules.load(suite)) {
                if (c.expect() != Expect.MALFORMED) {
                    names.add(suite + "/" + c.name());
                }
            }
        }
        for (String listed : NON_CANONICAL.keySet()) {
            assertTrue(names.contains(listed), listed + " is no valid binary module of the suite");
        }
    }

    @Test
    void encode_allElementAndDataEncodings_roundTrip() {
        WasmModule m = new WasmModule();
        m.addFuncType(FuncType.of(List.of(), List.of()));
        m.functions().add(0);
        m.codes().add(new FunctionBody(List.of(new LocalGroup(2, ValType.I32)), Expression.of(new byte[] {0x0B})));
        Expression offset = constI32(0);
        Expression f0 = ElementSectionReader.refFunc(0);
        Expression nullFunc = refNullFunc();
        for (int flags = 0; flags < 8; flags++) {
            boolean active = (flags & 1) == 0;
            SegmentMode mode = active ? SegmentMode.ACTIVE
                    : (flags & 2) != 0 ? SegmentMode.DECLARATIVE : SegmentMode.PASSIVE;
            List<Expression> init = (flags & 4) != 0 ? List.of(f0, nullFunc) : List.of(f0, f0);
            m.elements().add(new ElemSegment(flags, mode, 0, active ? offset : null, ValType.FUNCREF, init));
        }
        m.datas().add(new DataSegment(0, SegmentMode.ACTIVE, 0, offset, new byte[] {1, 2}));
        m.datas().add(new DataSegment(1, SegmentMode.PASSIVE, 0, null, new byte[] {3}));
        m.datas().add(new DataSegment(2, SegmentMode.ACTIVE, 0, offset, new byte[0]));
        m.setDataCount(3);
        m.customSections().add(new CustomSection("first", new byte[] {9}, 0));
        m.customSections().add(new CustomSection("after code", new byte[0], SectionId.CODE));

        byte[] bytes = BinaryEncoder.encode(m);
        WasmModule back = BinaryDecoder.decode(bytes, Features.V2);

        assertEquals(ModuleDescription.of(m), ModuleDescription.of(back));
        for (int flags = 0; flags < 8; flags++) {
            assertEquals(flags, back.elements().get(flags).flags());
        }
        assertEquals(ModuleDescription.hex(bytes), ModuleDescription.hex(BinaryEncoder.encode(back)));
    }

    @Test
    void encode_functionIndexFlagsWithOtherInitializer_isRejected() {
        WasmModule m = new WasmModule();
        Expression nullFunc = refNullFunc();
        m.elements().add(new ElemSegment(1, SegmentMode.PASSIVE, 0, null, ValType.FUNCREF, List.of(nullFunc)));
        assertThrows(IllegalArgumentException.class, () -> BinaryEncoder.encode(m));
    }

    static Expression constI32(int value) {
        CodeWriter w = new CodeWriter();
        w.op(Opcode.I32_CONST).s32(value);
        return w.op(Opcode.END).toExpression();
    }

    static Expression refNullFunc() {
        CodeWriter w = new CodeWriter();
        w.op(Opcode.REF_NULL).heapType(ValType.HT_FUNC);
        return w.op(Opcode.END).toExpression();
    }
}
