package dev.robusta.wasm.validate;

import dev.robusta.wasm.ArrayType;
import dev.robusta.wasm.CompositeType;
import dev.robusta.wasm.FieldType;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.StructType;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.code.CodeReader;

import java.util.List;

/**
 * The typing rules of the GC instructions (WebAssembly 3.0): structs, arrays, {@code i31}, the
 * extern/any conversions, and the casts {@code ref.test}, {@code ref.cast}, {@code br_on_cast} and
 * {@code br_on_cast_fail}. Packed fields ({@code i8}, {@code i16}) are read and written as i32.
 *
 * @see <a href="https://webassembly.github.io/spec/core/valid/instructions.html#aggregate-reference-instructions">Aggregate reference instructions</a>
 */
final class GcRules {
    private static final ValType REF_I31 = ValType.ref(false, ValType.HT_I31);

    private GcRules() {
    }

    /** Applies the rule of {@code op}; false when {@code op} is not one of these instructions. */
    static boolean apply(CodeValidator v, Opcode op, CodeReader r) {
        switch (op) {
            case STRUCT_NEW: case STRUCT_NEW_DEFAULT: case STRUCT_GET: case STRUCT_GET_S: case STRUCT_GET_U:
            case STRUCT_SET:
                struct(v, op, r.index(), r.index2());
                return true;
            case ARRAY_NEW: case ARRAY_NEW_DEFAULT: case ARRAY_NEW_FIXED: case ARRAY_NEW_DATA: case ARRAY_NEW_ELEM:
                arrayNew(v, op, r.index(), r.index2());
                return true;
            case ARRAY_GET: case ARRAY_GET_S: case ARRAY_GET_U: case ARRAY_SET: case ARRAY_FILL:
            case ARRAY_INIT_DATA: case ARRAY_INIT_ELEM:
                arrayAccess(v, op, r.index(), r.index2());
                return true;
            case ARRAY_LEN:
                v.pop(ValType.ARRAYREF);
                v.push(ValType.I32);
                return true;
            case ARRAY_COPY:
                arrayCopy(v, r.index(), r.index2());
                return true;
            case REF_I31:
                v.pop(ValType.I32);
                v.push(REF_I31);
                return true;
            case I31_GET_S: case I31_GET_U:
                v.pop(ValType.I31REF);
                v.push(ValType.I32);
                return true;
            case ANY_CONVERT_EXTERN:
                convert(v, ValType.EXTERNREF, ValType.HT_ANY);
                return true;
            case EXTERN_CONVERT_ANY:
                convert(v, ValType.ANYREF, ValType.HT_EXTERN);
                return true;
            case REF_TEST: case REF_TEST_NULL: case REF_CAST: case REF_CAST_NULL: {
                int ht = r.index();
                v.ctx().checkHeapType(ht);
                v.pop(ValType.ref(true, top(v, ht)));
                boolean nullable = op == Opcode.REF_TEST_NULL || op == Opcode.REF_CAST_NULL;
                boolean test = op == Opcode.REF_TEST || op == Opcode.REF_TEST_NULL;
                v.push(test ? ValType.I32 : ValType.ref(nullable, ht));
                return true;
            }
            case BR_ON_CAST: case BR_ON_CAST_FAIL:
                brOnCast(v, op == Opcode.BR_ON_CAST_FAIL, r);
                return true;
            default:
                return false;
        }
    }

    private static void struct(CodeValidator v, Opcode op, int typeIdx, int fieldIdx) {
        List<FieldType> fields = structType(v, typeIdx).fields();
        ValType ref = ValType.ref(true, typeIdx);
        switch (op) {
            case STRUCT_NEW:
                v.needClear();
                for (FieldType f : fields) {
                    v.need(unpacked(f));
                }
                v.popNeeds();
                v.push(ValType.ref(false, typeIdx));
                return;
            case STRUCT_NEW_DEFAULT:
                for (FieldType f : fields) {
                    requireDefaultable(f);
                }
                v.push(ValType.ref(false, typeIdx));
                return;
            default:
                break;
        }
        if (Integer.compareUnsigned(fieldIdx, fields.size()) >= 0) {
            throw ModuleContext.unknown("field", fieldIdx);
        }
        FieldType f = fields.get(fieldIdx);
        if (op == Opcode.STRUCT_SET) {
            if (!f.mutable()) {
                throw new Invalid("immutable field " + fieldIdx + " of type " + typeIdx);
            }
            pops(v, ref, unpacked(f));
            return;
        }
        checkPacking(op != Opcode.STRUCT_GET, f);
        v.pop(ref);
        v.push(unpacked(f));
    }

    private static void arrayNew(CodeValidator v, Opcode op, int typeIdx, int imm2) {
        FieldType elem = arrayType(v, typeIdx).element();
        switch (op) {
            case ARRAY_NEW:
                pops(v, unpacked(elem), ValType.I32);
                break;
            case ARRAY_NEW_DEFAULT:
                requireDefaultable(elem);
                v.pop(ValType.I32);
                break;
            case ARRAY_NEW_FIXED:
                v.popRepeated(unpacked(elem), Integer.toUnsignedLong(imm2));
                break;
            case ARRAY_NEW_DATA:
                requireNumericOrVector(elem);
                v.ctx().data(imm2);
                pops(v, ValType.I32, ValType.I32);
                break;
            default: // ARRAY_NEW_ELEM
                requireElemMatches(v, imm2, elem);
                pops(v, ValType.I32, ValType.I32);
                break;
        }
        v.push(ValType.ref(false, typeIdx));
    }

    private static void arrayAccess(CodeValidator v, Opcode op, int typeIdx, int imm2) {
        FieldType elem = arrayType(v, typeIdx).element();
        ValType ref = ValType.ref(true, typeIdx);
        if (op == Opcode.ARRAY_GET || op == Opcode.ARRAY_GET_S || op == Opcode.ARRAY_GET_U) {
            checkPacking(op != Opcode.ARRAY_GET, elem);
            pops(v, ref, ValType.I32);
            v.push(unpacked(elem));
            return;
        }
        if (!elem.mutable()) {
            throw new Invalid("immutable array " + typeIdx);
        }
        switch (op) {
            case ARRAY_SET:
                pops(v, ref, ValType.I32, unpacked(elem));
                break;
            case ARRAY_FILL:
                pops(v, ref, ValType.I32, unpacked(elem), ValType.I32);
                break;
            case ARRAY_INIT_DATA:
                requireNumericOrVector(elem);
                v.ctx().data(imm2);
                pops(v, ref, ValType.I32, ValType.I32, ValType.I32);
                break;
            default: // ARRAY_INIT_ELEM
                requireElemMatches(v, imm2, elem);
                pops(v, ref, ValType.I32, ValType.I32, ValType.I32);
                break;
        }
    }

    private static void arrayCopy(CodeValidator v, int dstIdx, int srcIdx) {
        FieldType dst = arrayType(v, dstIdx).element();
        FieldType src = arrayType(v, srcIdx).element();
        if (!dst.mutable()) {
            throw new Invalid("immutable array " + dstIdx);
        }
        boolean matches = dst.storageType().isPacked() || src.storageType().isPacked()
                ? dst.storageType().equals(src.storageType())
                : v.ctx().subtyping.matches(src.storageType(), dst.storageType());
        if (!matches) {
            throw new Invalid("array types do not match: " + src.storageType() + " into " + dst.storageType());
        }
        pops(v, ValType.ref(true, dstIdx), ValType.I32, ValType.ref(true, srcIdx), ValType.I32, ValType.I32);
    }

    /** any.convert_extern and extern.convert_any keep the nullability of their operand. */
    private static void convert(CodeValidator v, ValType from, int toHeapType) {
        ValType t = ReferenceRules.popRef(v);
        if (!v.ctx().subtyping.matches(t, from)) {
            throw new Invalid("type mismatch: instruction requires [" + from + "] but stack has [" + t + "]");
        }
        v.push(ValType.ref(t.isNullable(), toHeapType));
    }

    /**
     * br_on_cast l rt1 rt2 branches with rt2 when the cast succeeds and leaves rt1 minus rt2 otherwise;
     * br_on_cast_fail the other way round. rt2 must match rt1.
     */
    private static void brOnCast(CodeValidator v, boolean onFail, CodeReader r) {
        ModuleContext ctx = v.ctx();
        List<ValType> ts = v.labelTypes(r.index());
        ctx.checkHeapType(r.index2());
        ctx.checkHeapType(r.castTargetHeapType());
        ValType rt1 = ValType.ref((r.castFlags() & 1) != 0, r.index2());
        ValType rt2 = ValType.ref((r.castFlags() & 2) != 0, r.castTargetHeapType());
        if (!ctx.subtyping.matches(rt2, rt1)) {
            throw new Invalid("type mismatch: cast target " + rt2 + " does not match source " + rt1);
        }
        ValType diff = ValType.ref(rt1.isNullable() && !rt2.isNullable(), rt1.heapType());
        ValType toLabel = onFail ? diff : rt2;
        if (ts.isEmpty() || !ctx.subtyping.matches(toLabel, ts.get(ts.size() - 1))) {
            throw new Invalid("type mismatch: " + (onFail ? "br_on_cast_fail" : "br_on_cast") + " passes "
                    + toLabel + " to a label of " + ValTypes.toString(ts));
        }
        v.pop(rt1);
        List<ValType> rest = ts.subList(0, ts.size() - 1);
        v.popAll(rest);
        v.pushAll(rest);
        v.push(onFail ? rt2 : diff);
    }

    private static StructType structType(CodeValidator v, int typeIdx) {
        CompositeType ct = composite(v, typeIdx);
        if (!(ct instanceof StructType)) {
            throw new Invalid("non-structure type " + Integer.toUnsignedString(typeIdx));
        }
        return (StructType) ct;
    }

    private static ArrayType arrayType(CodeValidator v, int typeIdx) {
        CompositeType ct = composite(v, typeIdx);
        if (!(ct instanceof ArrayType)) {
            throw new Invalid("non-array type " + Integer.toUnsignedString(typeIdx));
        }
        return (ArrayType) ct;
    }

    private static CompositeType composite(CodeValidator v, int typeIdx) {
        List<?> types = v.ctx().module.types();
        if (typeIdx < 0 || typeIdx >= types.size()) {
            throw ModuleContext.unknown("type", typeIdx);
        }
        return v.ctx().module.types().get(typeIdx).compositeType();
    }

    /** The top heap type of {@code ht}'s hierarchy (any, func, extern or exn). */
    private static int top(CodeValidator v, int ht) {
        return v.ctx().subtyping.top(ht);
    }

    /** The operand type of a field: its value type, or i32 for a packed type. */
    private static ValType unpacked(FieldType f) {
        return f.storageType().isPacked() ? ValType.I32 : f.storageType();
    }

    private static void checkPacking(boolean signed, FieldType f) {
        if (signed != f.storageType().isPacked()) {
            throw new Invalid(signed ? "type mismatch: field is not packed" : "type mismatch: field is packed");
        }
    }

    private static void requireDefaultable(FieldType f) {
        if (!f.storageType().isPacked() && !Locals.isDefaultable(f.storageType())) {
            throw new Invalid("type mismatch: field type " + f.storageType() + " is not defaultable");
        }
    }

    private static void requireNumericOrVector(FieldType f) {
        ValType t = f.storageType();
        if (!t.isNumber() && !t.isVector() && !t.isPacked()) {
            throw new Invalid("array type is not numeric or vector");
        }
    }

    private static void requireElemMatches(CodeValidator v, int elemIdx, FieldType f) {
        ValType et = v.ctx().elem(elemIdx);
        if (!v.ctx().subtyping.matches(et, f.storageType())) {
            throw new Invalid("type mismatch: element segment of " + et + " for an array of " + f.storageType());
        }
    }

    private static void pops(CodeValidator v, ValType... ts) {
        v.needClear();
        for (ValType t : ts) {
            v.need(t);
        }
        v.popNeeds();
    }
}
