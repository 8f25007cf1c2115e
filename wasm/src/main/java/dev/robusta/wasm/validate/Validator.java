package dev.robusta.wasm.validate;

import dev.robusta.wasm.ArrayType;
import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.CompositeType;
import dev.robusta.wasm.DataSegment;
import dev.robusta.wasm.ElemSegment;
import dev.robusta.wasm.Export;
import dev.robusta.wasm.Expression;
import dev.robusta.wasm.ExternKind;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.FieldType;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.FuncTypeUse;
import dev.robusta.wasm.FunctionBody;
import dev.robusta.wasm.Global;
import dev.robusta.wasm.GlobalType;
import dev.robusta.wasm.Import;
import dev.robusta.wasm.LocalGroup;
import dev.robusta.wasm.MemoryType;
import dev.robusta.wasm.RecType;
import dev.robusta.wasm.SegmentMode;
import dev.robusta.wasm.StructType;
import dev.robusta.wasm.SubType;
import dev.robusta.wasm.Table;
import dev.robusta.wasm.TableType;
import dev.robusta.wasm.TagType;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.WasmModule;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The WebAssembly validator: checks that a decoded (or parsed) module is valid, as the spec's validation
 * rules define it, for the given {@link Features}.
 *
 * <p>Errors are {@link CompileException}s of kind {@link CompileException.Kind#INVALID} whose message
 * begins with the reference interpreter's text ("type mismatch", "unknown function 3", ...) and goes on
 * with the place: the function or segment, and for code the instruction and its byte offset, which is
 * also the exception's {@link CompileException#offset()} when the module was read from a binary.
 *
 * <p>The checks run in the reference interpreter's order: types, imports, functions, tables, memories,
 * globals, element and data segments, function bodies, the start function, exports.
 *
 * @see <a href="https://webassembly.github.io/spec/core/valid/modules.html">Validation of modules</a>
 */
public final class Validator {
    /**
     * The most locals (parameters included) a function may have. The binary format allows 2^32-1; beyond
     * this the engines could not represent the function, so it is rejected as "too many locals".
     */
    public static final long MAX_LOCALS = 50_000_000;

    private final WasmModule m;
    private final Features f;
    private ModuleContext ctx;
    private CodeValidator code;

    private Validator(WasmModule m, Features f) {
        this.m = m;
        this.f = f;
    }

    /**
     * Validates {@code module}.
     *
     * @throws CompileException of kind INVALID when the module is not valid (or MALFORMED when its code is
     *                          not well-formed, which the decoder normally catches first)
     */
    public static void validate(WasmModule module, Features features) {
        try {
            new Validator(module, features).run();
        } catch (Invalid e) {
            throw e.toCompileException();
        }
    }

    private void run() {
        Subtyping subtyping = checkTypes();
        int[] funcTypeIdx = checkImportsAndFunctions();
        checkTablesAndMemories();
        ctx = new ModuleContext(m, f, subtyping, funcTypeIdx, declaredFunctionRefs());
        code = new CodeValidator(ctx);
        checkGlobals();
        checkTableInits();
        checkElements();
        checkDatas();
        checkCodes();
        checkStart();
        checkExports();
    }

    /**
     * Type definitions refer only to types defined before the end of their recursion group, and each
     * declared supertype is defined before its subtype, is not final and is matched. Returns the subtyping
     * relation of the module's types.
     */
    private Subtyping checkTypes() {
        List<RecType> groups = recGroups();
        List<SubType> types = m.types();
        int start = 0;
        for (RecType group : groups) {
            int end = start + group.types().size();
            for (int i = start; i < end; i++) {
                try {
                    checkTypeRefs(types.get(i), i, end);
                } catch (Invalid e) {
                    throw e.at("type " + i, -1);
                }
            }
            start = end;
        }
        Subtyping s = new Subtyping(groups);
        for (int i = 0; i < types.size(); i++) {
            SubType st = types.get(i);
            for (int sup : st.supertypes()) {
                SubType superType = types.get(sup);
                if (superType.isFinal()) {
                    throw new Invalid("sub type " + i + " has final super type " + sup).at("type " + i, -1);
                }
                if (!s.compositeMatches(st.compositeType(), superType.compositeType())) {
                    throw new Invalid("sub type " + i + " does not match super type " + sup).at("type " + i, -1);
                }
            }
        }
        return s;
    }

    /** The recursion groups; a type list not built through them counts as groups of one. */
    private List<RecType> recGroups() {
        int n = 0;
        for (RecType r : m.recTypes()) {
            n += r.types().size();
        }
        if (n == m.types().size()) {
            return m.recTypes();
        }
        List<RecType> singles = new java.util.ArrayList<>();
        for (SubType st : m.types()) {
            singles.add(new RecType(List.of(st)));
        }
        return singles;
    }

    /** Type {@code i}'s supertypes are defined before it and its other references before {@code groupEnd}. */
    private static void checkTypeRefs(SubType st, int i, int groupEnd) {
        for (int sup : st.supertypes()) {
            if (sup < 0 || sup >= i) {
                throw ModuleContext.unknown("type", sup);
            }
        }
        CompositeType ct = st.compositeType();
        if (ct instanceof FuncType) {
            FuncType ft = (FuncType) ct;
            ft.params().forEach(t -> checkTypeRef(t, groupEnd));
            ft.results().forEach(t -> checkTypeRef(t, groupEnd));
        } else if (ct instanceof StructType) {
            for (FieldType field : ((StructType) ct).fields()) {
                checkTypeRef(field.storageType(), groupEnd);
            }
        } else {
            checkTypeRef(((ArrayType) ct).element().storageType(), groupEnd);
        }
    }

    private static void checkTypeRef(ValType t, int groupEnd) {
        if (t.isConcreteReference() && t.heapType() >= groupEnd) {
            throw ModuleContext.unknown("type", t.heapType());
        }
    }

    /** Checks the imports' types and the defined functions' type indices; returns every function's type index. */
    private int[] checkImportsAndFunctions() {
        int[] funcTypeIdx = new int[m.funcCount()];
        int func = 0;
        List<Import> imports = m.imports();
        for (int i = 0; i < imports.size(); i++) {
            Import imp = imports.get(i);
            try {
                switch (imp.kind()) {
                    case FUNC: {
                        int typeIdx = ((FuncTypeUse) imp.type()).typeIdx();
                        ModuleContext.funcTypeAt(m, typeIdx);
                        funcTypeIdx[func++] = typeIdx;
                        break;
                    }
                    case TABLE: ExternTypes.checkTableType(m, (TableType) imp.type()); break;
                    case MEMORY: ExternTypes.checkMemoryType((MemoryType) imp.type(), f); break;
                    case GLOBAL: ModuleContext.checkValType(m, ((GlobalType) imp.type()).valType()); break;
                    case TAG: ExternTypes.checkTagType(m, (TagType) imp.type()); break;
                    default: throw new AssertionError(imp.kind());
                }
            } catch (Invalid e) {
                throw e.at("import " + i + " \"" + imp.module() + "\" \"" + imp.name() + "\"", -1);
            }
        }
        List<Integer> functions = m.functions();
        for (int i = 0; i < functions.size(); i++) {
            int typeIdx = functions.get(i);
            try {
                ModuleContext.funcTypeAt(m, typeIdx);
            } catch (Invalid e) {
                throw e.at("function " + func, -1);
            }
            funcTypeIdx[func++] = typeIdx;
        }
        List<TagType> tags = m.tags();
        for (int i = 0; i < tags.size(); i++) {
            try {
                ExternTypes.checkTagType(m, tags.get(i));
            } catch (Invalid e) {
                throw e.at("tag " + (m.importedTagCount() + i), -1);
            }
        }
        return funcTypeIdx;
    }

    private void checkTablesAndMemories() {
        List<Table> tables = m.tables();
        for (int i = 0; i < tables.size(); i++) {
            try {
                ExternTypes.checkTableType(m, tables.get(i).type());
            } catch (Invalid e) {
                throw e.at("table " + (m.importedTableCount() + i), -1);
            }
        }
        List<MemoryType> memories = m.memories();
        for (int i = 0; i < memories.size(); i++) {
            try {
                ExternTypes.checkMemoryType(memories.get(i), f);
            } catch (Invalid e) {
                throw e.at("memory " + (m.importedMemoryCount() + i), -1);
            }
        }
        if (!f.multiMemory() && m.memoryCount() > 1) {
            throw new Invalid("multiple memories are not allowed without the multi-memory feature");
        }
    }

    /**
     * C.refs: the functions referenced outside function bodies and the start function, in global and
     * table initializers, element segments and exports. Only these may be taken by {@code ref.func} in code.
     */
    private BitSet declaredFunctionRefs() {
        int n = m.funcCount();
        BitSet refs = new BitSet();
        for (Global g : m.globals()) {
            ConstantExpressions.collectFunctionRefs(g.init(), f, n, refs);
        }
        for (Table t : m.tables()) {
            if (t.init() != null) {
                ConstantExpressions.collectFunctionRefs(t.init(), f, n, refs);
            }
        }
        for (ElemSegment seg : m.elements()) {
            for (Expression e : seg.init()) {
                ConstantExpressions.collectFunctionRefs(e, f, n, refs);
            }
        }
        for (Export ex : m.exports()) {
            if (ex.kind() == ExternKind.FUNC && ex.index() >= 0 && ex.index() < n) {
                refs.set(ex.index());
            }
        }
        return refs;
    }

    /**
     * Globals in constant expressions: WebAssembly 2.0 allows only imported globals; 3.0 (with GC) allows a
     * global initializer the globals defined before it and the segments every global.
     */
    private int segmentGlobals() {
        return f.gc() ? m.globalCount() : m.importedGlobalCount();
    }

    private void checkGlobals() {
        List<Global> globals = m.globals();
        int imported = m.importedGlobalCount();
        for (int i = 0; i < globals.size(); i++) {
            Global g = globals.get(i);
            String where = "global " + (imported + i);
            try {
                ModuleContext.checkValType(m, g.type().valType());
            } catch (Invalid e) {
                throw e.at(where, -1);
            }
            int visible = f.gc() ? imported + i : imported;
            ConstantExpressions.validate(ctx, code, g.init(), g.type().valType(), visible, where);
        }
    }

    private void checkTableInits() {
        List<Table> tables = m.tables();
        for (int i = 0; i < tables.size(); i++) {
            Table t = tables.get(i);
            String where = "table " + (m.importedTableCount() + i);
            ValType et = t.type().elemType();
            if (t.init() != null) {
                // Tables come before the globals: their initializers see only the imported ones.
                ConstantExpressions.validate(ctx, code, t.init(), et, m.importedGlobalCount(), where);
            } else if (!et.isNullable()) {
                throw new Invalid("type mismatch: a table of non-nullable " + et + " needs an initializer")
                        .at(where, -1);
            }
        }
    }

    private void checkElements() {
        List<ElemSegment> elements = m.elements();
        for (int i = 0; i < elements.size(); i++) {
            ElemSegment seg = elements.get(i);
            String where = "elem segment " + i;
            ValType type = ctx.elemType(seg);
            try {
                ctx.checkValType(type);
            } catch (Invalid e) {
                throw e.at(where, -1);
            }
            for (Expression init : seg.init()) {
                ConstantExpressions.validate(ctx, code, init, type, segmentGlobals(), where);
            }
            if (seg.mode() == SegmentMode.ACTIVE) {
                TableType tt;
                try {
                    tt = ctx.table(seg.tableIdx());
                    if (!ctx.subtyping.matches(type, tt.elemType())) {
                        throw new Invalid("type mismatch: element segment of " + type
                                + " for a table of " + tt.elemType());
                    }
                } catch (Invalid e) {
                    throw e.at(where, -1);
                }
                ConstantExpressions.validate(ctx, code, seg.offset(), ModuleContext.addressType(tt.limits().is64()),
                        segmentGlobals(), where + " offset");
            }
        }
    }

    private void checkDatas() {
        List<DataSegment> datas = m.datas();
        for (int i = 0; i < datas.size(); i++) {
            DataSegment seg = datas.get(i);
            if (seg.mode() != SegmentMode.ACTIVE) {
                continue;
            }
            String where = "data segment " + i;
            MemoryType mt;
            try {
                mt = ctx.memory(seg.memIdx());
            } catch (Invalid e) {
                throw e.at(where, -1);
            }
            ConstantExpressions.validate(ctx, code, seg.offset(), ModuleContext.addressType(mt.limits().is64()),
                    segmentGlobals(), where + " offset");
        }
    }

    private void checkCodes() {
        List<FunctionBody> codes = m.codes();
        if (codes.size() != m.functions().size()) {
            throw CompileException.malformed("function and code section have inconsistent lengths", -1);
        }
        int imported = m.importedFuncCount();
        for (int i = 0; i < codes.size(); i++) {
            int funcIdx = imported + i;
            String where = "function " + funcIdx;
            FunctionBody body = codes.get(i);
            FuncType ft = ctx.func(funcIdx);
            Locals locals;
            try {
                if (ft.params().size() + body.localCount() > MAX_LOCALS) {
                    throw new Invalid("too many locals: " + (ft.params().size() + body.localCount())
                            + " exceed the limit of " + MAX_LOCALS);
                }
                for (LocalGroup g : body.locals()) {
                    ctx.checkValType(g.type());
                }
                locals = Locals.of(ft.params(), body.locals());
            } catch (Invalid e) {
                throw e.at(where, body.body().offset());
            }
            code.validateFunction(ft, locals, body.body(), where);
        }
    }

    private void checkStart() {
        if (m.start() < 0) {
            return;
        }
        try {
            FuncType ft = ctx.func(m.start());
            if (!ft.params().isEmpty() || !ft.results().isEmpty()) {
                throw new Invalid("start function must not have parameters or results, but has type " + ft);
            }
        } catch (Invalid e) {
            throw e.at("start function " + m.start(), -1);
        }
    }

    private void checkExports() {
        Set<String> names = new HashSet<>();
        for (Export ex : m.exports()) {
            try {
                switch (ex.kind()) {
                    case FUNC: ctx.func(ex.index()); break;
                    case TABLE: ctx.table(ex.index()); break;
                    case MEMORY: ctx.memory(ex.index()); break;
                    case GLOBAL: ctx.global(ex.index(), ctx.globalCount()); break;
                    case TAG: ctx.tag(ex.index()); break;
                    default: throw new AssertionError(ex.kind());
                }
                if (!names.add(ex.name())) {
                    throw new Invalid("duplicate export name");
                }
            } catch (Invalid e) {
                throw e.at("export \"" + ex.name() + "\"", -1);
            }
        }
    }
}
