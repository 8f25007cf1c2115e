package dev.robusta.wasm.validate;

import dev.robusta.wasm.ValType;

import java.util.List;

/** Small helpers for lists of value types: shared one-element lists and the text form used in messages. */
final class ValTypes {
    private static final List<ValType> I32 = List.of(ValType.I32), I64 = List.of(ValType.I64),
            F32 = List.of(ValType.F32), F64 = List.of(ValType.F64), V128 = List.of(ValType.V128),
            FUNCREF = List.of(ValType.FUNCREF), EXTERNREF = List.of(ValType.EXTERNREF);

    private ValTypes() {
    }

    /** {@code [t]}, shared for the common types. */
    static List<ValType> list(ValType t) {
        if (t == ValType.I32) {
            return I32;
        } else if (t == ValType.I64) {
            return I64;
        } else if (t == ValType.F32) {
            return F32;
        } else if (t == ValType.F64) {
            return F64;
        } else if (t == ValType.V128) {
            return V128;
        } else if (t == ValType.FUNCREF) {
            return FUNCREF;
        } else if (t == ValType.EXTERNREF) {
            return EXTERNREF;
        }
        return List.of(t);
    }

    /** {@code [i32 i64]}, the reference interpreter's notation; an unknown (null) type is {@code _}. */
    static String toString(List<ValType> ts) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < ts.size(); i++) {
            sb.append(i == 0 ? "" : " ").append(name(ts.get(i)));
        }
        return sb.append(']').toString();
    }

    static String toString(ValType t) {
        return name(t);
    }

    /** Appends {@code ts[from..to)} in the notation of {@link #toString(List)}. */
    static void append(StringBuilder sb, ValType[] ts, int from, int to) {
        sb.append('[');
        for (int i = from; i < to; i++) {
            sb.append(i == from ? "" : " ").append(name(ts[i]));
        }
        sb.append(']');
    }

    private static String name(ValType t) {
        if (t == null) {
            return "_";
        }
        return t == Subtyping.BOT_REF ? "(ref bot)" : t.toString();
    }
}
