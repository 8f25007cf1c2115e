package dev.robusta.wasm.validate;

import dev.robusta.wasm.CompositeType;
import dev.robusta.wasm.ElemSegment;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.GlobalType;
import dev.robusta.wasm.MemoryType;
import dev.robusta.wasm.TableType;
import dev.robusta.wasm.TagType;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.WasmModule;

import java.util.BitSet;

/**
 * The validation context C of a module: its types, functions, tables, memories, globals, element and data
 * segments, tags and the declared function references, with lookups that fail with the spec's
 * "unknown ..." messages. Built by {@link Validator} once the imports and the type uses are checked.
 *
 * @see <a href="https://webassembly.github.io/spec/core/valid/conventions.html#contexts">Contexts</a>
 */
final class ModuleContext {
    final WasmModule module;
    final Features features;
    final Subtyping subtyping;

    private final FuncType[] funcTypes;
    private final int[] funcTypeIdx;
    private final TableType[] tables;
    private final MemoryType[] memories;
    private final GlobalType[] globals;
    private final int tagCount;
    /** C.refs: the functions that may be referenced by {@code ref.func} in function bodies. */
    private final BitSet refs;

    ModuleContext(WasmModule module, Features features, Subtyping subtyping, int[] funcTypeIdx, BitSet refs) {
        this.module = module;
        this.features = features;
        this.subtyping = subtyping;
        this.funcTypeIdx = funcTypeIdx;
        this.funcTypes = new FuncType[funcTypeIdx.length];
        for (int i = 0; i < funcTypeIdx.length; i++) {
            funcTypes[i] = (FuncType) module.types().get(funcTypeIdx[i]).compositeType();
        }
        this.tables = new TableType[module.tableCount()];
        for (int i = 0; i < tables.length; i++) {
            tables[i] = module.tableType(i);
        }
        this.memories = new MemoryType[module.memoryCount()];
        for (int i = 0; i < memories.length; i++) {
            memories[i] = module.memoryType(i);
        }
        this.globals = new GlobalType[module.globalCount()];
        for (int i = 0; i < globals.length; i++) {
            globals[i] = module.globalType(i);
        }
        this.tagCount = module.tagCount();
        this.refs = refs;
    }

    /** "unknown {what} {idx}", with the index printed as a u32. */
    static Invalid unknown(String what, int idx) {
        return new Invalid("unknown " + what + " " + Integer.toUnsignedString(idx));
    }

    /** Whether {@code idx} (a u32) is below {@code count}. */
    private static boolean inRange(int idx, int count) {
        return idx >= 0 && idx < count;
    }

    /** The function type at type index {@code typeIdx}. */
    FuncType type(int typeIdx) {
        return funcTypeAt(module, typeIdx);
    }

    /** The function type at {@code typeIdx} of {@code m}: "unknown type", or "non-function type" for GC types. */
    static FuncType funcTypeAt(WasmModule m, int typeIdx) {
        if (!inRange(typeIdx, m.types().size())) {
            throw unknown("type", typeIdx);
        }
        CompositeType ct = m.types().get(typeIdx).compositeType();
        if (!(ct instanceof FuncType)) {
            throw new Invalid("non-function type " + typeIdx);
        }
        return (FuncType) ct;
    }

    int funcCount() {
        return funcTypes.length;
    }

    /** The type of function {@code funcIdx}. */
    FuncType func(int funcIdx) {
        if (!inRange(funcIdx, funcTypes.length)) {
            throw unknown("function", funcIdx);
        }
        return funcTypes[funcIdx];
    }

    /** The type index of function {@code funcIdx} (which must exist). */
    int funcTypeIdx(int funcIdx) {
        return funcTypeIdx[funcIdx];
    }

    TableType table(int tableIdx) {
        if (!inRange(tableIdx, tables.length)) {
            throw unknown("table", tableIdx);
        }
        return tables[tableIdx];
    }

    MemoryType memory(int memIdx) {
        if (!inRange(memIdx, memories.length)) {
            throw unknown("memory", memIdx);
        }
        return memories[memIdx];
    }

    /** Global {@code globalIdx}, when it is among the first {@code visible} globals. */
    GlobalType global(int globalIdx, int visible) {
        if (!inRange(globalIdx, Math.min(visible, globals.length))) {
            throw unknown("global", globalIdx);
        }
        return globals[globalIdx];
    }

    int globalCount() {
        return globals.length;
    }

    /** The element type of element segment {@code elemIdx}. */
    ValType elem(int elemIdx) {
        if (!inRange(elemIdx, module.elements().size())) {
            throw unknown("elem segment", elemIdx);
        }
        return elemType(module.elements().get(elemIdx));
    }

    /**
     * The type of an element segment under these features. A segment written as function indices (flags
     * 0..3) has no type in its binary form: the features give it one, {@code (ref func)} in 3.0 (gc) and
     * {@code funcref} in 2.0, which is what the decoder puts in the model. A model decoded or parsed with
     * other features than these says otherwise, so the type is taken from the features, as decoding the
     * module's binary with them would. Segments written as expressions have their own type.
     */
    ValType elemType(ElemSegment seg) {
        if (seg.usesExpressions()) {
            return seg.type();
        }
        return features.gc() ? ValType.ref(false, ValType.HT_FUNC) : ValType.FUNCREF;
    }

    void data(int dataIdx) {
        if (!inRange(dataIdx, module.datas().size())) {
            throw unknown("data segment", dataIdx);
        }
    }

    /** The function type of tag {@code tagIdx}. */
    FuncType tag(int tagIdx) {
        if (!inRange(tagIdx, tagCount)) {
            throw unknown("tag", tagIdx);
        }
        TagType t = module.tagType(tagIdx);
        return type(t.typeIdx());
    }

    /** Whether function {@code funcIdx} is in C.refs (may be referenced in a function body). */
    boolean isDeclaredRef(int funcIdx) {
        return refs.get(funcIdx);
    }

    /** Checks that a value type refers only to defined types ("unknown type"). */
    void checkValType(ValType t) {
        checkValType(module, t);
    }

    /** Checks that a heap type is abstract or a defined type index ("unknown type"). */
    void checkHeapType(int ht) {
        checkHeapType(module, ht);
    }

    static void checkValType(WasmModule m, ValType t) {
        if (t.isReference()) {
            checkHeapType(m, t.heapType());
        }
    }

    static void checkHeapType(WasmModule m, int ht) {
        if (ht >= 0 && ht >= m.types().size()) {
            throw unknown("type", ht);
        }
    }

    /** The index type of a memory or table: i64 for 64-bit ones, else i32. */
    static ValType addressType(boolean is64) {
        return is64 ? ValType.I64 : ValType.I32;
    }
}
