package dev.robusta.cli;

import dev.robusta.wasm.ArrayType;
import dev.robusta.wasm.CompositeType;
import dev.robusta.wasm.FieldType;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.GlobalType;
import dev.robusta.wasm.Limits;
import dev.robusta.wasm.MemoryType;
import dev.robusta.wasm.StructType;
import dev.robusta.wasm.SubType;
import dev.robusta.wasm.TableType;
import dev.robusta.wasm.ValType;
import java.util.List;

/** Types written in the text format's words, for {@code robusta inspect}. */
final class TypeText {
    private TypeText() {
    }

    /** {@code (func (param i32 i32) (result i32))}, {@code (struct (field (mut i32)))}, {@code (sub 0 (func))}. */
    static String of(SubType type) {
        String composite = of(type.compositeType());
        if (type.isFinal() && type.supertypes().isEmpty()) {
            return composite;
        }
        StringBuilder sb = new StringBuilder("(sub");
        if (type.isFinal()) {
            sb.append(" final");
        }
        for (int supertype : type.supertypes()) {
            sb.append(' ').append(supertype);
        }
        return sb.append(' ').append(composite).append(')').toString();
    }

    static String of(CompositeType type) {
        if (type instanceof FuncType) {
            return of((FuncType) type);
        }
        if (type instanceof StructType) {
            StringBuilder sb = new StringBuilder("(struct");
            for (FieldType field : ((StructType) type).fields()) {
                sb.append(" (field ").append(of(field)).append(')');
            }
            return sb.append(')').toString();
        }
        return "(array " + of(((ArrayType) type).element()) + ")";
    }

    /** {@code (func (param i32) (result i64))}; {@code (func)} when it has neither. */
    static String of(FuncType type) {
        return "(func" + signature(type) + ")";
    }

    /** The parameters and results alone: {@code  (param i32) (result i64)}, with a leading space, or empty. */
    static String signature(FuncType type) {
        return list(" (param", type.params()) + list(" (result", type.results());
    }

    static String of(GlobalType type) {
        return type.mutable() ? "(mut " + type.valType() + ")" : type.valType().toString();
    }

    static String of(TableType type) {
        return type.elemType() + " " + of(type.limits());
    }

    /** {@code pages: min=1 max=2}, with the page size when it is not 64 KiB. */
    static String of(MemoryType type) {
        String pages = type.pageSizeLog2() == MemoryType.DEFAULT_PAGE_SIZE_LOG2
                ? "pages" : "pages of " + (1L << type.pageSizeLog2()) + " bytes";
        return pages + ": " + of(type.limits());
    }

    /** {@code min=1 max=2}, then {@code i64} and {@code shared} when they apply. */
    static String of(Limits limits) {
        return "min=" + Long.toUnsignedString(limits.min())
                + (limits.hasMax() ? " max=" + Long.toUnsignedString(limits.max()) : "")
                + (limits.is64() ? " i64" : "") + (limits.shared() ? " shared" : "");
    }

    private static String of(FieldType field) {
        return field.mutable() ? "(mut " + field.storageType() + ")" : field.storageType().toString();
    }

    private static String list(String open, List<ValType> types) {
        if (types.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(open);
        for (ValType t : types) {
            sb.append(' ').append(t);
        }
        return sb.append(')').toString();
    }
}
