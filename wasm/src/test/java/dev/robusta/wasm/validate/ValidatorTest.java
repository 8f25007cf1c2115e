package dev.robusta.wasm.validate;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.DataSegment;
import dev.robusta.wasm.ElemSegment;
import dev.robusta.wasm.Expression;
import dev.robusta.wasm.ExternKind;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.Global;
import dev.robusta.wasm.GlobalType;
import dev.robusta.wasm.Import;
import dev.robusta.wasm.Limits;
import dev.robusta.wasm.LocalGroup;
import dev.robusta.wasm.MemoryType;
import dev.robusta.wasm.RecType;
import dev.robusta.wasm.StructType;
import dev.robusta.wasm.SubType;
import dev.robusta.wasm.FieldType;
import dev.robusta.wasm.SegmentMode;
import dev.robusta.wasm.Table;
import dev.robusta.wasm.TableType;
import dev.robusta.wasm.TagType;
import dev.robusta.wasm.ValType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.robusta.wasm.Opcode.*;
import static dev.robusta.wasm.ValType.EXTERNREF;
import static dev.robusta.wasm.ValType.FUNCREF;
import static dev.robusta.wasm.ValType.HT_EXTERN;
import static dev.robusta.wasm.ValType.HT_FUNC;
import static dev.robusta.wasm.ValType.I32;
import static dev.robusta.wasm.ValType.I64;
import static dev.robusta.wasm.validate.Asm.code;
import static dev.robusta.wasm.validate.Fixture.module;
import static dev.robusta.wasm.validate.Fixture.type;
import static dev.robusta.wasm.validate.Fixture.types;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Module-level validation, in the order of the spec's sections 3.2 (Types) and 3.4 (Modules). */
class ValidatorTest {

    static MemoryType memory(long min, long max) {
        return new MemoryType(Limits.of(min, max));
    }

    static MemoryType memory64(long min) {
        return new MemoryType(new Limits(min, 0, false, true, false));
    }

    @Nested
    class Limits_ {
        @Test
        void memory_atMost65536Pages() {
            module().memory(memory(0, 65536)).valid();
            module().memory(65536).valid();
            module().memory(65537).invalid("memory size must be at most 65536 pages (4GiB)");
            module().memory(memory(0, 65537)).invalid("memory size must be at most 65536 pages (4GiB)");
            module().memory(0x1_0000_0000L).invalid("memory size must be at most 65536 pages (4GiB)");
            module().importMemory(Limits.of(0, 65537)).invalid("memory size must be at most 65536 pages (4GiB)");
        }

        @Test
        void memory_minNotAboveMax() {
            module().memory(memory(2, 1)).invalid("size minimum must not be greater than maximum");
            module().importMemory(Limits.of(2, 1)).invalid("size minimum must not be greater than maximum");
            module().memory(memory(1, 1)).valid();
        }

        @Test
        void memory64_atMost2To48Pages() {
            module().memory(memory64(1L << 48)).features(Features.V3).valid();
            module().memory(memory64((1L << 48) + 1)).features(Features.V3).invalid("memory size");
        }

        @Test
        void memory_sharedNeedsMaximum() {
            module().memory(new MemoryType(new Limits(1, 0, false, false, true))).features(Features.ALL)
                    .invalid("shared memory must have maximum");
            module().memory(new MemoryType(new Limits(1, 2, true, false, true))).features(Features.ALL).valid();
        }

        @Test
        void memory_customPageSize() {
            module().memory(new MemoryType(Limits.of(1), 0)).features(Features.ALL).valid();
            module().memory(new MemoryType(Limits.of(1), 0)).invalid("invalid custom page size");
            module().memory(new MemoryType(Limits.of(1), 12)).features(Features.ALL).invalid("invalid custom page size");
            module().memory(new MemoryType(Limits.of(0xFFFF_FFFFL), 0)).features(Features.ALL).valid();
            module().memory(new MemoryType(Limits.of(0x1_0000_0000L), 0)).features(Features.ALL)
                    .invalid("memory size must be at most");
            module().memory(new MemoryType(new Limits(-1L, 0, false, true, false), 0)).features(Features.ALL).valid();
        }

        @Test
        void table_limits() {
            module().table(new TableType(FUNCREF, Limits.of(2, 1))).invalid("size minimum must not be greater than maximum");
            module().table(new TableType(FUNCREF, Limits.of(0xFFFF_FFFFL))).valid();
            module().table(new TableType(FUNCREF, Limits.of(0x1_0000_0000L))).invalid("table size must be at most 2^32-1");
            module().importTable(FUNCREF, Limits.of(3, 2)).invalid("size minimum must not be greater than maximum");
        }
    }

    @Nested
    class Types {
        Fixture with(RecType... groups) {
            Fixture f = module().features(Features.V3);
            for (RecType g : groups) {
                f.m.addRecType(g);
            }
            return f;
        }

        RecType single(SubType st) {
            return new RecType(List.of(st));
        }

        @Test
        void references_onlyToEarlierTypesOrTheirOwnGroup() {
            SubType refs1 = SubType.of(type(types(ValType.ref(true, 1)), types()));
            SubType plain = SubType.of(type(types(), types()));
            with(single(refs1), single(plain)).invalid("unknown type 1");
            with(new RecType(List.of(refs1, plain))).valid();
        }

        @Test
        void supertype_notFinalAndMatching() {
            SubType open = new SubType(false, List.of(), new StructType(List.of()));
            SubType closed = new SubType(true, List.of(), new StructType(List.of()));
            SubType sub0 = new SubType(true, List.of(0), new StructType(List.of(new FieldType(I32, false))));
            with(single(open), single(sub0)).valid();
            with(single(closed), single(sub0)).invalid("sub type");
            SubType funcSub0 = new SubType(true, List.of(0), type(types(), types()));
            with(single(open), single(funcSub0)).invalid("sub type");
            SubType selfSuper = new SubType(true, List.of(0), new StructType(List.of()));
            with(single(selfSuper)).invalid("unknown type 0");
        }
    }

    @Nested
    class Imports {
        @Test
        void functionImport_unknownType() {
            Fixture f = module();
            f.m.addImport(new Import("m", "f", new dev.robusta.wasm.FuncTypeUse(3)));
            f.invalid("unknown type 3");
        }

        @Test
        void tagImport_mustHaveNoResults() {
            Fixture f = module().features(Features.V3);
            int t = f.addType(type(types(I32), types(I32)));
            f.m.addImport(new Import("m", "e", new TagType(t)));
            f.invalid("non-empty tag result type");
        }
    }

    @Nested
    class Functions {
        @Test
        void function_unknownType() {
            Fixture f = module();
            f.func(7, code().end().expr());
            f.invalid("unknown type 7");
        }

        @Test
        void codeCountMismatch_malformed() {
            Fixture f = module();
            f.m.functions().add(f.addType(type(types(), types())));
            f.malformed("function and code section have inconsistent lengths");
        }

        @Test
        void fiftyThousandLocals_valid() {
            Fixture f = module();
            f.func(f.addType(type(types(), types(I64))),
                    code().op(LOCAL_GET, 49_999).op(LOCAL_GET, 0).op(I64_ADD).end().expr(),
                    new LocalGroup(50_000, I64));
            f.valid();
        }

        @Test
        void hugeLocalGroups_lookedUpWithoutExpansion() {
            Fixture f = module();
            f.func(f.addType(type(types(I32), types(I64))),
                    code().op(LOCAL_GET, 30_000_000).op(LOCAL_GET, 0).op(DROP).end().expr(),
                    new LocalGroup(20_000_000, I32), new LocalGroup(20_000_000, I64));
            f.valid();
        }

        @Test
        void tooManyLocals_invalid() {
            Fixture f = module();
            f.func(f.addType(type(types(), types())), code().end().expr(),
                    new LocalGroup(-1, I32), new LocalGroup(-1, I64));
            f.invalid("too many locals");
        }
    }

    @Nested
    class Memories {
        @Test
        void multipleMemories_onlyWithMultiMemory() {
            module().memory(1).memory(1).invalid("multiple memories");
            module().importMemory(Limits.of(1)).memory(1).invalid("multiple memories");
            module().memory(1).memory(1).features(Features.V3).valid();
        }
    }

    @Nested
    class Globals {
        @Test
        void init_constantOfTheGlobalType() {
            module().global(I32, false, code().i32(1).end()).valid();
            module().global(FUNCREF, false, code().refNull(HT_FUNC).end()).valid();
            module().global(I32, false, code().i64(1).end()).invalid("type mismatch");
            module().global(I32, false, code().end()).invalid("type mismatch");
            module().global(I32, false, code().i32(1).i32(2).end()).invalid("type mismatch");
            module().global(FUNCREF, false, code().refNull(HT_EXTERN).end()).invalid("type mismatch");
        }

        @Test
        void init_nonConstantInstruction_constantExpressionRequired() {
            module().global(I32, false, code().i32(0).op(I32_CTZ).end()).invalid("constant expression required");
            module().global(I32, false, code().op(NOP).end()).invalid("constant expression required");
            module().global(I32, false, code().i32(0).op(NOP).end()).invalid("constant expression required");
            module().global(I32, false, code().op(LOCAL_GET, 0).end()).invalid("constant expression required");
        }

        @Test
        void init_globalGet_importedImmutableOnlyIn2_0() {
            module().importGlobal(I32, false).global(I32, false, code().op(GLOBAL_GET, 0).end()).valid();
            module().importGlobal(I32, true).global(I32, false, code().op(GLOBAL_GET, 0).end())
                    .invalid("constant expression required");
            module().global(I32, false, code().i32(0).end()).global(I32, false, code().op(GLOBAL_GET, 0).end())
                    .invalid("unknown global 0");
            module().global(I32, false, code().op(GLOBAL_GET, 0).end()).invalid("unknown global 0");
            module().importGlobal(I32, false).global(I32, false, code().op(GLOBAL_GET, 2).end())
                    .invalid("unknown global 2");
        }

        @Test
        void init_globalGet_precedingGlobalsIn3_0() {
            module().features(Features.V3).global(I32, false, code().i32(0).end())
                    .global(I32, false, code().op(GLOBAL_GET, 0).end()).valid();
            module().features(Features.V3).global(I32, false, code().op(GLOBAL_GET, 1).end())
                    .global(I32, false, code().i32(0).end()).invalid("unknown global 1");
        }

        @Test
        void init_extendedConst() {
            module().global(I32, false, code().i32(1).i32(2).op(I32_ADD).end()).invalid("constant expression required");
            module().global(I64, false, code().i64(1).i64(2).op(I64_MUL).end()).features(Features.V3).valid();
            module().global(I32, false, code().i32(1).i32(2).op(I32_DIV_S).end()).features(Features.V3)
                    .invalid("constant expression required");
        }

        @Test
        void init_refFunc_unknownFunction() {
            module().importFunc(type(types(), types())).global(FUNCREF, false, code().op(REF_FUNC, 7).end())
                    .invalid("unknown function 7");
        }

        @Test
        void init_errorNamesTheGlobal() {
            CompileException e = module().importGlobal(I32, false).global(I32, false, code().i64(0).end())
                    .invalid("type mismatch");
            assertTrue(e.getMessage().contains("global 1"), e.getMessage());
        }
    }

    @Nested
    class Tables {
        @Test
        void tableInit_3_0() {
            Fixture f = module().features(Features.V3);
            f.m.tables().add(new Table(new TableType(FUNCREF, Limits.of(1)), code().refNull(HT_FUNC).end().expr()));
            f.valid();
            Fixture g = module().features(Features.V3);
            g.m.tables().add(new Table(new TableType(FUNCREF, Limits.of(1)), code().refNull(HT_EXTERN).end().expr()));
            g.invalid("type mismatch");
            Fixture h = module().features(Features.V3).func(type(types(), types()), code().end());
            h.m.tables().add(new Table(new TableType(ValType.ref(false, HT_FUNC), Limits.of(1)), null));
            h.invalid("type mismatch");
        }
    }

    @Nested
    class ElementSegments {
        static ElemSegment active(int table, Asm offset, ValType type, Asm... init) {
            return new ElemSegment(4, SegmentMode.ACTIVE, table, offset.end().expr(), type,
                    java.util.Arrays.stream(init).map(a -> a.end().expr()).toList());
        }

        @Test
        void active_valid() {
            module().func(code()).table(FUNCREF, 1).elemFuncs(0).valid();
            module().table(EXTERNREF, 1).elem(active(0, code().i32(0), EXTERNREF, code().refNull(HT_EXTERN))).valid();
        }

        @Test
        void active_unknownTable() {
            module().func(code()).elemFuncs(0).invalid("unknown table 0");
        }

        @Test
        void active_segmentTypeMustMatchTable() {
            module().table(FUNCREF, 1).elem(active(0, code().i32(0), EXTERNREF, code().refNull(HT_EXTERN)))
                    .invalid("type mismatch");
        }

        @Test
        void offset_constantI32() {
            module().table(FUNCREF, 1).elem(active(0, code().i64(0), FUNCREF)).invalid("type mismatch");
            module().table(FUNCREF, 1).elem(active(0, code().op(NOP).i32(0), FUNCREF))
                    .invalid("constant expression required");
            module().table(FUNCREF, 1).elem(active(0, code().i32(0).i32(0).op(I32_CTZ), FUNCREF))
                    .invalid("constant expression required");
            module().table(FUNCREF, 1).global(I32, false, code().i32(0).end())
                    .elem(active(0, code().op(GLOBAL_GET, 0), FUNCREF)).invalid("unknown global 0");
            module().table(FUNCREF, 1).importGlobal(I32, true)
                    .elem(active(0, code().op(GLOBAL_GET, 0), FUNCREF)).invalid("constant expression required");
            module().table(FUNCREF, 1).importGlobal(I32, false)
                    .elem(active(0, code().op(GLOBAL_GET, 0), FUNCREF)).valid();
        }

        @Test
        void init_constantsOfTheSegmentType() {
            module().table(FUNCREF, 1).elem(active(0, code().i32(0), FUNCREF, code().refNull(HT_EXTERN)))
                    .invalid("type mismatch");
            module().func(type(types(), types(FUNCREF)), code().refNull(HT_FUNC).end()).table(FUNCREF, 1)
                    .elem(active(0, code().i32(0), FUNCREF, code().op(CALL, 0))).invalid("constant expression required");
        }

        /**
         * A function-index segment (flags 0..3) has no type in its binary form: the validator's features give
         * it one, whatever a decoder or parser with other features wrote in the model.
         */
        @Test
        void funcIndexSegment_typedByTheValidatorsFeatures() {
            ValType refFunc = ValType.ref(false, HT_FUNC);
            Expression offset = code().i32(0).end().expr();
            List<Expression> init = List.of(code().op(REF_FUNC, 0).end().expr());
            // typed (ref func) by a 3.0 decoder: a valid 2.0 module, ref.func being funcref there
            module().func(code()).table(FUNCREF, 1)
                    .elem(new ElemSegment(0, SegmentMode.ACTIVE, 0, offset, refFunc, init)).valid();
            module().func(code()).elem(new ElemSegment(1, SegmentMode.PASSIVE, 0, null, refFunc, init)).valid();
            module().func(code().i32(0).i32(0).i32(0).op(TABLE_INIT, 0, 0)).table(FUNCREF, 1)
                    .elem(new ElemSegment(1, SegmentMode.PASSIVE, 0, null, refFunc, init)).valid();
            // typed funcref by a 2.0 decoder: in 3.0 it is (ref func) and may fill a (ref func) table
            TableType refFuncTable = new TableType(refFunc, Limits.of(1));
            module().func(code()).table(refFuncTable, code().op(REF_FUNC, 0)).features(Features.V3)
                    .elem(new ElemSegment(0, SegmentMode.ACTIVE, 0, offset, FUNCREF, init)).valid();
            // written as expressions, the segment keeps its type
            module().func(code()).table(refFuncTable, code().op(REF_FUNC, 0)).features(Features.V3)
                    .elem(new ElemSegment(4, SegmentMode.ACTIVE, 0, offset, FUNCREF, init))
                    .invalid("type mismatch: element segment of funcref for a table of (ref func)");
        }

        @Test
        void passiveAndDeclarative_needNoTable() {
            module().func(code()).elem(new ElemSegment(1, SegmentMode.PASSIVE, 0, null, FUNCREF,
                    List.of(code().op(REF_FUNC, 0).end().expr()))).valid();
            module().func(code()).elem(new ElemSegment(3, SegmentMode.DECLARATIVE, 0, null, FUNCREF,
                    List.of(code().op(REF_FUNC, 1).end().expr()))).invalid("unknown function 1");
        }
    }

    @Nested
    class DataSegments {
        static DataSegment active(int mem, Asm offset) {
            return new DataSegment(mem == 0 ? 0 : 2, SegmentMode.ACTIVE, mem, offset.end().expr(), new byte[] {1, 2});
        }

        @Test
        void active_valid() {
            module().memory(1).data(active(0, code().i32(0))).valid();
            module().importGlobal(I32, false).memory(1).data(active(0, code().op(GLOBAL_GET, 0))).valid();
            module().memory(memory64(1)).data(active(0, code().i64(0))).features(Features.V3).valid();
        }

        @Test
        void active_unknownMemory() {
            module().data(active(0, code().i32(0))).invalid("unknown memory 0");
            module().memory(1).data(active(1, code().i32(0))).invalid("unknown memory 1");
        }

        @Test
        void offset_constantOfTheAddressType() {
            module().memory(1).data(active(0, code().i64(0))).invalid("type mismatch");
            module().memory(1).data(active(0, code().i32(0).op(I32_CTZ))).invalid("constant expression required");
            module().memory(1).global(I32, false, code().i32(0).end()).data(active(0, code().op(GLOBAL_GET, 0)))
                    .invalid("unknown global 0");
            module().memory(1).global(I32, false, code().i32(0).end()).data(active(0, code().op(GLOBAL_GET, 0)))
                    .features(Features.V3).valid();
        }

        @Test
        void passive_needsNoMemory() {
            module().data().valid();
        }
    }

    @Nested
    class Start {
        @Test
        void start_functionOfTypeEmptyToEmpty() {
            Fixture ok = module().func(code());
            ok.m.setStart(0);
            ok.valid();
            Fixture params = module().func(type(types(I32), types()), code().end());
            params.m.setStart(0);
            params.invalid("start function");
            Fixture results = module().func(type(types(), types(I32)), code().i32(0).end());
            results.m.setStart(0);
            results.invalid("start function");
            Fixture unknown = module().func(code());
            unknown.m.setStart(1);
            unknown.invalid("unknown function 1");
        }
    }

    @Nested
    class Exports {
        @Test
        void export_indicesExist() {
            module().func(code()).table(FUNCREF, 1).memory(1).global(I32, false, code().i32(0).end())
                    .export("f", ExternKind.FUNC, 0).export("t", ExternKind.TABLE, 0)
                    .export("m", ExternKind.MEMORY, 0).export("g", ExternKind.GLOBAL, 0).valid();
            module().export("f", ExternKind.FUNC, 0).invalid("unknown function 0");
            module().export("t", ExternKind.TABLE, 0).invalid("unknown table 0");
            module().export("m", ExternKind.MEMORY, 0).invalid("unknown memory 0");
            module().export("g", ExternKind.GLOBAL, 0).invalid("unknown global 0");
            module().features(Features.V3).export("e", ExternKind.TAG, 0).invalid("unknown tag 0");
        }

        @Test
        void export_namesUnique() {
            module().func(code()).export("a", ExternKind.FUNC, 0).export("a", ExternKind.FUNC, 0)
                    .invalid("duplicate export name");
            module().func(code()).memory(1).export("a", ExternKind.FUNC, 0).export("a", ExternKind.MEMORY, 0)
                    .invalid("duplicate export name");
            module().func(code()).export("a", ExternKind.FUNC, 0).export("b", ExternKind.FUNC, 0).valid();
        }
    }

    @Test
    void importedGlobalWithConcreteType_unknownType() {
        Fixture f = module().features(Features.V3);
        f.m.addImport(new Import("m", "g", new GlobalType(ValType.ref(true, 5), false)));
        f.invalid("unknown type 5");
    }
}
