package dev.robusta.wasm.binary;

import dev.robusta.wasm.ArrayType;
import dev.robusta.wasm.CompositeType;
import dev.robusta.wasm.ExternType;
import dev.robusta.wasm.FieldType;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.FuncTypeUse;
import dev.robusta.wasm.GlobalType;
import dev.robusta.wasm.Limits;
import dev.robusta.wasm.MemoryType;
import dev.robusta.wasm.RecType;
import dev.robusta.wasm.StructType;
import dev.robusta.wasm.SubType;
import dev.robusta.wasm.TableType;
import dev.robusta.wasm.TagType;
import dev.robusta.wasm.ValType;

import java.util.List;

/**
 * Writes types in the binary format, in their shortest form: a recursion group of one type without
 * {@code rec}, a final type without supertypes without {@code sub final}.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/types.html">Binary types</a>
 */
final class TypeWriter {
    private TypeWriter() {
    }

    static void recType(ByteWriter w, RecType rec) {
        List<SubType> types = rec.types();
        if (types.size() == 1) {
            subType(w, types.get(0));
            return;
        }
        w.u8(0x4E).u32(types.size());
        for (SubType t : types) {
            subType(w, t);
        }
    }

    private static void subType(ByteWriter w, SubType t) {
        if (!t.isFinal() || !t.supertypes().isEmpty()) {
            w.u8(t.isFinal() ? 0x4F : 0x50).u32(t.supertypes().size());
            for (int s : t.supertypes()) {
                w.u32(s);
            }
        }
        compositeType(w, t.compositeType());
    }

    private static void compositeType(ByteWriter w, CompositeType t) {
        if (t instanceof FuncType) {
            FuncType f = (FuncType) t;
            w.u8(0x60);
            valTypes(w, f.params());
            valTypes(w, f.results());
        } else if (t instanceof StructType) {
            List<FieldType> fields = ((StructType) t).fields();
            w.u8(0x5F).u32(fields.size());
            for (FieldType f : fields) {
                fieldType(w, f);
            }
        } else {
            w.u8(0x5E);
            fieldType(w, ((ArrayType) t).element());
        }
    }

    private static void valTypes(ByteWriter w, List<ValType> types) {
        w.u32(types.size());
        for (ValType t : types) {
            w.valType(t);
        }
    }

    private static void fieldType(ByteWriter w, FieldType f) {
        w.valType(f.storageType()).u8(f.mutable() ? 1 : 0);
    }

    /** An import descriptor: the kind byte and the type. */
    static void externType(ByteWriter w, ExternType t) {
        w.u8(t.kind().code());
        if (t instanceof FuncTypeUse) {
            w.u32(((FuncTypeUse) t).typeIdx());
        } else if (t instanceof TableType) {
            tableType(w, (TableType) t);
        } else if (t instanceof MemoryType) {
            memoryType(w, (MemoryType) t);
        } else if (t instanceof GlobalType) {
            globalType(w, (GlobalType) t);
        } else {
            tagType(w, (TagType) t);
        }
    }

    static void tableType(ByteWriter w, TableType t) {
        w.valType(t.elemType());
        limits(w, t.limits(), -1);
    }

    static void memoryType(ByteWriter w, MemoryType t) {
        limits(w, t.limits(), t.pageSizeLog2());
    }

    static void globalType(ByteWriter w, GlobalType t) {
        w.valType(t.valType()).u8(t.mutable() ? 1 : 0);
    }

    static void tagType(ByteWriter w, TagType t) {
        w.u8(0).u32(t.typeIdx());
    }

    /**
     * Limits: the flags byte (bit 0 maximum, bit 1 shared, bit 2 64-bit, bit 3 page size), the bounds and,
     * for a memory whose pages are not 64 KiB, the page size's log2.
     *
     * @param pageSizeLog2 the memory's page size, or -1 for a table
     */
    private static void limits(ByteWriter w, Limits l, int pageSizeLog2) {
        boolean customPageSize = pageSizeLog2 >= 0 && pageSizeLog2 != MemoryType.DEFAULT_PAGE_SIZE_LOG2;
        int flags = (l.hasMax() ? 1 : 0) | (l.shared() ? 2 : 0) | (l.is64() ? 4 : 0) | (customPageSize ? 8 : 0);
        w.u8(flags).u64(l.min());
        if (l.hasMax()) {
            w.u64(l.max());
        }
        if (customPageSize) {
            w.u32(pageSizeLog2);
        }
    }
}
