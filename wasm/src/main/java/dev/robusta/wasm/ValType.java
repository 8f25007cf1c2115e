package dev.robusta.wasm;

import java.util.Objects;

/**
 * A value type (and, for GC fields, a storage type): a number type, {@code v128}, a packed type
 * ({@code i8}/{@code i16}, fields only) or a reference type {@code (ref null? heaptype)}.
 *
 * <p>Heap types are ints: a type index ({@code >= 0}) or one of the abstract heap types, whose values are
 * their binary encodings read as s33 (for example {@link #HT_FUNC} = -0x10, the byte 0x70).
 *
 * @see <a href="https://webassembly.github.io/spec/core/syntax/types.html">Types</a>
 */
public final class ValType {
    /** Binary codes of the value types. */
    public static final int CODE_I32 = 0x7F, CODE_I64 = 0x7E, CODE_F32 = 0x7D, CODE_F64 = 0x7C, CODE_V128 = 0x7B,
            CODE_I8 = 0x78, CODE_I16 = 0x77, CODE_REF = 0x64, CODE_REF_NULL = 0x63;

    /** Abstract heap types, as their binary byte read as a signed LEB128 (s33). */
    public static final int HT_NOEXN = -0x0C, HT_NOFUNC = -0x0D, HT_NOEXTERN = -0x0E, HT_NONE = -0x0F,
            HT_FUNC = -0x10, HT_EXTERN = -0x11, HT_ANY = -0x12, HT_EQ = -0x13, HT_I31 = -0x14,
            HT_STRUCT = -0x15, HT_ARRAY = -0x16, HT_EXN = -0x17;

    public static final ValType I32 = new ValType(CODE_I32, 0, false);
    public static final ValType I64 = new ValType(CODE_I64, 0, false);
    public static final ValType F32 = new ValType(CODE_F32, 0, false);
    public static final ValType F64 = new ValType(CODE_F64, 0, false);
    public static final ValType V128 = new ValType(CODE_V128, 0, false);
    public static final ValType I8 = new ValType(CODE_I8, 0, false);
    public static final ValType I16 = new ValType(CODE_I16, 0, false);
    public static final ValType FUNCREF = new ValType(CODE_REF_NULL, HT_FUNC, true);
    public static final ValType EXTERNREF = new ValType(CODE_REF_NULL, HT_EXTERN, true);
    public static final ValType ANYREF = new ValType(CODE_REF_NULL, HT_ANY, true);
    public static final ValType EQREF = new ValType(CODE_REF_NULL, HT_EQ, true);
    public static final ValType I31REF = new ValType(CODE_REF_NULL, HT_I31, true);
    public static final ValType STRUCTREF = new ValType(CODE_REF_NULL, HT_STRUCT, true);
    public static final ValType ARRAYREF = new ValType(CODE_REF_NULL, HT_ARRAY, true);
    public static final ValType NULLREF = new ValType(CODE_REF_NULL, HT_NONE, true);
    public static final ValType NULLFUNCREF = new ValType(CODE_REF_NULL, HT_NOFUNC, true);
    public static final ValType NULLEXTERNREF = new ValType(CODE_REF_NULL, HT_NOEXTERN, true);
    public static final ValType EXNREF = new ValType(CODE_REF_NULL, HT_EXN, true);
    public static final ValType NULLEXNREF = new ValType(CODE_REF_NULL, HT_NOEXN, true);

    private final int code;
    private final int heapType;
    private final boolean nullable;

    private ValType(int code, int heapType, boolean nullable) {
        this.code = code;
        this.heapType = heapType;
        this.nullable = nullable;
    }

    /** The reference type {@code (ref null? heapType)}; shared constants are returned where one exists. */
    public static ValType ref(boolean nullable, int heapType) {
        if (nullable) {
            switch (heapType) {
                case HT_FUNC: return FUNCREF;
                case HT_EXTERN: return EXTERNREF;
                case HT_ANY: return ANYREF;
                case HT_EQ: return EQREF;
                case HT_I31: return I31REF;
                case HT_STRUCT: return STRUCTREF;
                case HT_ARRAY: return ARRAYREF;
                case HT_NONE: return NULLREF;
                case HT_NOFUNC: return NULLFUNCREF;
                case HT_NOEXTERN: return NULLEXTERNREF;
                case HT_EXN: return EXNREF;
                case HT_NOEXN: return NULLEXNREF;
                default: break;
            }
        }
        return new ValType(nullable ? CODE_REF_NULL : CODE_REF, heapType, nullable);
    }

    /** The number, vector or packed type of the given binary code, or null when it is none of them. */
    public static ValType ofCode(int code) {
        switch (code) {
            case CODE_I32: return I32;
            case CODE_I64: return I64;
            case CODE_F32: return F32;
            case CODE_F64: return F64;
            case CODE_V128: return V128;
            case CODE_I8: return I8;
            case CODE_I16: return I16;
            default: return null;
        }
    }

    /** Whether {@code heapType} is one of the abstract heap types (not a type index). */
    public static boolean isAbstractHeapType(int heapType) {
        return heapType >= HT_EXN && heapType <= HT_NOEXN;
    }

    /** The text name of an abstract heap type ("func", "extern", ...), or the decimal type index. */
    public static String heapTypeName(int heapType) {
        switch (heapType) {
            case HT_FUNC: return "func";
            case HT_EXTERN: return "extern";
            case HT_ANY: return "any";
            case HT_EQ: return "eq";
            case HT_I31: return "i31";
            case HT_STRUCT: return "struct";
            case HT_ARRAY: return "array";
            case HT_NONE: return "none";
            case HT_NOFUNC: return "nofunc";
            case HT_NOEXTERN: return "noextern";
            case HT_EXN: return "exn";
            case HT_NOEXN: return "noexn";
            default: return Integer.toString(heapType);
        }
    }

    /** The binary code: one of the {@code CODE_*} constants. */
    public int code() {
        return code;
    }

    /** For a reference type, its heap type; 0 otherwise. */
    public int heapType() {
        return heapType;
    }

    public boolean isNullable() {
        return nullable;
    }

    public boolean isReference() {
        return code == CODE_REF || code == CODE_REF_NULL;
    }

    public boolean isNumber() {
        return code == CODE_I32 || code == CODE_I64 || code == CODE_F32 || code == CODE_F64;
    }

    public boolean isVector() {
        return code == CODE_V128;
    }

    public boolean isPacked() {
        return code == CODE_I8 || code == CODE_I16;
    }

    /** Whether this reference type's heap type is a type index (a concrete, defined type). */
    public boolean isConcreteReference() {
        return isReference() && heapType >= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValType && ((ValType) o).code == code && ((ValType) o).heapType == heapType
                && ((ValType) o).nullable == nullable;
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, heapType, nullable);
    }

    /** The text format's spelling: {@code i32}, {@code funcref}, {@code (ref null 3)}. */
    @Override
    public String toString() {
        switch (code) {
            case CODE_I32: return "i32";
            case CODE_I64: return "i64";
            case CODE_F32: return "f32";
            case CODE_F64: return "f64";
            case CODE_V128: return "v128";
            case CODE_I8: return "i8";
            case CODE_I16: return "i16";
            default: break;
        }
        if (nullable && isAbstractHeapType(heapType)) {
            switch (heapType) {
                case HT_NONE: return "nullref";
                case HT_NOFUNC: return "nullfuncref";
                case HT_NOEXTERN: return "nullexternref";
                case HT_NOEXN: return "nullexnref";
                default: return heapTypeName(heapType) + "ref";
            }
        }
        return "(ref " + (nullable ? "null " : "") + heapTypeName(heapType) + ")";
    }
}
