package dev.robusta.wasm.binary;

import dev.robusta.wasm.ArrayType;
import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.ElemSegment;
import dev.robusta.wasm.ExternKind;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.FuncTypeUse;
import dev.robusta.wasm.GlobalType;
import dev.robusta.wasm.Limits;
import dev.robusta.wasm.LocalGroup;
import dev.robusta.wasm.MemoryType;
import dev.robusta.wasm.NameSection;
import dev.robusta.wasm.SegmentMode;
import dev.robusta.wasm.StructType;
import dev.robusta.wasm.SubType;
import dev.robusta.wasm.TableType;
import dev.robusta.wasm.TagType;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.WasmModule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.robusta.wasm.binary.TestModules.bytes;
import static dev.robusta.wasm.binary.TestModules.code;
import static dev.robusta.wasm.binary.TestModules.functions;
import static dev.robusta.wasm.binary.TestModules.module;
import static dev.robusta.wasm.binary.TestModules.name;
import static dev.robusta.wasm.binary.TestModules.section;
import static dev.robusta.wasm.binary.TestModules.u32;
import static dev.robusta.wasm.binary.TestModules.voidType;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinaryDecoderTest {
    private static final int I32 = 0x7F, I64 = 0x7E, FUNCREF = 0x70, END = 0x0B, I32_CONST = 0x41;
    private static final byte[] CONST_0 = bytes(I32_CONST, 0, END);

    private static void assertMalformed(byte[] bytes, Features features, String message) {
        CompileException e = assertThrows(CompileException.class, () -> BinaryDecoder.decode(bytes, features));
        assertEquals(CompileException.Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().startsWith(message), "expected \"" + message + "\", got \"" + e.getMessage() + "\"");
    }

    private static String hex(byte[] b) {
        return ModuleDescription.hex(b);
    }

    @Test
    void decode_moduleWithEverySection_fillsTheModel() {
        byte[] body = bytes(1, 2, I64, 0x20, 0, END); // 2 x i64; local.get 0; end
        byte[] bytes = module(
                section(SectionId.TYPE, 1, 0x60, 1, I32, 1, I32),
                section(SectionId.IMPORT, 4,
                        name("env"), name("f"), 0, 0,
                        name("env"), name("t"), 1, FUNCREF, 1, 1, 2,
                        name("env"), name("m"), 2, 0, 1,
                        name("env"), name("g"), 3, I32, 0),
                functions(1),
                section(SectionId.TABLE, 1, FUNCREF, 0, 3),
                section(SectionId.MEMORY, 1, 1, 1, 2),
                section(SectionId.GLOBAL, 1, I64, 1, 0x42, 7, END),
                section(SectionId.EXPORT, 2, name("run"), 0, 1, name("mem"), 2, 1),
                section(SectionId.START, 1),
                section(SectionId.ELEMENT, 1, 0, CONST_0, 2, 0, 1),
                section(SectionId.DATA_COUNT, 1),
                code(body),
                section(SectionId.DATA, 1, 1, 2, 0xAA, 0xBB));
        WasmModule m = BinaryDecoder.decode(bytes, Features.V2);

        assertEquals(List.of(SubType.of(FuncType.of(List.of(ValType.I32), List.of(ValType.I32)))), m.types());
        assertEquals(4, m.imports().size());
        assertEquals(new FuncTypeUse(0), m.imports().get(0).type());
        assertEquals(new TableType(ValType.FUNCREF, Limits.of(1, 2)), m.imports().get(1).type());
        assertEquals(new MemoryType(Limits.of(1)), m.imports().get(2).type());
        assertEquals(new GlobalType(ValType.I32, false), m.imports().get(3).type());
        assertEquals(List.of(0), m.functions());
        assertEquals(new TableType(ValType.FUNCREF, Limits.of(3)), m.tables().get(0).type());
        assertNull(m.tables().get(0).init());
        assertEquals(new MemoryType(Limits.of(1, 2)), m.memories().get(0));
        assertEquals(new GlobalType(ValType.I64, true), m.globals().get(0).type());
        assertEquals("42070b", hex(m.globals().get(0).init().code()));
        assertEquals(ExternKind.MEMORY, m.exports().get(1).kind());
        assertEquals("run", m.exports().get(0).name());
        assertEquals(1, m.start());
        assertEquals(1, m.dataCount());
        assertEquals(List.of(new LocalGroup(2, ValType.I64)), m.codes().get(0).locals());
        assertEquals("20000b", hex(m.codes().get(0).body().code()));
        int firstInstruction = indexOf(bytes, bytes(2, I64, 0x20, 0, END)) + 2;
        assertEquals(firstInstruction, m.codes().get(0).body().offset());
        assertEquals(SegmentMode.PASSIVE, m.datas().get(0).mode());
        assertEquals("aabb", hex(m.datas().get(0).init()));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    @Test
    void decode_theEightElementEncodings_keepFlagsAndGiveExpressions() {
        byte[] refNull = bytes(0xD0, FUNCREF, END);
        byte[] refFunc1 = bytes(0xD2, 1, END);
        byte[] bytes = module(voidType(), functions(2),
                section(SectionId.TABLE, 2, FUNCREF, 0, 1, FUNCREF, 0, 1),
                section(SectionId.ELEMENT, 8,
                        0, CONST_0, 1, 1,                     // active table 0, function indices
                        1, 0, 1, 0,                           // passive, elemkind, function indices
                        2, 1, CONST_0, 0, 1, 1,               // active table 1, elemkind, function indices
                        3, 0, 2, 0, 1,                        // declarative, elemkind, function indices
                        4, CONST_0, 2, refFunc1, refNull,     // active table 0, expressions
                        5, FUNCREF, 1, refNull,               // passive, type, expressions
                        6, 1, CONST_0, FUNCREF, 1, refFunc1,  // active table 1, type, expressions
                        7, FUNCREF, 1, refFunc1),             // declarative, type, expressions
                code(bytes(0, END), bytes(0, END)));
        List<ElemSegment> e = BinaryDecoder.decode(bytes, Features.V2).elements();

        SegmentMode[] modes = {SegmentMode.ACTIVE, SegmentMode.PASSIVE, SegmentMode.ACTIVE, SegmentMode.DECLARATIVE};
        int[] tables = {0, 0, 1, 0};
        for (int flags = 0; flags < 8; flags++) {
            assertEquals(flags, e.get(flags).flags());
            assertEquals(modes[flags % 4], e.get(flags).mode(), "flags " + flags);
            assertEquals(tables[flags % 4], e.get(flags).tableIdx(), "flags " + flags);
            assertEquals(ValType.FUNCREF, e.get(flags).type());
            assertEquals(flags % 2 == 0 && flags % 4 != 3, e.get(flags).offset() != null);
        }
        assertEquals("d2010b", hex(e.get(0).init().get(0).code()));
        assertEquals(List.of("d2000b", "d2010b"), e.get(3).init().stream().map(x -> hex(x.code())).toList());
        assertEquals(List.of("d2010b", "d0700b"), e.get(4).init().stream().map(x -> hex(x.code())).toList());
        assertEquals(-1, e.get(0).init().get(0).offset(), "ref.func of an index is not read from the binary");
    }

    @Test
    void decode_functionIndexElementsWithGc_haveTypeRefFunc() {
        byte[] bytes = module(voidType(), functions(1), section(SectionId.ELEMENT, 1, 1, 0, 1, 0), code(bytes(0, END)));
        assertEquals(ValType.ref(false, ValType.HT_FUNC),
                BinaryDecoder.decode(bytes, Features.V3).elements().get(0).type());
    }

    @Test
    void decode_elementErrors() {
        assertMalformed(module(section(SectionId.ELEMENT, 1, 8)), Features.V3, "malformed elements segment kind");
        assertMalformed(module(section(SectionId.ELEMENT, 1, 1, 1, 0)), Features.V3, "malformed element kind");
        assertMalformed(module(section(SectionId.ELEMENT, 1, 5, I32, 0)), Features.V3, "malformed reference type");
    }

    @Test
    void decode_theThreeDataEncodings() {
        byte[] bytes = module(section(SectionId.MEMORY, 2, 0, 1, 0, 1),
                section(SectionId.DATA, 3, 0, CONST_0, 1, 7, 1, 0, 2, 1, CONST_0, 2, 8, 9));
        WasmModule m = BinaryDecoder.decode(bytes, Features.V3);
        assertEquals(List.of(0, 1, 2), m.datas().stream().map(d -> d.flags()).toList());
        assertEquals(List.of(SegmentMode.ACTIVE, SegmentMode.PASSIVE, SegmentMode.ACTIVE),
                m.datas().stream().map(d -> d.mode()).toList());
        assertEquals(1, m.datas().get(2).memIdx());
        assertEquals("0809", hex(m.datas().get(2).init()));
        assertMalformed(module(section(SectionId.DATA, 1, 3)), Features.V3, "malformed data segment kind");
    }

    @Test
    void decode_customSections_keepBytesAndPlacement() {
        byte[] bytes = module(section(0, name("a"), 1, 2), voidType(), section(0, name("b")), functions(1),
                code(bytes(0, END)), section(0, name("c"), 3));
        WasmModule m = BinaryDecoder.decode(bytes, Features.V2);
        assertEquals(List.of("a", "b", "c"), m.customSections().stream().map(c -> c.name()).toList());
        assertEquals(List.of(0, SectionId.TYPE, SectionId.CODE),
                m.customSections().stream().map(c -> c.placement()).toList());
        assertArrayEquals(new byte[] {1, 2}, m.customSections().get(0).content());
        assertArrayEquals(bytes, BinaryEncoder.encode(m));
    }

    @Test
    void decode_nameSection_givesModuleFunctionAndLocalNames() {
        byte[] names = bytes(name("name"),
                0, 4, name("mod"),
                1, 9, 2, 0, name("f0"), 1, name("f1"),
                2, 9, 1, 1, 2, 0, name("x"), 3, name("y"));
        WasmModule m = BinaryDecoder.decode(module(section(0, names)), Features.V2);
        NameSection n = m.names();
        assertEquals("mod", n.moduleName());
        assertEquals(Map.of(0, "f0", 1, "f1"), n.functionNames());
        assertEquals(Map.of(1, Map.of(0, "x", 3, "y")), n.localNames());
        assertEquals(1, m.customSections().size());
    }

    @Test
    void decode_malformedNameSection_isIgnored() {
        byte[] truncated = bytes(name("name"), 1, 8, 2, 0, name("f0"));
        byte[] outOfOrder = bytes(name("name"), 1, 1, 0, 0, 4, name("mod"));
        byte[] badUtf8 = bytes(name("name"), 0, 2, 1, 0xFF);
        for (byte[] content : List.of(truncated, outOfOrder, badUtf8)) {
            WasmModule m = BinaryDecoder.decode(module(section(0, content)), Features.V2);
            assertEquals(NameSection.EMPTY, m.names());
            assertEquals("name", m.customSections().get(0).name());
        }
    }

    @Test
    void decode_tagSection_needsExceptionHandlingAndComesBeforeGlobals() {
        byte[] tag = section(SectionId.TAG, 1, 0, 0);
        WasmModule m = BinaryDecoder.decode(module(voidType(), section(SectionId.MEMORY, 0), tag,
                section(SectionId.GLOBAL, 0)), Features.V3);
        assertEquals(List.of(new TagType(0)), m.tags());
        assertMalformed(module(voidType(), tag), Features.V2, "malformed section id");
        assertMalformed(module(voidType(), section(SectionId.GLOBAL, 0), tag), Features.V3,
                "unexpected content after last section");
        assertMalformed(module(voidType(), section(SectionId.TAG, 1, 1, 0)), Features.V3, "zero byte expected");
        WasmModule imported = BinaryDecoder.decode(module(voidType(),
                section(SectionId.IMPORT, 1, name("m"), name("t"), 4, 0, 0)), Features.V3);
        assertEquals(new TagType(0), imported.imports().get(0).type());
        assertMalformed(module(voidType(), section(SectionId.IMPORT, 1, name("m"), name("t"), 4, 0, 0)),
                Features.V2, "malformed import kind");
        assertMalformed(module(section(SectionId.EXPORT, 1, name("t"), 4, 0)), Features.V2, "malformed export kind");
    }

    @Test
    void decode_recursionGroupsAndSubtypes_withGc() {
        byte[] types = section(SectionId.TYPE, 2,
                0x4E, 2,                          // rec
                0x50, 0, 0x5F, 1, I32, 1,         //   (sub (struct (field (mut i32))))
                0x4F, 1, 0, 0x5F, 2, I32, 1, 0x78, 0, //   (sub final 0 (struct (field (mut i32)) (field i8)))
                0x5E, 0x63, 0, 0);                // (array (ref null 0))
        WasmModule m = BinaryDecoder.decode(module(types), Features.V3);
        assertEquals(2, m.recTypes().size());
        assertEquals(3, m.types().size());
        SubType first = m.types().get(0);
        assertTrue(!first.isFinal() && first.supertypes().isEmpty());
        assertEquals(List.of(0), m.types().get(1).supertypes());
        assertTrue(m.types().get(1).isFinal());
        assertEquals(ValType.I8, ((StructType) m.types().get(1).compositeType()).fields().get(1).storageType());
        assertEquals(ValType.ref(true, 0), ((ArrayType) m.types().get(2).compositeType()).element().storageType());
        assertArrayEquals(module(types), BinaryEncoder.encode(m));

        assertMalformed(module(types), Features.V2, "malformed function type");
        assertMalformed(module(section(SectionId.TYPE, 1, 0x5D)), Features.V3, "malformed definition type");
    }

    @Test
    void decode_referenceTypesBeyondFuncrefAndExternref_needGc() {
        byte[] anyrefGlobal = module(section(SectionId.GLOBAL, 1, 0x6E, 0, 0xD0, 0x6E, END));
        assertEquals(ValType.ANYREF, BinaryDecoder.decode(anyrefGlobal, Features.V3).globals().get(0).type().valType());
        assertMalformed(anyrefGlobal, Features.V2, "malformed value type");
    }

    @Test
    void decode_tableWithInitializer_withGc() {
        byte[] bytes = module(voidType(), functions(1),
                section(SectionId.TABLE, 1, 0x40, 0, 0x64, FUNCREF, 0, 1, 0xD2, 0, END), code(bytes(0, END)));
        WasmModule m = BinaryDecoder.decode(bytes, Features.V3);
        assertEquals(ValType.ref(false, ValType.HT_FUNC), m.tables().get(0).type().elemType());
        assertEquals("d2000b", hex(m.tables().get(0).init().code()));
        assertArrayEquals(bytes, BinaryEncoder.encode(m));
        assertMalformed(bytes, Features.V2, "malformed reference type");
    }

    @Test
    void decode_limitsFlags_byFeature() {
        byte[] mem64 = module(section(SectionId.MEMORY, 1, 5, 1, u32(1L << 40)));
        Limits l = BinaryDecoder.decode(mem64, Features.V3).memories().get(0).limits();
        assertTrue(l.is64() && l.hasMax());
        assertEquals(1L << 40, l.max());
        assertArrayEquals(mem64, BinaryEncoder.encode(BinaryDecoder.decode(mem64, Features.V3)));
        assertMalformed(mem64, Features.V2, "integer too large");

        byte[] shared = module(section(SectionId.MEMORY, 1, 3, 1, 2));
        assertTrue(BinaryDecoder.decode(shared, Features.ALL).memories().get(0).limits().shared());
        assertMalformed(shared, Features.V3, "malformed limits flags");
        assertMalformed(module(section(SectionId.TABLE, 1, FUNCREF, 3, 1, 2)), Features.ALL, "malformed limits flags");

        byte[] pageSize = module(section(SectionId.MEMORY, 1, 8, 1, 0));
        assertEquals(0, BinaryDecoder.decode(pageSize, Features.ALL).memories().get(0).pageSizeLog2());
        assertArrayEquals(pageSize, BinaryEncoder.encode(BinaryDecoder.decode(pageSize, Features.ALL)));
        assertMalformed(pageSize, Features.V3, "malformed limits flags");
        assertMalformed(module(section(SectionId.MEMORY, 1, 8, 1, 64)), Features.ALL, "invalid custom page size");

        byte[] table64 = module(section(SectionId.TABLE, 1, FUNCREF, 4, 1));
        assertTrue(BinaryDecoder.decode(table64, Features.V3).tables().get(0).type().limits().is64());
    }

    @Test
    void decode_blockStructure_isFollowed() {
        byte[] ifElse = bytes(0, 0x41, 1, 0x04, 0x40, 0x01, 0x05, 0x01, END, END);
        assertEquals(9, BinaryDecoder.decode(module(voidType(), functions(1), code(ifElse)), Features.V2)
                .codes().get(0).body().code().length);
        // else in a block, a second else, else at the top: "END opcode expected"
        for (byte[] body : List.of(bytes(0, 0x02, 0x40, 0x05, END, END),
                bytes(0, 0x41, 1, 0x04, 0x40, 0x05, 0x05, END, END), bytes(0, 0x05, END))) {
            assertMalformed(module(voidType(), functions(1), code(body)), Features.V2, "END opcode expected");
        }
        // an end before the declared size
        byte[] early = bytes(0, END, 0x01);
        assertMalformed(module(voidType(), functions(1), code(early)), Features.V2, "section size mismatch");
    }

    @Test
    void decode_legacyExceptionHandling_blocks() {
        // try (catch 0) (catch_all) end; try delegate 0; end
        byte[] body = bytes(0, 0x06, 0x40, 0x07, 0, 0x19, END, 0x06, 0x40, 0x18, 0, END);
        byte[] bytes = module(voidType(), functions(1), section(SectionId.TAG, 1, 0, 0), code(body));
        assertEquals(body.length - 1,
                BinaryDecoder.decode(bytes, Features.V3).codes().get(0).body().code().length);
        byte[] catchOutsideTry = bytes(0, 0x02, 0x40, 0x19, END, END);
        assertMalformed(module(voidType(), functions(1), code(catchOutsideTry)), Features.V3, "END opcode expected");
        byte[] catchAfterCatchAll = bytes(0, 0x06, 0x40, 0x19, 0x07, 0, END, END);
        assertMalformed(module(voidType(), functions(1), section(SectionId.TAG, 1, 0, 0), code(catchAfterCatchAll)),
                Features.V3, "END opcode expected");
        assertMalformed(module(voidType(), functions(1), code(body)), Features.V2, "illegal opcode 06");
    }

    @Test
    void decode_dataIndicesInCode_needTheDataCountSection() {
        byte[] dataDrop = bytes(0, 0xFC, 9, 0, END);
        byte[] memory = section(SectionId.MEMORY, 1, 0, 1);
        byte[] data = section(SectionId.DATA, 1, 1, 0);
        assertMalformed(module(voidType(), functions(1), memory, code(dataDrop), data), Features.V2,
                "data count section required");
        WasmModule m = BinaryDecoder.decode(module(voidType(), functions(1), memory,
                section(SectionId.DATA_COUNT, 1), code(dataDrop), data), Features.V2);
        assertEquals(1, m.dataCount());
        // a constant expression is not function code: data.drop there is the validator's business
        byte[] global = section(SectionId.GLOBAL, 1, I32, 0, 0xFC, 9, 0, CONST_0);
        assertEquals("fc0900410" + "00b", hex(BinaryDecoder.decode(module(global), Features.V2)
                .globals().get(0).init().code()));
    }

    @Test
    void decode_headerAndSectionErrors() {
        assertMalformed(new byte[0], Features.V2, "unexpected end");
        assertMalformed(bytes(0, 'a', 's', 'n', 1, 0, 0, 0), Features.V2, "magic header not detected");
        assertMalformed(bytes(0, 'a', 's', 'm', 2, 0, 0, 0), Features.V2, "unknown binary version");
        assertMalformed(module(bytes(14, 0)), Features.ALL, "malformed section id");
        assertMalformed(module(functions(1)), Features.V2, "function and code section have inconsistent lengths");
        assertMalformed(module(section(SectionId.TYPE, 0, 0)), Features.V2, "section size mismatch");
        assertMalformed(module(section(SectionId.GLOBAL, 1, I32, 2, CONST_0)), Features.V2, "malformed mutability");
    }
}
