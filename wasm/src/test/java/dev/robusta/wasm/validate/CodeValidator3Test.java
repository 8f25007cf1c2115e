package dev.robusta.wasm.validate;

import dev.robusta.wasm.Features;
import dev.robusta.wasm.Import;
import dev.robusta.wasm.LocalGroup;
import dev.robusta.wasm.TagType;
import dev.robusta.wasm.ValType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.robusta.wasm.Opcode.*;
import static dev.robusta.wasm.ValType.EXNREF;
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

/** The WebAssembly 3.0 rules: local initialization, typed function references, exceptions, GC. */
class CodeValidator3Test {
    static final ValType REF_EXTERN = ValType.ref(false, HT_EXTERN);
    static final ValType ANYREF_ = ValType.ANYREF;

    static Fixture fn3(List<ValType> params, List<ValType> results, Asm body, LocalGroup... locals) {
        return module().features(Features.V3).func(type(params, results), body.end(), locals);
    }

    @Nested
    class LocalInitialization {
        @Test
        void nonDefaultableLocal_getBeforeSet_uninitializedLocal() {
            fn3(types(), types(), code().op(LOCAL_GET, 0).op(DROP), new LocalGroup(1, REF_EXTERN))
                    .invalid("uninitialized local 0");
        }

        @Test
        void nonDefaultableLocal_setThenGet_valid() {
            fn3(types(REF_EXTERN), types(REF_EXTERN), code().op(LOCAL_GET, 0).op(LOCAL_SET, 1).op(LOCAL_GET, 1),
                    new LocalGroup(1, REF_EXTERN)).valid();
            fn3(types(REF_EXTERN), types(REF_EXTERN), code().op(LOCAL_GET, 0).op(LOCAL_TEE, 1).op(DROP)
                    .op(LOCAL_GET, 1), new LocalGroup(1, REF_EXTERN)).valid();
        }

        @Test
        void initializationEndsWithItsBlock() {
            fn3(types(REF_EXTERN), types(), code().block(BLOCK).op(LOCAL_GET, 0).op(LOCAL_SET, 1).end()
                    .op(LOCAL_GET, 1).op(DROP), new LocalGroup(1, REF_EXTERN)).invalid("uninitialized local 1");
            fn3(types(REF_EXTERN), types(), code().i32(0).block(IF).op(LOCAL_GET, 0).op(LOCAL_SET, 1).op(ELSE)
                    .op(LOCAL_GET, 1).op(DROP).end(), new LocalGroup(1, REF_EXTERN)).invalid("uninitialized local 1");
        }

        @Test
        void parametersAndDefaultableLocals_alwaysInitialized() {
            fn3(types(REF_EXTERN), types(REF_EXTERN), code().op(LOCAL_GET, 0)).valid();
            fn3(types(), types(EXTERNREF), code().op(LOCAL_GET, 1),
                    new LocalGroup(1, REF_EXTERN), new LocalGroup(1, EXTERNREF)).valid();
        }
    }

    @Nested
    class TypedFunctionReferences {
        @Test
        void callRef_operandIsAReferenceToTheType() {
            Fixture f = module().features(Features.V3);
            int t = f.addType(type(types(I32), types(I64)));
            f.func(type(types(), types(I64)), code().i32(1).op(REF_FUNC, 0).op(CALL_REF, t).end());
            f.func(t, code().i64(0).end().expr());
            f.export("f", dev.robusta.wasm.ExternKind.FUNC, 0);
            f.invalid("type mismatch"); // ref.func 0 is of function 0's type, not t
            Fixture g = module().features(Features.V3);
            int u = g.addType(type(types(I32), types(I64)));
            g.func(u, code().i64(0).end().expr());
            g.func(type(types(), types(I64)), code().i32(1).op(REF_FUNC, 0).op(CALL_REF, u).end());
            g.export("f", dev.robusta.wasm.ExternKind.FUNC, 0);
            g.valid();
        }

        @Test
        void refAsNonNull_andBrOnNull() {
            fn3(types(EXTERNREF), types(REF_EXTERN), code().op(LOCAL_GET, 0).op(REF_AS_NON_NULL)).valid();
            fn3(types(EXTERNREF), types(REF_EXTERN), code().op(LOCAL_GET, 0)).invalid("type mismatch");
            fn3(types(EXTERNREF), types(REF_EXTERN), code().op(LOCAL_GET, 0).op(BR_ON_NULL, 0).op(RETURN)
                    .op(UNREACHABLE)).invalid("type mismatch");
            fn3(types(EXTERNREF), types(), code().block(BLOCK).op(LOCAL_GET, 0).op(BR_ON_NULL, 0).op(DROP).end())
                    .valid();
            fn3(types(), types(I32), code().i32(0).op(REF_AS_NON_NULL)).invalid("type mismatch");
        }

        @Test
        void brOnNonNull_labelEndsWithTheReference() {
            fn3(types(EXTERNREF), types(REF_EXTERN), code().op(LOCAL_GET, 0).op(BR_ON_NON_NULL, 0).op(UNREACHABLE))
                    .valid();
            fn3(types(EXTERNREF), types(), code().op(LOCAL_GET, 0).op(BR_ON_NON_NULL, 0)).invalid("type mismatch");
        }

        @Test
        void unreachable_refAsNonNullGivesABottomReference() {
            fn3(types(), types(REF_EXTERN), code().op(UNREACHABLE).op(REF_AS_NON_NULL)).valid();
            fn3(types(), types(I32), code().op(UNREACHABLE).op(REF_AS_NON_NULL)).invalid("type mismatch");
        }

        @Test
        void refFunc_isNonNullReferenceToItsType() {
            Fixture f = module().features(Features.V3);
            int t = f.addType(type(types(), types()));
            f.func(t, code().end().expr());
            f.func(type(types(), types(ValType.ref(false, t))), code().op(REF_FUNC, 0).end());
            f.export("f", dev.robusta.wasm.ExternKind.FUNC, 0);
            f.valid();
        }

        @Test
        void refEq_takesEqReferences() {
            fn3(types(), types(I32), code().refNull(ValType.HT_EQ).refNull(ValType.HT_I31).op(REF_EQ)).valid();
            fn3(types(), types(I32), code().refNull(HT_FUNC).refNull(HT_FUNC).op(REF_EQ)).invalid("type mismatch");
        }
    }

    @Nested
    class Exceptions {
        Fixture withTag(List<ValType> params) {
            Fixture f = module().features(Features.V3);
            f.m.tags().add(new TagType(f.addType(type(params, types()))));
            return f;
        }

        @Test
        void throw_popsTheTagParameters() {
            withTag(types(I32)).func(type(types(), types()), code().i32(0).op(THROW, 0).end()).valid();
            withTag(types(I32)).func(type(types(), types()), code().op(THROW, 0).end())
                    .invalid("type mismatch: instruction requires [i32] but stack has []");
            withTag(types(I32)).func(type(types(), types()), code().i64(5).op(THROW, 0).end())
                    .invalid("type mismatch: instruction requires [i32] but stack has [i64]");
            fn3(types(), types(), code().op(THROW, 0)).invalid("unknown tag 0");
        }

        @Test
        void throwRef_popsAnExnref() {
            fn3(types(EXNREF), types(I32), code().op(LOCAL_GET, 0).op(THROW_REF)).valid();
            fn3(types(), types(), code().refNull(HT_EXTERN).op(THROW_REF)).invalid("type mismatch");
        }

        @Test
        void tryTable_catchClausesMatchTheirLabels() {
            // block (result i32) (try_table (catch 0 0) (throw 0 (i32.const 1))) unreachable end
            Asm ok = code().block(BLOCK, I32).op(TRY_TABLE).u8(0x40).u32(1).u8(0).u32(0).u32(0)
                    .i32(1).op(THROW, 0).end().op(UNREACHABLE).end();
            withTag(types(I32)).func(type(types(), types(I32)), ok.end()).valid();
            Asm wrongLabel = code().block(BLOCK, I64).op(TRY_TABLE).u8(0x40).u32(1).u8(0).u32(0).u32(0)
                    .end().op(UNREACHABLE).end().op(DROP);
            withTag(types(I32)).func(type(types(), types()), wrongLabel.end()).invalid("type mismatch");
            Asm catchAllRef = code().block(BLOCK, ValType.ref(false, ValType.HT_EXN)).op(TRY_TABLE).u8(0x40)
                    .u32(1).u8(3).u32(0).end().op(UNREACHABLE).end().op(DROP);
            fn3(types(), types(), catchAllRef).valid();
            Asm badLabel = code().op(TRY_TABLE).u8(0x40).u32(1).u8(2).u32(1).end();
            fn3(types(), types(), badLabel).invalid("unknown label 1");
        }

        @Test
        void tagImport_typeMustBeFunctionWithoutResults() {
            Fixture f = module().features(Features.V3);
            f.m.addImport(new Import("m", "t", new TagType(f.addType(type(types(I32), types())))));
            f.func(type(types(), types()), code().i32(1).op(THROW, 0).end()).valid();
        }

    }

    @Nested
    class Gc {
        /** A 3.0 module with the given types, each in a group of its own. */
        Fixture withTypes(dev.robusta.wasm.CompositeType... cts) {
            Fixture f = module().features(Features.V3);
            for (dev.robusta.wasm.CompositeType ct : cts) {
                f.m.addRecType(new dev.robusta.wasm.RecType(List.of(new dev.robusta.wasm.SubType(true, List.of(), ct))));
            }
            return f;
        }

        dev.robusta.wasm.StructType struct(dev.robusta.wasm.FieldType... fs) {
            return new dev.robusta.wasm.StructType(List.of(fs));
        }

        dev.robusta.wasm.FieldType field(ValType t, boolean mutable) {
            return new dev.robusta.wasm.FieldType(t, mutable);
        }

        dev.robusta.wasm.ArrayType array(ValType t, boolean mutable) {
            return new dev.robusta.wasm.ArrayType(field(t, mutable));
        }

        @Test
        void structNewGetSet() {
            Fixture f = withTypes(struct(field(I32, true), field(ValType.I8, false)));
            f.func(type(types(), types(I32)), code().i32(1).i32(2).op(STRUCT_NEW, 0).op(STRUCT_GET_S, 0, 1).end()).valid();
            withTypes(struct(field(I32, true))).func(type(types(), types()),
                    code().i32(1).op(STRUCT_NEW, 0).i32(5).op(STRUCT_SET, 0, 0).end()).valid();
            withTypes(struct(field(I32, false))).func(type(types(), types()),
                    code().i32(1).op(STRUCT_NEW, 0).i32(5).op(STRUCT_SET, 0, 0).end()).invalid("immutable field");
            withTypes(struct(field(I32, false))).func(type(types(), types(I64)),
                    code().i32(1).op(STRUCT_NEW, 0).op(STRUCT_GET, 0, 0).end()).invalid("type mismatch");
            withTypes(struct(field(I32, false))).func(type(types(), types(I32)),
                    code().i32(1).op(STRUCT_NEW, 0).op(STRUCT_GET, 0, 1).end()).invalid("unknown field 1");
            withTypes(struct(field(ValType.I8, false))).func(type(types(), types(I32)),
                    code().i32(1).op(STRUCT_NEW, 0).op(STRUCT_GET, 0, 0).end()).invalid("type mismatch");
            withTypes(array(I32, false)).func(type(types(), types()),
                    code().op(STRUCT_NEW_DEFAULT, 0).op(DROP).end()).invalid("non-structure type 0");
        }

        @Test
        void structNewDefault_fieldsMustBeDefaultable() {
            withTypes(struct(field(ValType.ref(false, HT_EXTERN), false))).func(type(types(), types()),
                    code().op(STRUCT_NEW_DEFAULT, 0).op(DROP).end()).invalid("type mismatch");
            withTypes(struct(field(EXTERNREF, false), field(ValType.I16, true))).func(type(types(), types()),
                    code().op(STRUCT_NEW_DEFAULT, 0).op(DROP).end()).valid();
        }

        @Test
        void arrays() {
            withTypes(array(I64, true)).func(type(types(), types(I64)),
                    code().i64(0).i32(3).op(ARRAY_NEW, 0).i32(1).op(ARRAY_GET, 0).end()).valid();
            withTypes(array(I64, true)).func(type(types(), types(I32)),
                    code().i64(0).i64(1).op(ARRAY_NEW_FIXED, 0, 2).op(ARRAY_LEN).end()).valid();
            withTypes(array(I64, true)).func(type(types(), types(I32)),
                    code().i64(0).op(ARRAY_NEW_FIXED, 0, 2).op(ARRAY_LEN).end()).invalid("type mismatch");
            withTypes(array(I64, false)).func(type(types(), types()),
                    code().i32(1).op(ARRAY_NEW_DEFAULT, 0).i32(0).i64(1).op(ARRAY_SET, 0).end()).invalid("immutable array");
            withTypes(array(FUNCREF, true)).func(type(types(), types()),
                    code().i32(0).i32(1).op(ARRAY_NEW_DATA, 0, 0).op(DROP).end()).data()
                    .invalid("array type is not numeric or vector");
            withTypes(array(ValType.I8, true)).func(type(types(), types()),
                    code().i32(0).i32(1).op(ARRAY_NEW_DATA, 0, 0).op(DROP).end()).data().valid();
        }

        @Test
        void arrayNewFixed_hugeCountInUnreachableCode() {
            withTypes(array(I64, true)).func(type(types(), types(I32)),
                    code().op(UNREACHABLE).op(ARRAY_NEW_FIXED, 0, -1).op(ARRAY_LEN).end()).valid();
        }

        @Test
        void arrayCopy_elementTypesMatch() {
            withTypes(array(I32, true), array(I32, false)).func(type(types(), types()), code()
                    .i32(1).op(ARRAY_NEW_DEFAULT, 0).i32(0).i32(1).op(ARRAY_NEW_DEFAULT, 1).i32(0).i32(1)
                    .op(ARRAY_COPY, 0, 1).end()).valid();
            withTypes(array(I32, true), array(I64, false)).func(type(types(), types()), code()
                    .i32(1).op(ARRAY_NEW_DEFAULT, 0).i32(0).i32(1).op(ARRAY_NEW_DEFAULT, 1).i32(0).i32(1)
                    .op(ARRAY_COPY, 0, 1).end()).invalid("array types do not match");
            withTypes(array(I32, false), array(I32, false)).func(type(types(), types()), code()
                    .i32(1).op(ARRAY_NEW_DEFAULT, 0).i32(0).i32(1).op(ARRAY_NEW_DEFAULT, 1).i32(0).i32(1)
                    .op(ARRAY_COPY, 0, 1).end()).invalid("immutable array");
        }

        @Test
        void i31AndConversions() {
            fn3(types(), types(I32), code().i32(7).op(REF_I31).op(I31_GET_S)).valid();
            fn3(types(EXTERNREF), types(ANYREF_), code().op(LOCAL_GET, 0).op(ANY_CONVERT_EXTERN)).valid();
            fn3(types(REF_EXTERN), types(ValType.ref(false, ValType.HT_ANY)), code().op(LOCAL_GET, 0)
                    .op(ANY_CONVERT_EXTERN)).valid();
            fn3(types(EXTERNREF), types(ValType.ref(false, ValType.HT_ANY)), code().op(LOCAL_GET, 0)
                    .op(ANY_CONVERT_EXTERN)).invalid("type mismatch");
            fn3(types(FUNCREF), types(ANYREF_), code().op(LOCAL_GET, 0).op(ANY_CONVERT_EXTERN)).invalid("type mismatch");
        }

        @Test
        void casts() {
            Fixture f = withTypes(struct());
            f.func(type(types(ANYREF_), types(ValType.ref(false, 0))), code().op(LOCAL_GET, 0)
                    .op(REF_CAST).u8(0).end()).valid();
            fn3(types(ANYREF_), types(I32), code().op(LOCAL_GET, 0).op(REF_TEST).u8(0x6C)).valid(); // i31
            fn3(types(FUNCREF), types(I32), code().op(LOCAL_GET, 0).op(REF_TEST).u8(0x6C)).invalid("type mismatch");
        }

        @Test
        void brOnCast_targetMatchesSourceAndLabel() {
            // block (result (ref i31)) local.get 0 br_on_cast 0 anyref (ref i31) drop unreachable end
            Asm ok = code().block(BLOCK, ValType.ref(false, ValType.HT_I31)).op(LOCAL_GET, 0).op(BR_ON_CAST).u8(1)
                    .u32(0).u8(0x6E).u8(0x6C).op(DROP).op(UNREACHABLE).end();
            fn3(types(ANYREF_), types(ValType.ref(false, ValType.HT_I31)), ok).valid();
            Asm wrongHierarchy = code().block(BLOCK, FUNCREF).op(LOCAL_GET, 0).op(BR_ON_CAST).u8(3)
                    .u32(0).u8(0x6E).u8(0x70).op(DROP).op(UNREACHABLE).end();
            fn3(types(ANYREF_), types(FUNCREF), wrongHierarchy).invalid("type mismatch");
            // br_on_cast_fail passes the source minus the target to the label and keeps the target.
            Asm fail = code().block(BLOCK, ANYREF_).op(LOCAL_GET, 0).op(BR_ON_CAST_FAIL).u8(1)
                    .u32(0).u8(0x6E).u8(0x6C).op(I31_GET_U).op(DROP).op(UNREACHABLE).end();
            fn3(types(ANYREF_), types(ANYREF_), fail).valid();
        }
    }

    @Nested
    class LegacyExceptions {
        Fixture withTag(List<ValType> params) {
            Fixture f = module().features(Features.V3);
            f.m.tags().add(new TagType(f.addType(type(params, types()))));
            return f;
        }

        @Test
        void tryCatch_branchesHaveTheTryResults() {
            withTag(types(I32)).func(type(types(), types(I32)), code().block(TRY, I32).i32(1).op(CATCH, 0)
                    .op(CATCH_ALL).i32(3).end().end()).valid();
            withTag(types(I64)).func(type(types(), types(I32)), code().block(TRY, I32).i32(1).op(CATCH, 0)
                    .end().end()).invalid("type mismatch: instruction requires [i32] but stack has [i64]");
            fn3(types(), types(I32), code().block(TRY, I32).i64(42).end())
                    .invalid("type mismatch: instruction requires [i32] but stack has [i64]");
        }

        @Test
        void rethrow_onlyInsideCatch() {
            withTag(types()).func(type(types(), types()), code().block(TRY).op(CATCH, 0).op(RETHROW, 0).end().end())
                    .valid();
            fn3(types(), types(), code().block(TRY).op(RETHROW, 0).end()).invalid("invalid rethrow label");
            fn3(types(), types(), code().op(RETHROW, 0)).invalid("invalid rethrow label");
        }

        @Test
        void delegate_labelOutsideTheTry() {
            fn3(types(), types(), code().block(BLOCK).block(TRY).op(DELEGATE, 0).end()).valid();
            fn3(types(), types(), code().block(TRY).op(DELEGATE, 1)).invalid("unknown label");
        }

        @Test
        void catch_withoutTry_malformed() {
            withTag(types()).func(type(types(), types()), code().block(BLOCK).op(CATCH, 0).end().end())
                    .malformed("'catch' without matching 'try'");
        }
    }

    @Test
    void funcref_table_withTypedInit() {
        Fixture f = module().features(Features.V3);
        f.m.tables().add(new dev.robusta.wasm.Table(new dev.robusta.wasm.TableType(ValType.ref(false, HT_FUNC),
                dev.robusta.wasm.Limits.of(1)), code().op(REF_FUNC, 0).end().expr()));
        f.func(type(types(), types()), code().end());
        f.valid();
        Fixture g = module().features(Features.V3);
        g.m.tables().add(new dev.robusta.wasm.Table(new dev.robusta.wasm.TableType(FUNCREF,
                dev.robusta.wasm.Limits.of(1)), code().refNull(HT_EXTERN).end().expr()));
        g.invalid("type mismatch");
    }
}
