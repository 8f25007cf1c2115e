package dev.robusta.wasm.validate;

import dev.robusta.wasm.ArrayType;
import dev.robusta.wasm.CompositeType;
import dev.robusta.wasm.FieldType;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.RecType;
import dev.robusta.wasm.StructType;
import dev.robusta.wasm.SubType;
import dev.robusta.wasm.ValType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * {@code extern}, {@code exn}) and the declared supertypes of defined types. A null type is the unknown
 * type of the validation algorithm, which matches everything.
 *
 * <p>Defined types are equal when they are equivalent in the iso-recursive sense: their recursion groups
 * are structurally the same, with references inside a group taken relative to it and references to earlier
 * types by their own equivalence class. Each type index gets a canonical index (the first of its class), so
 * equivalence is an int comparison.
 *
 * @see <a href="https://webassembly.github.io/spec/core/valid/matching.html">Matching</a>
 * @see <a href="https://webassembly.github.io/spec/core/valid/conventions.html#rolling-and-unrolling">Rolling and unrolling</a>
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
    /** The canonical index of each type index: the first index of an equivalent type. */
    private final int[] canonical;

    /**
     * @param recTypes the module's recursion groups, whose type references have been checked to point
     *                 no further than the end of their own group
     */
    Subtyping(List<RecType> recTypes) {
        List<SubType> flat = new ArrayList<>();
        for (RecType r : recTypes) {
            flat.addAll(r.types());
        }
        this.types = flat;
        this.canonical = new int[flat.size()];
        Map<String, Integer> groups = new HashMap<>();
        int start = 0;
        for (RecType r : recTypes) {
            int end = start + r.types().size();
            Integer first = groups.putIfAbsent(groupKey(start, end), start);
            int base = first == null ? start : first;
            for (int i = start; i < end; i++) {
                canonical[i] = base + (i - start);
            }
            start = end;
        }
    }

    /** Whether types {@code a} and {@code b} (indices) are equivalent. */
    boolean sameType(int a, int b) {
        return a == b || (a >= 0 && b >= 0 && a < canonical.length && b < canonical.length
                && canonical[a] == canonical[b]);
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
            if (sameType(a, b)) {
                return true;
            }
            if (a >= types.size() || types.get(a).supertypes().isEmpty()) {
                return false;
            }
            a = types.get(a).supertypes().get(0);
        }
        return false;
    }

    /**
     * Whether the composite type {@code sub} may declare {@code sup} as its supertype: the same kind,
     * function parameters contravariant and results covariant, struct fields a prefix-wise match, array
     * elements matching.
     */
    boolean compositeMatches(CompositeType sub, CompositeType sup) {
        if (sub instanceof FuncType && sup instanceof FuncType) {
            FuncType f = (FuncType) sub;
            FuncType g = (FuncType) sup;
            return allMatch(g.params(), f.params()) && allMatch(f.results(), g.results());
        }
        if (sub instanceof StructType && sup instanceof StructType) {
            List<FieldType> fs = ((StructType) sub).fields();
            List<FieldType> gs = ((StructType) sup).fields();
            if (fs.size() < gs.size()) {
                return false;
            }
            for (int i = 0; i < gs.size(); i++) {
                if (!fieldMatches(fs.get(i), gs.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (sub instanceof ArrayType && sup instanceof ArrayType) {
            return fieldMatches(((ArrayType) sub).element(), ((ArrayType) sup).element());
        }
        return false;
    }

    private boolean allMatch(List<ValType> as, List<ValType> bs) {
        if (as.size() != bs.size()) {
            return false;
        }
        for (int i = 0; i < as.size(); i++) {
            if (!matches(as.get(i), bs.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Mutable fields are invariant, immutable ones covariant; packed types match only themselves. */
    private boolean fieldMatches(FieldType a, FieldType b) {
        if (a.mutable() != b.mutable()) {
            return false;
        }
        ValType s = a.storageType();
        ValType t = b.storageType();
        if (s.isPacked() || t.isPacked()) {
            return s.equals(t);
        }
        return matches(s, t) && (!a.mutable() || matches(t, s));
    }

    private boolean abstractMatches(int a, int b) {
        switch (a) {
            case HT_BOT: return true;
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

    // ---- canonicalization ----

    /** The structure of the group of types {@code [start, end)}, with references made group-relative. */
    private String groupKey(int start, int end) {
        StringBuilder sb = new StringBuilder();
        for (int i = start; i < end; i++) {
            SubType st = types.get(i);
            sb.append(st.isFinal() ? 'F' : 'N');
            for (int sup : st.supertypes()) {
                sb.append('<');
                ref(sb, sup, start, end);
            }
            CompositeType ct = st.compositeType();
            if (ct instanceof FuncType) {
                sb.append("f(");
                for (ValType t : ((FuncType) ct).params()) {
                    valType(sb, t, start, end);
                }
                sb.append(")(");
                for (ValType t : ((FuncType) ct).results()) {
                    valType(sb, t, start, end);
                }
                sb.append(')');
            } else if (ct instanceof StructType) {
                sb.append("s(");
                for (FieldType f : ((StructType) ct).fields()) {
                    field(sb, f, start, end);
                }
                sb.append(')');
            } else {
                sb.append('a');
                field(sb, ((ArrayType) ct).element(), start, end);
            }
            sb.append(';');
        }
        return sb.toString();
    }

    private void field(StringBuilder sb, FieldType f, int start, int end) {
        sb.append(f.mutable() ? 'm' : 'c');
        valType(sb, f.storageType(), start, end);
    }

    private void valType(StringBuilder sb, ValType t, int start, int end) {
        sb.append(t.code()).append(',');
        if (t.isReference()) {
            if (t.heapType() < 0) {
                sb.append(t.heapType());
            } else {
                ref(sb, t.heapType(), start, end);
            }
            sb.append(',');
        }
    }

    private void ref(StringBuilder sb, int idx, int start, int end) {
        if (idx >= start && idx < end) {
            sb.append('r').append(idx - start);
        } else if (idx >= 0 && idx < start) {
            sb.append('c').append(canonical[idx]);
        } else {
            sb.append('x').append(idx);
        }
    }
}
