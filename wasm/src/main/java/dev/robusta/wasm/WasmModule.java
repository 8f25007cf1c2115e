package dev.robusta.wasm;

import java.util.ArrayList;
import java.util.List;

/**
 * The module model: what the binary decoder and the text parser produce, and what the validator, the
 * encoder and the engines read. Built field by field by its producer, then treated as read-only (the
 * runtime's {@code Module} wraps it and never hands it out for change).
 *
 * <p>Function bodies and constant expressions are kept in their binary form ({@link Expression}) and read
 * with {@link dev.robusta.wasm.code.CodeReader}: a module with tens of megabytes of code then costs no
 * object per instruction.
 *
 * @see <a href="https://webassembly.github.io/spec/core/syntax/modules.html">Modules</a>
 */
public final class WasmModule {
    private final List<RecType> recTypes = new ArrayList<>();
    private final List<SubType> types = new ArrayList<>();
    private final List<Import> imports = new ArrayList<>();
    private final List<Integer> functions = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<MemoryType> memories = new ArrayList<>();
    private final List<TagType> tags = new ArrayList<>();
    private final List<Global> globals = new ArrayList<>();
    private final List<Export> exports = new ArrayList<>();
    private final List<ElemSegment> elements = new ArrayList<>();
    private final List<FunctionBody> codes = new ArrayList<>();
    private final List<DataSegment> datas = new ArrayList<>();
    private final List<CustomSection> customSections = new ArrayList<>();
    private int start = -1;
    private long dataCount = -1;
    private NameSection names = NameSection.EMPTY;

    // Imports of each kind, in order, kept in step with addImport.
    private final java.util.EnumMap<ExternKind, List<Import>> importsByKind = new java.util.EnumMap<>(ExternKind.class);
    private int importedFuncs, importedTables, importedMemories, importedGlobals, importedTags;

    /** Appends a recursion group and its types to the flat type index space. */
    public void addRecType(RecType rec) {
        recTypes.add(rec);
        types.addAll(rec.types());
    }

    /** Appends a WebAssembly 2.0 function type (a recursion group of one final type). */
    public int addFuncType(FuncType type) {
        addRecType(new RecType(List.of(SubType.of(type))));
        return types.size() - 1;
    }

    public void addImport(Import imp) {
        imports.add(imp);
        importsByKind.computeIfAbsent(imp.kind(), k -> new ArrayList<>()).add(imp);
        switch (imp.kind()) {
            case FUNC: importedFuncs++; break;
            case TABLE: importedTables++; break;
            case MEMORY: importedMemories++; break;
            case GLOBAL: importedGlobals++; break;
            case TAG: importedTags++; break;
            default: throw new AssertionError(imp.kind());
        }
    }

    /** The recursion groups, as declared. */
    public List<RecType> recTypes() {
        return recTypes;
    }

    /** The type index space: every defined type, recursion groups flattened. */
    public List<SubType> types() {
        return types;
    }

    /** The function type at {@code typeIdx}; a ClassCastException if it is a struct or array type. */
    public FuncType funcType(int typeIdx) {
        return (FuncType) types.get(typeIdx).compositeType();
    }

    public List<Import> imports() {
        return imports;
    }

    /** The type indices of the functions the module defines (the function section). */
    public List<Integer> functions() {
        return functions;
    }

    public List<Table> tables() {
        return tables;
    }

    public List<MemoryType> memories() {
        return memories;
    }

    public List<TagType> tags() {
        return tags;
    }

    public List<Global> globals() {
        return globals;
    }

    public List<Export> exports() {
        return exports;
    }

    public List<ElemSegment> elements() {
        return elements;
    }

    /** The bodies of the defined functions, in the order of {@link #functions()}. */
    public List<FunctionBody> codes() {
        return codes;
    }

    public List<DataSegment> datas() {
        return datas;
    }

    public List<CustomSection> customSections() {
        return customSections;
    }

    /** The start function's index, or -1. */
    public int start() {
        return start;
    }

    public void setStart(int funcIdx) {
        this.start = funcIdx;
    }

    /** The data count section's value (u32), or -1 when the module has none. */
    public long dataCount() {
        return dataCount;
    }

    public void setDataCount(long dataCount) {
        this.dataCount = dataCount;
    }

    public NameSection names() {
        return names;
    }

    public void setNames(NameSection names) {
        this.names = names;
    }

    public int importedFuncCount() {
        return importedFuncs;
    }

    public int importedTableCount() {
        return importedTables;
    }

    public int importedMemoryCount() {
        return importedMemories;
    }

    public int importedGlobalCount() {
        return importedGlobals;
    }

    public int importedTagCount() {
        return importedTags;
    }

    /** Imported plus defined functions. */
    public int funcCount() {
        return importedFuncs + functions.size();
    }

    public int tableCount() {
        return importedTables + tables.size();
    }

    public int memoryCount() {
        return importedMemories + memories.size();
    }

    public int globalCount() {
        return importedGlobals + globals.size();
    }

    public int tagCount() {
        return importedTags + tags.size();
    }

    /** The type index of function {@code funcIdx} (imported or defined). */
    public int funcTypeIdx(int funcIdx) {
        if (funcIdx < importedFuncs) {
            return ((FuncTypeUse) nthImport(ExternKind.FUNC, funcIdx).type()).typeIdx();
        }
        return functions.get(funcIdx - importedFuncs);
    }

    /** The type of function {@code funcIdx} (imported or defined). */
    public FuncType funcTypeOf(int funcIdx) {
        return funcType(funcTypeIdx(funcIdx));
    }

    /** The type of table {@code tableIdx} (imported or defined). */
    public TableType tableType(int tableIdx) {
        if (tableIdx < importedTables) {
            return (TableType) nthImport(ExternKind.TABLE, tableIdx).type();
        }
        return tables.get(tableIdx - importedTables).type();
    }

    /** The type of memory {@code memIdx} (imported or defined). */
    public MemoryType memoryType(int memIdx) {
        if (memIdx < importedMemories) {
            return (MemoryType) nthImport(ExternKind.MEMORY, memIdx).type();
        }
        return memories.get(memIdx - importedMemories);
    }

    /** The type of global {@code globalIdx} (imported or defined). */
    public GlobalType globalType(int globalIdx) {
        if (globalIdx < importedGlobals) {
            return (GlobalType) nthImport(ExternKind.GLOBAL, globalIdx).type();
        }
        return globals.get(globalIdx - importedGlobals).type();
    }

    /** The type of tag {@code tagIdx} (imported or defined). */
    public TagType tagType(int tagIdx) {
        if (tagIdx < importedTags) {
            return (TagType) nthImport(ExternKind.TAG, tagIdx).type();
        }
        return tags.get(tagIdx - importedTags);
    }

    /** The n-th import of a kind. */
    public Import nthImport(ExternKind kind, int n) {
        List<Import> list = importsByKind.get(kind);
        if (list == null || n < 0 || n >= list.size()) {
            throw new IndexOutOfBoundsException(kind + " import " + n);
        }
        return list.get(n);
    }
}
