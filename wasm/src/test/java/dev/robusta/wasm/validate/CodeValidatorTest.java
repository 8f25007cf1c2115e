package dev.robusta.wasm.validate;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.ElemSegment;
import dev.robusta.wasm.ExternKind;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.Limits;
import dev.robusta.wasm.LocalGroup;
import dev.robusta.wasm.SegmentMode;
import dev.robusta.wasm.TableType;
import dev.robusta.wasm.ValType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.robusta.wasm.Opcode.*;
import static dev.robusta.wasm.ValType.EXTERNREF;
import static dev.robusta.wasm.ValType.F32;
import static dev.robusta.wasm.ValType.F64;
import static dev.robusta.wasm.ValType.FUNCREF;
import static dev.robusta.wasm.ValType.HT_EXTERN;
import static dev.robusta.wasm.ValType.HT_FUNC;
import static dev.robusta.wasm.ValType.I32;
import static dev.robusta.wasm.ValType.I64;
import static dev.robusta.wasm.ValType.V128;
import static dev.robusta.wasm.validate.Asm.code;
import static dev.robusta.wasm.validate.Fixture.module;
import static dev.robusta.wasm.validate.Fixture.type;
import static dev.robusta.wasm.validate.Fixture.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The typing rules of instructions, in the order of the spec's section 3.3 (Instructions). Bodies are
 * written without their final {@code end} unless a test is about it.
 */
class CodeValidatorTest {

    /** A module with one function of type params -> results and the given body (plus the final end). */
    static Fixture fn(List<ValType> params, List<ValType> results, Asm body, LocalGroup... locals) {
        return module().func(type(params, results), body.end(), locals);
    }

    static Fixture fn(Asm body) {
        return fn(types(), types(), body);
    }

    @Nested
    class NumericInstructions {
        @Test
        void binop_operandsOfItsType_valid() {
            fn(types(), types(I32), code().i32(1).i32(2).op(I32_ADD)).valid();
            fn(types(), types(F64), code().f64(1).f64(2).op(F64_ADD)).valid();
        }

        @Test
        void binop_wrongOperand_typeMismatchListsRequiredAndActual() {
            CompileException e = fn(types(), types(I32), code().i64(1).i32(2).op(I32_ADD))
                    .invalid("type mismatch: instruction requires [i32 i32] but stack has [i64 i32]");
            assertTrue(e.getMessage().contains("function 0"), e.getMessage());
            assertTrue(e.getMessage().contains("i32.add"), e.getMessage());
        }

        @Test
        void binop_emptyStack_typeMismatch() {
            fn(types(), types(I32), code().op(I32_ADD)).invalid("type mismatch: instruction requires [i32 i32] but stack has []");
        }

        @Test
        void binop_operandFromEnclosingBlock_typeMismatch() {
            fn(types(), types(I32), code().i32(1).block(BLOCK, I32).i32(2).op(I32_ADD).end())
                    .invalid("type mismatch: instruction requires [i32 i32] but stack has [i32]");
        }

        @Test
        void testop_relop_cvtop_signatures() {
            fn(types(), types(I32), code().i64(0).op(I64_EQZ)).valid();
            fn(types(), types(I32), code().f32(0).f32(1).op(F32_LT)).valid();
            fn(types(), types(F64), code().i64(0).op(F64_CONVERT_I64_U)).valid();
            fn(types(), types(I64), code().f32(0).op(I64_TRUNC_SAT_F32_S)).valid();
            fn(types(), types(I32), code().f64(0).op(I32_TRUNC_F32_S)).invalid("type mismatch");
        }

        @Test
        void result_wrongType_typeMismatchAtEnd() {
            fn(types(), types(I32), code().i64(0)).invalid("type mismatch: instruction requires [i32] but stack has [i64]");
        }

        @Test
        void constants_pushTheirType() {
            fn(types(), types(I32, I64, F32, F64), code().i32(0).i64(0).f32(0).f64(0)).valid();
        }
    }

    @Nested
    class VectorInstructions {
        @Test
        void v128_constAndBinop_valid() {
            fn(types(), types(V128), code().v128().v128().op(I32X4_ADD)).valid();
            fn(types(), types(V128), code().v128().v128().v128().op(V128_BITSELECT)).valid();
            fn(types(), types(I32), code().v128().op(V128_ANY_TRUE)).valid();
        }

        @Test
        void shift_takesI32Count() {
            fn(types(), types(V128), code().v128().i32(1).op(I8X16_SHL)).valid();
            fn(types(), types(V128), code().v128().i64(1).op(I8X16_SHL)).invalid("type mismatch");
        }

        @Test
        void extractLane_inRange_valid() {
            fn(types(), types(I32), code().v128().op(I8X16_EXTRACT_LANE_S).u8(15)).valid();
            fn(types(), types(I64), code().v128().op(I64X2_EXTRACT_LANE).u8(1)).valid();
            fn(types(), types(V128), code().v128().f32(0).op(F32X4_REPLACE_LANE).u8(3)).valid();
        }

        @Test
        void extractLane_outOfRange_invalidLaneIndex() {
            fn(types(), types(I32), code().v128().op(I8X16_EXTRACT_LANE_U).u8(16)).invalid("invalid lane index");
            fn(types(), types(I32), code().v128().op(I16X8_EXTRACT_LANE_S).u8(8)).invalid("invalid lane index");
            fn(types(), types(I32), code().v128().op(I32X4_EXTRACT_LANE).u8(4)).invalid("invalid lane index");
            fn(types(), types(F64), code().v128().op(F64X2_EXTRACT_LANE).u8(2)).invalid("invalid lane index");
            fn(types(), types(V128), code().v128().i64(0).op(I64X2_REPLACE_LANE).u8(255)).invalid("invalid lane index");
        }

        @Test
        void shuffle_lanesBelow32_valid_else_invalidLaneIndex() {
            Asm ok = code().v128().v128().op(I8X16_SHUFFLE);
            for (int i = 0; i < 16; i++) {
                ok.u8(31 - i);
            }
            fn(types(), types(V128), ok).valid();
            Asm bad = code().v128().v128().op(I8X16_SHUFFLE);
            for (int i = 0; i < 16; i++) {
                bad.u8(i == 9 ? 32 : i);
            }
            fn(types(), types(V128), bad).invalid("invalid lane index");
        }

        @Test
        void loadLane_laneAndAlignment() {
            fn(types(), types(V128), code().i32(0).v128().mem(V128_LOAD8_LANE, 0, 0).u8(15)).memory(1).valid();
            fn(types(), types(V128), code().i32(0).v128().mem(V128_LOAD8_LANE, 0, 0).u8(16)).memory(1)
                    .invalid("invalid lane index");
            fn(types(), types(V128), code().i32(0).v128().mem(V128_LOAD64_LANE, 3, 0).u8(1)).memory(1).valid();
            fn(types(), types(V128), code().i32(0).v128().mem(V128_LOAD64_LANE, 3, 0).u8(2)).memory(1)
                    .invalid("invalid lane index");
            fn(types(), types(V128), code().i32(0).v128().mem(V128_LOAD16_LANE, 2, 0).u8(0)).memory(1)
                    .invalid("alignment must not be larger than natural");
            fn(types(), types(), code().i32(0).v128().mem(V128_STORE32_LANE, 2, 0).u8(3)).memory(1).valid();
        }

        @Test
        void simdLoads_naturalAlignment() {
            fn(types(), types(V128), code().i32(0).mem(V128_LOAD, 4, 0)).memory(1).valid();
            fn(types(), types(V128), code().i32(0).mem(V128_LOAD, 5, 0)).memory(1)
                    .invalid("alignment must not be larger than natural");
            fn(types(), types(V128), code().i32(0).mem(V128_LOAD8X8_S, 4, 0)).memory(1)
                    .invalid("alignment must not be larger than natural");
            fn(types(), types(V128), code().i32(0).mem(V128_LOAD32_SPLAT, 2, 0)).memory(1).valid();
            fn(types(), types(V128), code().i32(0).mem(V128_LOAD32_SPLAT, 3, 0)).memory(1)
                    .invalid("alignment must not be larger than natural");
            fn(types(), types(V128), code().i32(0).mem(V128_LOAD64_ZERO, 3, 0)).memory(1).valid();
        }
    }

    @Nested
    class ReferenceInstructions {
        @Test
        void refNull_pushesNullableReference() {
            fn(types(), types(FUNCREF), code().refNull(HT_FUNC)).valid();
            fn(types(), types(EXTERNREF), code().refNull(HT_EXTERN)).valid();
            fn(types(), types(FUNCREF), code().refNull(HT_EXTERN)).invalid("type mismatch");
        }

        @Test
        void refIsNull_requiresReference() {
            fn(types(), types(I32), code().refNull(HT_EXTERN).op(REF_IS_NULL)).valid();
            fn(types(), types(I32), code().i32(0).op(REF_IS_NULL)).invalid("type mismatch");
            fn(types(), types(I32), code().op(REF_IS_NULL)).invalid("type mismatch");
            fn(types(), types(I32), code().op(UNREACHABLE).op(REF_IS_NULL)).valid();
        }

        @Test
        void refFunc_declaredInElemSegment_valid() {
            module().func(type(types(), types(FUNCREF)), code().op(REF_FUNC, 0).end())
                    .table(FUNCREF, 1).elemFuncs(0).valid();
        }

        @Test
        void refFunc_declaredByExportOrGlobal_valid() {
            module().func(type(types(), types(FUNCREF)), code().op(REF_FUNC, 0).end())
                    .export("f", ExternKind.FUNC, 0).valid();
            module().func(type(types(), types(FUNCREF)), code().op(REF_FUNC, 0).end())
                    .global(FUNCREF, false, code().op(REF_FUNC, 0).end()).valid();
        }

        @Test
        void refFunc_declarativeSegment_valid() {
            module().func(type(types(), types(FUNCREF)), code().op(REF_FUNC, 0).end())
                    .elem(new ElemSegment(3, SegmentMode.DECLARATIVE, 0, null, FUNCREF,
                            List.of(code().op(REF_FUNC, 0).end().expr()))).valid();
        }

        @Test
        void refFunc_notDeclared_undeclaredFunctionReference() {
            fn(types(), types(FUNCREF), code().op(REF_FUNC, 0)).invalid("undeclared function reference");
            Fixture startOnly = fn(types(), types(), code().op(REF_FUNC, 0).op(DROP));
            startOnly.m.setStart(0);
            startOnly.invalid("undeclared function reference");
        }

        @Test
        void refFunc_unknownFunction() {
            fn(types(), types(FUNCREF), code().op(REF_FUNC, 7)).invalid("unknown function 7");
        }
    }

    @Nested
    class ParametricInstructions {
        @Test
        void drop_needsAnOperand() {
            fn(code().i32(0).op(DROP)).valid();
            fn(code().op(DROP)).invalid("type mismatch");
            fn(code().op(UNREACHABLE).op(DROP)).valid();
        }

        @Test
        void select_numericOrVectorOperandsOfOneType() {
            fn(types(), types(I64), code().i64(0).i64(1).i32(1).op(SELECT)).valid();
            fn(types(), types(V128), code().v128().v128().i32(1).op(SELECT)).valid();
            fn(types(), types(I64), code().i64(0).i32(1).i32(1).op(SELECT)).invalid("type mismatch");
            fn(types(), types(I64), code().i64(0).i64(1).i64(1).op(SELECT)).invalid("type mismatch");
        }

        @Test
        void select_untypedReferences_typeMismatch() {
            fn(types(), types(FUNCREF), code().refNull(HT_FUNC).refNull(HT_FUNC).i32(1).op(SELECT))
                    .invalid("type mismatch");
        }

        @Test
        void select_missingOperands_typeMismatch() {
            fn(code().op(NOP).op(NOP).i32(1).op(SELECT).op(DROP)).invalid("type mismatch");
        }

        @Test
        void select_unreachable_takesTheKnownOperandType() {
            fn(types(), types(I32), code().op(UNREACHABLE).i32(0).i32(1).op(SELECT)).valid();
            fn(types(), types(I32), code().op(UNREACHABLE).i64(0).i32(1).op(SELECT)).invalid("type mismatch");
            fn(types(), types(I32), code().op(UNREACHABLE).op(SELECT)).valid();
            fn(code().op(UNREACHABLE).refNull(HT_FUNC).i32(1).op(SELECT).op(DROP)).invalid("type mismatch");
        }

        @Test
        void selectTyped_referencesAllowed() {
            fn(types(), types(FUNCREF), code().refNull(HT_FUNC).refNull(HT_FUNC).i32(1).selectT(FUNCREF)).valid();
            fn(types(), types(I32), code().i32(0).i64(1).i32(1).selectT(I32)).invalid("type mismatch");
        }

        @Test
        void selectTyped_arityNotOne_invalidResultArity() {
            fn(code().i32(1).selectT()).invalid("invalid result arity");
            fn(code().i32(0).i32(0).i32(0).i32(0).i32(1).selectT(I32, I32)).invalid("invalid result arity");
        }
    }

    @Nested
    class VariableInstructions {
        @Test
        void localGet_paramsThenDeclaredLocals() {
            fn(types(I32, I64), types(F32), code().op(LOCAL_GET, 2), new LocalGroup(1, F32)).valid();
            fn(types(I32, I64), types(I64), code().op(LOCAL_GET, 1), new LocalGroup(1, F32)).valid();
            fn(types(I32, I64), types(F32), code().op(LOCAL_GET, 3), new LocalGroup(1, F32))
                    .invalid("unknown local 3");
        }

        @Test
        void localGet_hugeIndex_unknownLocalPrintedUnsigned() {
            fn(types(), types(I32), code().op(LOCAL_GET, -1)).invalid("unknown local 4294967295");
        }

        @Test
        void localSetAndTee_operandOfTheLocalType() {
            fn(types(I32), types(I32), code().i32(1).op(LOCAL_TEE, 0)).valid();
            fn(types(I32), types(), code().i32(1).op(LOCAL_SET, 0)).valid();
            fn(types(I32), types(), code().f32(1).op(LOCAL_SET, 0)).invalid("type mismatch");
            fn(types(I32), types(I64), code().i32(1).op(LOCAL_TEE, 0)).invalid("type mismatch");
            fn(types(), types(), code().i32(1).op(LOCAL_SET, 0)).invalid("unknown local 0");
        }

        @Test
        void globalGet_unknownGlobal() {
            fn(types(), types(I32), code().op(GLOBAL_GET, 0)).invalid("unknown global 0");
            fn(types(), types(I32), code().op(GLOBAL_GET, 1)).importGlobal(I32, false).invalid("unknown global 1");
            fn(types(), types(I32), code().op(GLOBAL_GET, 0)).importGlobal(I32, false).valid();
        }

        @Test
        void globalSet_mutableOnly() {
            fn(code().i32(1).op(GLOBAL_SET, 0)).global(I32, true, code().i32(0).end()).valid();
            fn(code().i32(1).op(GLOBAL_SET, 0)).global(I32, false, code().i32(0).end())
                    .invalid("global is immutable");
            fn(code().i64(1).op(GLOBAL_SET, 0)).global(I32, true, code().i32(0).end()).invalid("type mismatch");
        }

        @Test
        void globalSet_immutable_3_0Message() {
            fn(code().i32(1).op(GLOBAL_SET, 0)).global(I32, false, code().i32(0).end()).features(Features.V3)
                    .invalid("immutable global");
        }
    }

    @Nested
    class TableInstructions {
        @Test
        void tableGetSetSizeGrowFill_valid() {
            fn(types(), types(FUNCREF), code().i32(0).op(TABLE_GET, 0)).table(FUNCREF, 1).valid();
            fn(code().i32(0).refNull(HT_FUNC).op(TABLE_SET, 0)).table(FUNCREF, 1).valid();
            fn(types(), types(I32), code().op(TABLE_SIZE, 0)).table(FUNCREF, 1).valid();
            fn(types(), types(I32), code().refNull(HT_EXTERN).i32(1).op(TABLE_GROW, 0)).table(EXTERNREF, 1).valid();
            fn(code().i32(0).refNull(HT_EXTERN).i32(1).op(TABLE_FILL, 0)).table(EXTERNREF, 1).valid();
        }

        @Test
        void tableSet_elementOfTheTableType() {
            fn(code().i32(0).refNull(HT_EXTERN).op(TABLE_SET, 0)).table(FUNCREF, 1).invalid("type mismatch");
            fn(types(), types(EXTERNREF), code().i32(0).op(TABLE_GET, 0)).table(FUNCREF, 1).invalid("type mismatch");
        }

        @Test
        void tableInstructions_unknownTable() {
            fn(types(), types(I32), code().op(TABLE_SIZE, 0)).invalid("unknown table 0");
            fn(types(), types(FUNCREF), code().i32(0).op(TABLE_GET, 1)).table(FUNCREF, 1).invalid("unknown table 1");
        }

        @Test
        void tableCopy_elementTypesMatch() {
            fn(code().i32(0).i32(0).i32(0).op(TABLE_COPY, 0, 1)).table(FUNCREF, 1).table(FUNCREF, 1).valid();
            fn(code().i32(0).i32(0).i32(0).op(TABLE_COPY, 0, 1)).table(FUNCREF, 1).table(EXTERNREF, 1)
                    .invalid("type mismatch");
        }

        @Test
        void tableInit_segmentTypeMatchesTable_tableCheckedFirst() {
            Fixture ok = fn(code().i32(0).i32(0).i32(0).op(TABLE_INIT, 0, 0)).table(FUNCREF, 1);
            ok.elemFuncs(0).valid();
            fn(code().i32(0).i32(0).i32(0).op(TABLE_INIT, 0, 0)).table(EXTERNREF, 1)
                    .elem(new ElemSegment(1, SegmentMode.PASSIVE, 0, null, FUNCREF, List.of()))
                    .invalid("type mismatch");
            fn(code().i32(0).i32(0).i32(0).op(TABLE_INIT, 4, 0)).invalid("unknown table 0");
            fn(code().i32(0).i32(0).i32(0).op(TABLE_INIT, 4, 0)).table(FUNCREF, 1).invalid("unknown elem segment 4");
        }

        @Test
        void elemDrop_unknownElemSegment() {
            fn(code().op(ELEM_DROP, 0)).invalid("unknown elem segment 0");
            fn(code().op(ELEM_DROP, 0)).elem(new ElemSegment(1, SegmentMode.PASSIVE, 0, null, FUNCREF, List.of()))
                    .valid();
        }

        @Test
        void table64_addressOperandsAreI64() {
            TableType t64 = new TableType(FUNCREF, new Limits(1, 0, false, true, false));
            fn(types(), types(FUNCREF), code().i64(0).op(TABLE_GET, 0)).table(t64).features(Features.V3).valid();
            fn(types(), types(FUNCREF), code().i32(0).op(TABLE_GET, 0)).table(t64).features(Features.V3)
                    .invalid("type mismatch");
            fn(types(), types(I64), code().op(TABLE_SIZE, 0)).table(t64).features(Features.V3).valid();
        }
    }

    @Nested
    class MemoryInstructions {
        @Test
        void loadStore_valid() {
            fn(types(), types(I32), code().i32(0).mem(I32_LOAD, 2, 0)).memory(1).valid();
            fn(types(), types(I64), code().i32(0).mem(I64_LOAD32_U, 2, 8)).memory(1).valid();
            fn(code().i32(0).f64(0).mem(F64_STORE, 3, 0)).memory(1).valid();
            fn(code().i32(0).i64(0).mem(I64_STORE8, 0, 0)).memory(1).valid();
        }

        @Test
        void load_withoutMemory_unknownMemory() {
            fn(types(), types(I32), code().i32(0).mem(I32_LOAD, 2, 0)).invalid("unknown memory 0");
        }

        @Test
        void alignment_largerThanNatural_invalid() {
            fn(types(), types(I32), code().i32(0).mem(I32_LOAD, 3, 0)).memory(1)
                    .invalid("alignment must not be larger than natural");
            fn(types(), types(I32), code().i32(0).mem(I32_LOAD8_S, 1, 0)).memory(1)
                    .invalid("alignment must not be larger than natural");
            fn(code().i32(0).i64(0).mem(I64_STORE16, 2, 0)).memory(1)
                    .invalid("alignment must not be larger than natural");
            fn(types(), types(I64), code().i32(0).mem(I64_LOAD32_S, 3, 0)).memory(1)
                    .invalid("alignment must not be larger than natural");
        }

        @Test
        void alignment_smallerThanNatural_valid() {
            fn(types(), types(I64), code().i32(0).mem(I64_LOAD, 0, 0)).memory(1).valid();
        }

        @Test
        void store_operandsAddressThenValue() {
            fn(code().i32(0).i64(0).mem(I32_STORE, 2, 0)).memory(1)
                    .invalid("type mismatch: instruction requires [i32 i32] but stack has [i32 i64]");
        }

        @Test
        void memorySizeAndGrow() {
            fn(types(), types(I32), code().op(MEMORY_SIZE).u8(0)).memory(1).valid();
            fn(types(), types(I32), code().i32(1).op(MEMORY_GROW).u8(0)).memory(1).valid();
            fn(types(), types(I32), code().op(MEMORY_SIZE).u8(0)).invalid("unknown memory 0");
            fn(types(), types(I32), code().i64(1).op(MEMORY_GROW).u8(0)).memory(1).invalid("type mismatch");
        }

        @Test
        void bulkMemory() {
            fn(code().i32(0).i32(0).i32(0).op(MEMORY_FILL).u8(0)).memory(1).valid();
            fn(code().i32(0).i32(0).i32(0).op(MEMORY_COPY).u8(0).u8(0)).memory(1).valid();
            fn(code().i32(0).i32(0).i32(0).op(MEMORY_COPY).u8(0).u8(0)).invalid("unknown memory 0");
            fn(code().i32(0).i32(0).i64(0).op(MEMORY_FILL).u8(0)).memory(1).invalid("type mismatch");
        }

        @Test
        void memoryInitAndDataDrop() {
            fn(code().i32(0).i32(0).i32(0).op(MEMORY_INIT, 0).u8(0)).memory(1).data().valid();
            fn(code().op(DATA_DROP, 0)).data().valid();
            fn(code().op(DATA_DROP, 0)).invalid("unknown data segment 0");
            fn(code().i32(0).i32(0).i32(0).op(MEMORY_INIT, 1).u8(0)).memory(1).data().invalid("unknown data segment 1");
            fn(code().i32(0).i32(0).i32(0).op(MEMORY_INIT, 1).u8(0)).invalid("unknown memory 0");
        }

        @Test
        void memory64_addressAndOffset() {
            Fixture m64 = fn(types(), types(I32), code().i64(0).mem(I32_LOAD, 2, 1L << 40))
                    .memory(new dev.robusta.wasm.MemoryType(new Limits(1, 0, false, true, false)));
            m64.features(Features.V3).valid();
            fn(types(), types(I32), code().i32(0).mem(I32_LOAD, 2, 0))
                    .memory(new dev.robusta.wasm.MemoryType(new Limits(1, 0, false, true, false)))
                    .features(Features.V3).invalid("type mismatch");
            fn(types(), types(I32), code().i32(0).mem(I32_LOAD, 2, 1L << 32)).memory(1).features(Features.V3)
                    .invalid("offset out of range");
        }

        @Test
        void multiMemory_memoryIndexInMemarg() {
            fn(types(), types(I32), code().i32(0).mem(I32_LOAD, 2, 1, 0)).memory(1).memory(1)
                    .features(Features.V3).valid();
            fn(types(), types(I32), code().i32(0).mem(I32_LOAD, 2, 1, 0)).memory(1).features(Features.V3)
                    .invalid("unknown memory 1");
        }
    }

    @Nested
    class ControlInstructions {
        @Test
        void unreachable_makesTheStackPolymorphic() {
            fn(types(), types(I32), code().op(UNREACHABLE)).valid();
            fn(types(), types(I32), code().op(UNREACHABLE).op(I32_ADD)).valid();
            fn(types(), types(I32), code().op(UNREACHABLE).i64(0).op(I32_ADD)).invalid("type mismatch");
            fn(types(), types(I32), code().op(UNREACHABLE).i64(0)).invalid("type mismatch");
            fn(types(), types(I32), code().op(UNREACHABLE).i32(0).i32(0)).invalid("type mismatch");
        }

        @Test
        void unreachable_isLocalToItsBlock() {
            fn(types(), types(I32), code().block(BLOCK).op(UNREACHABLE).end().op(I32_EQZ)).invalid("type mismatch");
        }

        @Test
        void block_resultChecked() {
            fn(types(), types(I32), code().block(BLOCK, I32).i32(1).end()).valid();
            fn(types(), types(I32), code().block(BLOCK, I32).end()).invalid("type mismatch: instruction requires [i32] but stack has []");
            fn(types(), types(), code().block(BLOCK).i32(1).end()).invalid("type mismatch: block requires [] but stack has [i32]");
        }

        @Test
        void block_typeIndexTakesParameters() {
            Fixture f = module();
            int bt = f.addType(type(types(I32, I32), types(I64)));
            f.func(type(types(), types(I64)), code().i32(1).i32(2).blockIdx(BLOCK, bt).op(I32_ADD)
                    .op(I64_EXTEND_I32_U).end().end()).valid();
            Fixture g = module();
            int bt2 = g.addType(type(types(I32), types()));
            g.func(type(types(), types()), code().blockIdx(BLOCK, bt2).op(DROP).end().end())
                    .invalid("type mismatch");
        }

        @Test
        void block_unknownType() {
            fn(code().blockIdx(BLOCK, 5).end()).invalid("unknown type 5");
        }

        @Test
        void loop_labelTakesTheParameters() {
            Fixture f = module();
            int bt = f.addType(type(types(I32), types(I64)));
            f.func(type(types(), types(I64)), code().i32(0).blockIdx(LOOP, bt).op(BR, 0).end().end()).valid();
            // The label of a loop is its start: br 0 needs [i32], not the result.
            fn(types(), types(I32), code().block(LOOP, I32).i32(0).op(BR, 0).end()).valid();
            fn(types(), types(I32), code().block(LOOP, I32).i32(0).op(BR_IF, 0).end()).invalid("type mismatch");
        }

        @Test
        void if_conditionAndBranches() {
            fn(types(), types(I32), code().i32(1).block(IF, I32).i32(1).op(ELSE).i32(2).end()).valid();
            fn(types(), types(I32), code().block(IF, I32).i32(1).op(ELSE).i32(2).end()).invalid("type mismatch");
            fn(types(), types(I32), code().i32(1).block(IF, I32).i32(1).op(ELSE).i64(2).end()).invalid("type mismatch");
            fn(types(), types(I32), code().i32(1).block(IF, I32).op(ELSE).i32(2).end()).invalid("type mismatch");
        }

        @Test
        void if_withoutElse_resultsMustEqualParameters() {
            fn(types(), types(), code().i32(1).block(IF).op(NOP).end()).valid();
            fn(types(), types(I32), code().i32(1).block(IF, I32).i32(1).end()).invalid("type mismatch");
            Fixture f = module();
            int bt = f.addType(type(types(I32), types(I32)));
            f.func(type(types(), types(I32)), code().i32(7).i32(1).blockIdx(IF, bt).i32(1).op(I32_ADD).end().end())
                    .valid();
        }

        @Test
        void else_withoutIf_malformed() {
            fn(code().block(BLOCK).op(ELSE).end()).malformed("'else' without matching 'if'");
        }

        @Test
        void br_unknownLabel() {
            fn(code().op(BR, 1)).invalid("unknown label 1");
            fn(code().block(BLOCK).op(BR, 1).end()).valid();
            fn(code().block(BLOCK).op(BR, 2).end()).invalid("unknown label 2");
        }

        @Test
        void br_operandsOfTheLabel() {
            fn(types(), types(I32), code().block(BLOCK, I32).i32(1).op(BR, 0).end()).valid();
            fn(types(), types(I32), code().block(BLOCK, I32).i64(1).op(BR, 0).end()).invalid("type mismatch");
            fn(types(), types(I32), code().i32(1).op(BR, 0)).valid();
        }

        @Test
        void brIf_passesTheOperandsThrough() {
            fn(types(), types(I32), code().block(BLOCK, I32).i32(1).i32(0).op(BR_IF, 0).end()).valid();
            fn(types(), types(I32), code().block(BLOCK, I32).i32(1).op(BR_IF, 0).end()).invalid("type mismatch");
            fn(code().i32(0).op(BR_IF, 3)).invalid("unknown label 3");
        }

        @Test
        void brTable_allTargetsOfOneArityAndType() {
            fn(types(), types(I32), code().block(BLOCK, I32).i32(1).i32(0).brTable(0, 0, 1).end()).valid();
            fn(types(), types(I32), code().block(BLOCK).block(BLOCK, I32).i32(1).i32(0).brTable(0, 1).end()
                    .op(DROP).end().i32(0)).invalid("type mismatch");
            fn(types(), types(I32), code().block(BLOCK, I64).block(BLOCK, I32).i32(1).i32(0).brTable(0, 1).end()
                    .op(DROP).i64(0).end().op(DROP).i32(0)).invalid("type mismatch");
            fn(code().i32(0).brTable(0, 5)).invalid("unknown label 5");
            fn(code().i32(0).brTable(5)).invalid("unknown label 5");
        }

        @Test
        void brTable_inUnreachableCode_checksEachTargetAgainstTheStack() {
            // Unknown operands meet both label types ("meet-bottom" in unreached-valid.wast).
            fn(types(), types(I32), code().block(BLOCK, F32).op(UNREACHABLE).i32(1).brTable(0, 1).end().op(DROP)
                    .i32(0)).valid();
            fn(types(), types(), code().block(BLOCK).block(BLOCK, F32).op(UNREACHABLE).i32(1).brTable(0, 1, 0).end()
                    .op(DROP).end()).invalid("type mismatch");
            fn(types(), types(I32), code().block(BLOCK, I32).op(UNREACHABLE).brTable(0, 1).end()).valid();
            fn(types(), types(I32), code().block(BLOCK, I32).op(UNREACHABLE).i64(0).brTable(0, 1).end())
                    .invalid("type mismatch");
        }

        @Test
        void brTable_needsI32Index() {
            fn(code().i64(0).brTable(0)).invalid("type mismatch");
        }

        @Test
        void return_checksFunctionResults() {
            fn(types(), types(I32), code().block(BLOCK).i32(1).op(RETURN).end().i32(2)).valid();
            fn(types(), types(I32), code().i64(1).op(RETURN)).invalid("type mismatch");
        }

        @Test
        void call_typeOfCallee() {
            Fixture f = module().importFunc(type(types(I32), types(I64)));
            f.func(type(types(), types(I64)), code().i32(1).op(CALL, 0).end()).valid();
            Fixture g = module().importFunc(type(types(I32), types(I64)));
            g.func(type(types(), types(I64)), code().op(CALL, 0).end()).invalid("type mismatch");
            fn(code().op(CALL, 3)).invalid("unknown function 3");
        }

        @Test
        void callIndirect_tableTypeAndIndex() {
            Fixture f = module().table(FUNCREF, 1);
            int t = f.addType(type(types(I32), types(I32)));
            f.func(type(types(), types(I32)), code().i32(5).i32(0).op(CALL_INDIRECT, t, 0).end()).valid();
            fn(code().i32(0).op(CALL_INDIRECT, 0, 0)).invalid("unknown table 0");
            fn(code().i32(0).op(CALL_INDIRECT, 9, 0)).table(FUNCREF, 1).invalid("unknown type 9");
            fn(code().i32(0).op(CALL_INDIRECT, 0, 0)).table(EXTERNREF, 1).invalid("type mismatch");
            fn(code().i64(0).op(CALL_INDIRECT, 0, 0)).table(FUNCREF, 1).invalid("type mismatch");
        }

        @Test
        void end_missing_malformed() {
            module().func(type(types(), types()), code().block(BLOCK).end()).malformed("unexpected end");
        }

        @Test
        void end_codeAfterFinalEnd_malformed() {
            module().func(type(types(), types()), code().end().op(NOP)).malformed("unexpected content after last 'end'");
        }

        @Test
        void deepNesting_tenThousandBlocks_validWithoutRecursion() {
            int depth = 10_000;
            Asm a = code();
            for (int i = 0; i < depth; i++) {
                a.block(BLOCK, I32);
            }
            a.i32(1);
            for (int i = 0; i < depth; i++) {
                a.end();
            }
            fn(types(), types(I32), a).valid();
            Asm b = code();
            for (int i = 0; i < depth; i++) {
                b.block(BLOCK);
            }
            b.op(BR, depth).op(BR, depth + 1);
            for (int i = 0; i < depth; i++) {
                b.end();
            }
            fn(b).invalid("unknown label " + (depth + 1));
        }

        @Test
        void tailCalls_resultsMustMatch() {
            Fixture f = module().features(Features.V3).importFunc(type(types(I32), types(I64)));
            f.func(type(types(), types(I64)), code().i32(1).op(RETURN_CALL, 0).end()).valid();
            Fixture g = module().features(Features.V3).importFunc(type(types(I32), types(I32)));
            g.func(type(types(), types(I64)), code().i32(1).op(RETURN_CALL, 0).end()).invalid("type mismatch");
            Fixture h = module().features(Features.V3).table(FUNCREF, 1);
            int t = h.addType(type(types(), types(I32)));
            h.func(type(types(), types(I32)), code().i32(0).op(RETURN_CALL_INDIRECT, t, 0).end()).valid();
        }
    }

    @Nested
    class Locations {
        @Test
        void error_fromBinary_reportsModuleOffsetOfTheInstruction() {
            Fixture f = module();
            int t = f.addType(type(types(), types(I32)));
            // i32.const 1 (2 bytes) then i64.const 2 (2 bytes) then i32.add at 104.
            f.func(t, code().i32(1).i64(2).op(I32_ADD).end().exprAt(100));
            CompileException e = f.invalid("type mismatch");
            assertEquals(104, e.offset());
            assertTrue(e.getMessage().endsWith("(function 0, i32.add at offset 0x68)"), e.getMessage());
        }

        @Test
        void error_notFromBinary_noOffset() {
            CompileException e = fn(types(), types(I32), code().i32(1).i64(2).op(I32_ADD)).invalid("type mismatch");
            assertEquals(-1, e.offset());
            assertTrue(e.getMessage().contains("function 0, i32.add at expression byte 4"), e.getMessage());
        }

        @Test
        void error_functionIndexCountsImports() {
            Fixture f = module().importFunc(type(types(), types())).importFunc(type(types(), types()));
            CompileException e = f.func(type(types(), types()), code().op(DROP).end()).invalid("type mismatch");
            assertTrue(e.getMessage().contains("function 2"), e.getMessage());
        }
    }
}
