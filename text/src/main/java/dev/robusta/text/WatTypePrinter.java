package dev.robusta.text;

import dev.robusta.wasm.ArrayType;
import dev.robusta.wasm.CompositeType;
import dev.robusta.wasm.FieldType;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.GlobalType;
import dev.robusta.wasm.Limits;
import dev.robusta.wasm.MemoryType;
import dev.robusta.wasm.RecType;
import dev.robusta.wasm.StructType;
import dev.robusta.wasm.SubType;
import dev.robusta.wasm.TableType;
import dev.robusta.wasm.TagType;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.WasmModule;

import java.util.List;

/**
 * How {@link WatPrinter} spells types: the type section (recursion groups, subtypes, function, struct and
 * array types) and the types of imports and definitions (tables, memories, globals, tags).
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/types.html">Types</a>
 */
final class WatTypePrinter {
    private WatTypePrinter() {
    }

    static void types(StringBuilder sb, WasmModule module) {
        int idx = 0;
        for (RecType rec : module.recTypes()) {
            if (rec.types().size() == 1) {
                sb.append("\n  ");
                typeDef(sb, idx++, rec.types().get(0));
                continue;
            }
            sb.append("\n  (rec");
            for (SubType st : rec.types()) {
                sb.append("\n    ");
                typeDef(sb, idx++, st);
            }
            sb.append(')');
        }
    }

    private static void typeDef(StringBuilder sb, int idx, SubType st) {
        sb.append("(type").append(WatPrinter.indexComment(idx)).append(' ');
        boolean bare = st.isFinal() && st.supertypes().isEmpty();
        if (!bare) {
            sb.append("(sub");
            if (st.isFinal()) {
                sb.append(" final");
            }
            for (int s : st.supertypes()) {
                sb.append(' ').append(Integer.toUnsignedString(s));
            }
            sb.append(' ');
        }
        compositeType(sb, st.compositeType());
        if (!bare) {
            sb.append(')');
        }
        sb.append(')');
    }

    private static void compositeType(StringBuilder sb, CompositeType ct) {
        if (ct instanceof FuncType) {
            sb.append("(func");
            appendSignature(sb, (FuncType) ct);
            sb.append(')');
        } else if (ct instanceof StructType) {
            sb.append("(struct");
            for (FieldType f : ((StructType) ct).fields()) {
                sb.append(" (field ");
                fieldType(sb, f);
                sb.append(')');
            }
            sb.append(')');
        } else {
            sb.append("(array ");
            fieldType(sb, ((ArrayType) ct).element());
            sb.append(')');
        }
    }

    private static void fieldType(StringBuilder sb, FieldType f) {
        if (f.mutable()) {
            sb.append("(mut ").append(f.storageType()).append(')');
        } else {
            sb.append(f.storageType());
        }
    }

    /** Appends {@code  (param t*) (result t*)}, each only when not empty. */
    static void appendSignature(StringBuilder sb, FuncType ft) {
        valTypes(sb, "param", ft.params());
        valTypes(sb, "result", ft.results());
    }

    static void valTypes(StringBuilder sb, String keyword, List<ValType> types) {
        if (types.isEmpty()) {
            return;
        }
        sb.append(" (").append(keyword);
        for (ValType t : types) {
            sb.append(' ').append(t);
        }
        sb.append(')');
    }

    // ---- extern types ----

    static void tableType(StringBuilder sb, TableType t) {
        limits(sb, t.limits());
        sb.append(' ').append(t.elemType());
    }

    static void memoryType(StringBuilder sb, MemoryType m) {
        limits(sb, m.limits());
        if (m.pageSizeLog2() != MemoryType.DEFAULT_PAGE_SIZE_LOG2) {
            sb.append(" (pagesize ").append(1L << (m.pageSizeLog2() & 63)).append(')');
        }
    }

    /** {@code i64? min max? shared?}: the address type only for 64-bit, the numbers unsigned. */
    static void limits(StringBuilder sb, Limits l) {
        if (l.is64()) {
            sb.append(" i64");
        }
        sb.append(' ').append(Long.toUnsignedString(l.min()));
        if (l.hasMax()) {
            sb.append(' ').append(Long.toUnsignedString(l.max()));
        }
        if (l.shared()) {
            sb.append(" shared");
        }
    }

    static void globalType(StringBuilder sb, GlobalType g) {
        if (g.mutable()) {
            sb.append(" (mut ").append(g.valType()).append(')');
        } else {
            sb.append(' ').append(g.valType());
        }
    }

    static void tagType(StringBuilder sb, TagType t) {
        sb.append(" (type ").append(Integer.toUnsignedString(t.typeIdx())).append(')');
    }
}
