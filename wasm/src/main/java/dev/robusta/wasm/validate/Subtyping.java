package dev.robusta.wasm.validate;

import dev.robusta.wasm.ArrayType;
import dev.robusta.wasm.CompositeType;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.SubType;
import dev.robusta.wasm.ValType;

import java.util.List;

import static dev.robusta.wasm.ValType.HT_ANY;
import static dev.robusta.wasm.ValType.HT_ARRAY;
import static dev.robusta.wasm.ValType.HT_EQ;
import static dev.robusta.wasm.ValType.HT_EXN;
import static dev.robusta.wasm.ValType.HT_EXTERN;
import static dev.robusta.wasm.ValType.HT_FUNC;
import static dev.robusta.wasm.ValType.HT_I31;
import static dev.robusta.wasm.ValType.HT_NOEXN;
import static dev.robusta.wasm.ValType.HT_NOEXTERN;
import static dev.robusta.wasm.ValType.HT_NOFUNC;
import static dev.robusta.wasm.ValType.HT_NONE;
import static dev.robusta.wasm.ValType.HT_STRUCT;

/**
 * The matching relation between value types ({@code t1 <: t2}). In WebAssembly 2.0 it is equality; with
 * typed references and GC it is subtyping over the heap type hierarchies ({@code any}, {@code func},
 * {@code extern}, {@code exn}) and the declared supertypes of defined types. A null type is the bottom
 * type of the validation algorithm (an unknown operand), which matches everything.
 *
 * <p>Defined types are compared by index; the structural equivalence of recursion groups
 * (iso-recursive canonicalization) is not implemented yet.
 *
 * @see <a href="https://webassembly.github.io/spec/core/valid/matching.html">Matching</a>
 */
final class Subtyping {
    /** The heap type of {@link #BOT_REF}; not a heap type of the binary format. */
    static final int HT_BOT = -0x80;
    /**
     * The bottom reference type of the algorithm: the type of an unknown operand known to be a reference
     * (after {@code ref.as_non_null} in unreachable code). It matches every reference type.
     */
    static final ValType BOT_REF = ValType.ref(false, HT_BOT);

    private final List<SubType> types;

    Subtyping(List<SubType> types) {
        this.types = types;
    }

    /** Whether {@code actual} matches {@code expected}; a null {@code actual} (unknown) always does. */
    boolean matches(ValType actual, ValType expected) {
        if (actual == null || expected == null || actual == expected) {
            return true;
        }
        if (actual == BOT_REF) {
            return expected.isReference();
        }
        if (!actual.isReference() || !expected.isReference()) {
            return actual.equals(expected);
        }
        if (actual.isNullable() && !expected.isNullable()) {
            return false;
        }
        return heapMatches(actual.heapType(), expected.heapType());
    }

    /** Whether heap type {@code a} matches heap type {@code b}. */
    boolean heapMatches(int a, int b) {
        // A chain of declared supertypes is followed; bounded in case the types are not yet validated.
        for (int steps = 0; steps <= types.size(); steps++) {
            if (a == b) {
                return true;
            }
            if (a < 0) {
                return abstractMatches(a, b);
            }
            if (b < 0) {
                return b == top(a) || concreteMatchesAbstract(a, b);
            }
            if (a >= types.size() || types.get(a).supertypes().isEmpty()) {
                return false;
            }
            a = types.get(a).supertypes().get(0);
        }
        return false;
    }

    private boolean abstractMatches(int a, int b) {
        switch (a) {
            case HT_NONE: return top(b) == HT_ANY;
            case HT_NOFUNC: return top(b) == HT_FUNC;
            case HT_NOEXTERN: return top(b) == HT_EXTERN;
            case HT_NOEXN: return top(b) == HT_EXN;
            case HT_EQ: return b == HT_ANY;
            case HT_I31: case HT_STRUCT: case HT_ARRAY: return b == HT_EQ || b == HT_ANY;
            default: return false;
        }
    }

    private boolean concreteMatchesAbstract(int a, int b) {
        CompositeType ct = composite(a);
        if (ct == null || ct instanceof FuncType) {
            return false;
        }
        return b == HT_EQ || b == (ct instanceof ArrayType ? HT_ARRAY : HT_STRUCT);
    }

    /** The top of the hierarchy a heap type belongs to: any, func, extern or exn (0 when unknown). */
    int top(int ht) {
        switch (ht) {
            case HT_ANY: case HT_EQ: case HT_I31: case HT_STRUCT: case HT_ARRAY: case HT_NONE: return HT_ANY;
            case HT_FUNC: case HT_NOFUNC: return HT_FUNC;
            case HT_EXTERN: case HT_NOEXTERN: return HT_EXTERN;
            case HT_EXN: case HT_NOEXN: return HT_EXN;
            default: break;
        }
        CompositeType ct = composite(ht);
        if (ct == null) {
            return 0;
        }
        return ct instanceof FuncType ? HT_FUNC : HT_ANY;
    }

    private CompositeType composite(int typeIdx) {
        return typeIdx >= 0 && typeIdx < types.size() ? types.get(typeIdx).compositeType() : null;
    }
}
