package dev.robusta.runtime.internal;

import dev.robusta.runtime.Imports;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.FuncTypeUse;
import dev.robusta.wasm.GlobalType;
import dev.robusta.wasm.Import;
import dev.robusta.wasm.Limits;
import dev.robusta.wasm.LinkException;
import dev.robusta.wasm.MemoryType;
import dev.robusta.wasm.TableType;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.WasmModule;

import java.util.List;

/**
 * Resolves a module's imports by module and field name and checks each against its declared type (external
 * types matching): functions by type equality, tables and memories by limits subtyping on their current size
 * (and tables by element type), globals by type and mutability.
 *
 * @see <a href="https://webassembly.github.io/spec/core/valid/matching.html#external-types">Matching external types</a>
 */
final class Linker {
    private Linker() {
    }

    /**
     * The value for each import, in order.
     *
     * @throws LinkException "unknown import" or "incompatible import type", naming the import
     */
    static Object[] resolve(WasmModule model, ModuleCode code, Imports imports) {
        List<Import> list = model.imports();
        Object[] out = new Object[list.size()];
        for (int i = 0; i < out.length; i++) {
            Import imp = list.get(i);
            Object value = imports.get(imp.module(), imp.name());
            if (value == null) {
                throw new LinkException("unknown import \"" + imp.module() + "\" \"" + imp.name() + "\"");
            }
            String problem = mismatch(imp, value, code);
            if (problem != null) {
                throw new LinkException("incompatible import type \"" + imp.module() + "\" \"" + imp.name() + "\": "
                        + problem);
            }
            out[i] = value;
        }
        return out;
    }

    /** Why {@code value} does not match the import, or null when it does. */
    private static String mismatch(Import imp, Object value, ModuleCode code) {
        switch (imp.kind()) {
            case FUNC: {
                int typeIdx = ((FuncTypeUse) imp.type()).typeIdx();
                FuncType expected = code.funcType(typeIdx);
                if (!(value instanceof FunctionInstance)) {
                    return "expected a function, got " + describe(value);
                }
                FunctionInstance f = (FunctionInstance) value;
                return f.canonical.isSubtypeOf(code.canonicalType(typeIdx)) ? null
                        : "expected " + expected + ", got " + f.type;
            }
            case TABLE: {
                TableType expected = (TableType) imp.type();
                if (!(value instanceof TableInstance)) {
                    return "expected a table, got " + describe(value);
                }
                TableInstance t = (TableInstance) value;
                if (!t.elemType().equals(expected.elemType())) {
                    return "expected " + expected.elemType() + " elements, got " + t.elemType();
                }
                if (t.is64 != expected.limits().is64()) {
                    return "expected " + (expected.limits().is64() ? "i64" : "i32") + " indices";
                }
                return limits(expected.limits(), t.size(), t.maximum());
            }
            case MEMORY: {
                MemoryType expected = (MemoryType) imp.type();
                if (!(value instanceof ByteArrayMemory)) {
                    return "expected a memory, got " + describe(value);
                }
                ByteArrayMemory m = (ByteArrayMemory) value;
                if (m.is64 != expected.limits().is64()) {
                    return "expected " + (expected.limits().is64() ? "i64" : "i32") + " addresses";
                }
                if (m.pageSizeLog2() != expected.pageSizeLog2()) {
                    return "expected pages of " + (1L << expected.pageSizeLog2()) + " bytes, got "
                            + (1L << m.pageSizeLog2());
                }
                return limits(expected.limits(), m.size(), m.maximum());
            }
            case GLOBAL: {
                GlobalType expected = (GlobalType) imp.type();
                if (!(value instanceof GlobalInstance)) {
                    return "expected a global, got " + describe(value);
                }
                GlobalInstance global = (GlobalInstance) value;
                GlobalType actual = global.type();
                ValType sub = actual.valType();
                if (global.concreteHeapKind != 0 && !expected.valType().isConcreteReference()) {
                    sub = ValType.ref(sub.isNullable(), global.concreteHeapKind);
                }
                boolean matches = actual.mutable() == expected.mutable() && (actual.valType().equals(expected.valType())
                        || !expected.mutable() && isSubtype(sub, expected.valType()));
                return matches ? null : "expected " + describe(expected) + ", got " + describe(actual);
            }
            case TAG: {
                int typeIdx = ((dev.robusta.wasm.TagType) imp.type()).typeIdx();
                FuncType expected = code.funcType(typeIdx);
                if (!(value instanceof TagInstance)) {
                    return "expected a tag, got " + describe(value);
                }
                TagInstance tag = (TagInstance) value;
                return tag.canonical == code.canonicalType(typeIdx) ? null
                        : "expected " + expected + ", got " + tag.type();
            }
            default:
                return "cannot import a " + imp.kind().text();
        }
    }

    /**
     * Reference subtyping between abstract heap types (an immutable global may be imported at a supertype):
     * non-null below nullable, and the bottom types ({@code none}, {@code nofunc}, {@code noextern},
     * {@code noexn}) and {@code i31}/{@code struct}/{@code array}/{@code eq} below their hierarchy's top.
     * Types given by a type index are only equal to themselves here: their definitions belong to different
     * modules.
     */
    static boolean isSubtype(ValType sub, ValType sup) {
        if (sub.equals(sup)) {
            return true;
        }
        if (!sub.isReference() || !sup.isReference() || (sub.isNullable() && !sup.isNullable())) {
            return false;
        }
        int a = sub.heapType();
        int b = sup.heapType();
        if (a == b) {
            return true;
        }
        if (!ValType.isAbstractHeapType(a) || !ValType.isAbstractHeapType(b)) {
            return false;
        }
        switch (b) {
            case ValType.HT_FUNC: return a == ValType.HT_NOFUNC;
            // a type index here was mapped to its abstract supertype by the caller
            case ValType.HT_EXTERN: return a == ValType.HT_NOEXTERN;
            case ValType.HT_EXN: return a == ValType.HT_NOEXN;
            case ValType.HT_ANY: return a == ValType.HT_EQ || a == ValType.HT_I31 || a == ValType.HT_STRUCT
                    || a == ValType.HT_ARRAY || a == ValType.HT_NONE;
            case ValType.HT_EQ: return a == ValType.HT_I31 || a == ValType.HT_STRUCT || a == ValType.HT_ARRAY
                    || a == ValType.HT_NONE;
            case ValType.HT_I31: case ValType.HT_STRUCT: case ValType.HT_ARRAY: return a == ValType.HT_NONE;
            default: return false;
        }
    }

    /** Limits subtyping: the actual minimum is at least the declared one; a declared maximum bounds the actual. */
    private static String limits(Limits expected, long actualMin, long actualMax) {
        if (Long.compareUnsigned(actualMin, expected.min()) < 0) {
            return "size " + actualMin + " is below the minimum " + Long.toUnsignedString(expected.min());
        }
        if (expected.hasMax()) {
            if (actualMax < 0) {
                return "no maximum, expected at most " + Long.toUnsignedString(expected.max());
            }
            if (Long.compareUnsigned(actualMax, expected.max()) > 0) {
                return "maximum " + actualMax + " is above " + Long.toUnsignedString(expected.max());
            }
        }
        return null;
    }

    private static String describe(GlobalType t) {
        return (t.mutable() ? "mut " : "") + t.valType();
    }

    private static String describe(Object value) {
        if (value instanceof dev.robusta.runtime.Function) {
            return "a function";
        }
        if (value instanceof dev.robusta.runtime.Memory) {
            return "a memory";
        }
        if (value instanceof dev.robusta.runtime.Table) {
            return "a table";
        }
        if (value instanceof dev.robusta.runtime.Global) {
            return "a global";
        }
        if (value instanceof dev.robusta.runtime.Tag) {
            return "a tag";
        }
        return value.getClass().getName();
    }
}
