package dev.robusta.text.internal;

import dev.robusta.wasm.ArrayType;
import dev.robusta.wasm.CompositeType;
import dev.robusta.wasm.DataSegment;
import dev.robusta.wasm.ElemSegment;
import dev.robusta.wasm.Export;
import dev.robusta.wasm.ExternKind;
import dev.robusta.wasm.Expression;
import dev.robusta.wasm.FieldType;
import dev.robusta.wasm.FuncTypeUse;
import dev.robusta.wasm.FunctionBody;
import dev.robusta.wasm.Global;
import dev.robusta.wasm.GlobalType;
import dev.robusta.wasm.Import;
import dev.robusta.wasm.Limits;
import dev.robusta.wasm.LocalGroup;
import dev.robusta.wasm.MemoryType;
import dev.robusta.wasm.NameSection;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.RecType;
import dev.robusta.wasm.SegmentMode;
import dev.robusta.wasm.StructType;
import dev.robusta.wasm.SubType;
import dev.robusta.wasm.Table;
import dev.robusta.wasm.TableType;
import dev.robusta.wasm.TagType;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.WasmModule;
import dev.robusta.wasm.code.CodeWriter;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the fields of a text module into the module model, in two passes: the first binds every
 * identifier of the module-level index spaces, the second parses the fields in order (explicit types
 * first, so that implicit function types are appended after them, in the order they occur).
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/modules.html">Modules (text format)</a>
 */
final class ModuleBuilder {
    private final Ctx ctx;
    private final WasmModule module;
    private final Map<Integer, String> funcNames = new HashMap<>();
    private final Map<Integer, Map<Integer, String>> localNames = new HashMap<>();
    private boolean hasStart;

    ModuleBuilder(Ctx ctx) {
        this.ctx = ctx;
        this.module = ctx.module;
    }

    /** Builds the module from its fields; {@code name} is the module's identifier atom, or null. */
    WasmModule build(Sexp name, List<Sexp> fields) {
        collect(fields);
        for (Sexp f : fields) {
            if (f.isList("type")) {
                ctx.addRecType(new RecType(List.of(typeDef(f, module.types().size()))));
            } else if (f.isList("rec")) {
                List<SubType> group = new ArrayList<>();
                int first = module.types().size();
                for (int i = 1; i < f.items.size(); i++) {
                    group.add(typeDef(f.items.get(i), first + i - 1));
                }
                ctx.addRecType(new RecType(group));
            }
        }
        for (Sexp f : fields) {
            switch (f.head()) {
                case "type":
                case "rec":
                    break;
                case "import": importField(f); break;
                case "func": func(f); break;
                case "table": table(f); break;
                case "memory": memory(f); break;
                case "global": global(f); break;
                case "tag": tag(f); break;
                case "export": export(f); break;
                case "start": start(f); break;
                case "elem": elem(f); break;
                case "data": data(f); break;
                default: throw ctx.unexpected(f.items.get(0).token);
            }
        }
        if (ctx.usesDataCount) {
            // Written only when code needs it, as wat2wasm does (but also with no data segments, so that an
            // invalid index is reported as "unknown data segment", as the reference interpreter does).
            module.setDataCount(module.datas().size());
        }
        String moduleName = name == null ? null : name.token.text;
        if (moduleName != null || !funcNames.isEmpty() || !localNames.isEmpty()) {
            module.setNames(new NameSection(moduleName, Map.copyOf(funcNames), Map.copyOf(localNames)));
        }
        return module;
    }

    // ------------------------------------------------------------------ pass 1

    private void collect(List<Sexp> fields) {
        String definition = null;
        for (Sexp f : fields) {
            if (!f.isList()) {
                throw ctx.unexpected(f.token);
            }
            String h = f.head();
            if (h == null) {
                throw ctx.unexpected(f.items.isEmpty() ? f.close : f.items.get(0).token);
            }
            Cursor c = new Cursor(f, 1);
            switch (h) {
                case "type":
                    ctx.types.add(ctx, Ctx.optId(c));
                    break;
                case "rec":
                    while (!c.atEnd()) {
                        Sexp t = c.next();
                        if (!t.isList("type")) {
                            throw ctx.unexpected(t.isList() && !t.items.isEmpty() ? t.items.get(0).token : t.token);
                        }
                        ctx.types.add(ctx, Ctx.optId(new Cursor(t, 1)));
                    }
                    break;
                case "import": {
                    if (definition != null) {
                        throw ctx.error(f.token, "import after " + definition);
                    }
                    Sexp desc = f.items.size() > 3 ? f.items.get(3) : null;
                    IdSpace space = desc == null ? null : space(desc.head());
                    if (space == null) {
                        throw ctx.unexpected(desc == null ? new Cursor(f, f.items.size()).here()
                                : desc.isList() && !desc.items.isEmpty() ? desc.items.get(0).token : desc.token);
                    }
                    space.add(ctx, Ctx.optId(new Cursor(desc, 1)));
                    break;
                }
                case "func":
                case "table":
                case "memory":
                case "global":
                case "tag": {
                    Sexp id = Ctx.optId(c);
                    while (c.peekList("export")) {
                        c.next();
                    }
                    boolean imported = c.peekList("import");
                    if (imported) {
                        if (definition != null) {
                            throw ctx.error(f.token, "import after " + definition);
                        }
                    } else if (definition == null) {
                        definition = h.equals("func") ? "function" : h;
                    }
                    space(h).add(ctx, id);
                    if (!imported && h.equals("table") && hasListHeaded(f, "elem")) {
                        ctx.elems.add(ctx, null);
                    }
                    if (!imported && h.equals("memory") && hasListHeaded(f, "data")) {
                        ctx.datas.add(ctx, null);
                    }
                    break;
                }
                case "elem":
                    ctx.elems.add(ctx, Ctx.optId(c));
                    break;
                case "data":
                    ctx.datas.add(ctx, Ctx.optId(c));
                    break;
                case "export":
                case "start":
                    break;
                default:
                    throw ctx.unexpected(f.items.get(0).token);
            }
        }
    }

    private static boolean hasListHeaded(Sexp f, String head) {
        for (Sexp s : f.items) {
            if (s.isList(head)) {
                return true;
            }
        }
        return false;
    }

    private IdSpace space(String kind) {
        if (kind == null) {
            return null;
        }
        switch (kind) {
            case "func": return ctx.funcs;
            case "table": return ctx.tables;
            case "memory": return ctx.memories;
            case "global": return ctx.globals;
            case "tag": return ctx.tags;
            default: return null;
        }
    }

    // ------------------------------------------------------------------ types

    private SubType typeDef(Sexp f, int typeIdx) {
        if (!f.isList("type")) {
            throw ctx.unexpected(f.token);
        }
        Cursor c = new Cursor(f, 1);
        Ctx.optId(c);
        if (c.atEnd() || !c.peek().isList()) {
            throw ctx.unexpected(c);
        }
        Sexp def = c.next();
        ctx.expectEnd(c);
        if (def.isList("sub")) {
            Cursor s = new Cursor(def, 1);
            boolean fin = false;
            if (s.peekKeyword("final")) {
                s.next();
                fin = true;
            }
            List<Integer> supers = new ArrayList<>();
            while (s.peekIndex()) {
                supers.add(ctx.types.resolve(ctx, s.next()));
            }
            if (s.atEnd() || !s.peek().isList()) {
                throw ctx.unexpected(s);
            }
            CompositeType ct = compositeType(s.next(), typeIdx);
            ctx.expectEnd(s);
            return new SubType(fin, supers, ct);
        }
        return new SubType(true, List.of(), compositeType(def, typeIdx));
    }

    private CompositeType compositeType(Sexp s, int typeIdx) {
        String h = s.head();
        Cursor c = new Cursor(s, 1);
        if ("func".equals(h)) {
            Ctx.Signature sig = ctx.signature(c, true);
            ctx.expectEnd(c);
            return sig.funcType();
        }
        if ("struct".equals(h)) {
            IdSpace names = new IdSpace("field");
            List<FieldType> fields = new ArrayList<>();
            while (!c.atEnd()) {
                Sexp f = c.next();
                if (!f.isList("field")) {
                    throw ctx.unexpected(f.isList() && !f.items.isEmpty() ? f.items.get(0).token : f.token);
                }
                Cursor fc = new Cursor(f, 1);
                if (fc.peekAtom(Token.Kind.ID)) {
                    Sexp id = fc.next();
                    names.add(ctx, id);
                    if (fc.atEnd()) {
                        throw ctx.unexpected(fc);
                    }
                    fields.add(fieldType(fc.next()));
                    ctx.expectEnd(fc);
                } else {
                    while (!fc.atEnd()) {
                        names.add(ctx, null);
                        fields.add(fieldType(fc.next()));
                    }
                }
            }
            ctx.fields.put(typeIdx, names);
            return new StructType(fields);
        }
        if ("array".equals(h)) {
            if (c.atEnd()) {
                throw ctx.unexpected(c);
            }
            FieldType ft = fieldType(c.next());
            ctx.expectEnd(c);
            return new ArrayType(ft);
        }
        throw ctx.unexpected(s.isList() && !s.items.isEmpty() ? s.items.get(0).token : s.token);
    }

    private FieldType fieldType(Sexp s) {
        if (s.isList("mut")) {
            Cursor c = new Cursor(s, 1);
            if (c.atEnd()) {
                throw ctx.unexpected(c);
            }
            ValType t = ctx.storageType(c.next());
            ctx.expectEnd(c);
            return new FieldType(t, true);
        }
        return new FieldType(ctx.storageType(s), false);
    }

    // ------------------------------------------------------------------ fields

    /** The names of inline {@code (export "name")} abbreviations at the cursor. */
    private List<String> inlineExports(Cursor c) {
        List<String> names = new ArrayList<>();
        while (c.peekList("export")) {
            Cursor e = new Cursor(c.next(), 1);
            names.add(ctx.name(e));
            ctx.expectEnd(e);
        }
        return names;
    }

    /** An inline {@code (import "module" "name")} at the cursor, or null. */
    private String[] inlineImport(Cursor c) {
        if (!c.peekList("import")) {
            return null;
        }
        Cursor i = new Cursor(c.next(), 1);
        String m = ctx.name(i);
        String n = ctx.name(i);
        ctx.expectEnd(i);
        return new String[] {m, n};
    }

    private void addExports(List<String> names, ExternKind kind, int index) {
        for (String n : names) {
            module.exports().add(new Export(n, kind, index));
        }
    }

    private void importField(Sexp f) {
        Cursor c = new Cursor(f, 1);
        String m = ctx.name(c);
        String n = ctx.name(c);
        if (c.atEnd() || !c.peek().isList()) {
            throw ctx.unexpected(c);
        }
        Sexp desc = c.next();
        ctx.expectEnd(c);
        Cursor d = new Cursor(desc, 1);
        Sexp id = Ctx.optId(d);
        String kind = desc.head();
        if (kind == null) {
            throw ctx.unexpected(desc.items.isEmpty() ? desc.close : desc.items.get(0).token);
        }
        switch (kind) {
            case "func": {
                int idx = module.funcCount();
                Ctx.TypeUse tu = ctx.typeUse(d, true);
                ctx.expectEnd(d);
                module.addImport(new Import(m, n, new FuncTypeUse(tu.typeIdx)));
                if (id != null) {
                    funcNames.put(idx, id.token.text);
                }
                break;
            }
            case "table":
                module.addImport(new Import(m, n, tableType(d)));
                ctx.expectEnd(d);
                break;
            case "memory":
                module.addImport(new Import(m, n, memoryType(d)));
                ctx.expectEnd(d);
                break;
            case "global":
                module.addImport(new Import(m, n, globalType(d)));
                ctx.expectEnd(d);
                break;
            case "tag": {
                Ctx.TypeUse tu = ctx.typeUse(d, true);
                ctx.expectEnd(d);
                module.addImport(new Import(m, n, new TagType(tu.typeIdx)));
                break;
            }
            default:
                throw ctx.unexpected(desc.items.get(0).token);
        }
    }

    private void func(Sexp f) {
        Cursor c = new Cursor(f, 1);
        Sexp id = Ctx.optId(c);
        List<String> exports = inlineExports(c);
        String[] imp = inlineImport(c);
        int idx = module.funcCount();
        if (id != null) {
            funcNames.put(idx, id.token.text);
        }
        if (imp != null) {
            Ctx.TypeUse tu = ctx.typeUse(c, true);
            ctx.expectEnd(c);
            module.addImport(new Import(imp[0], imp[1], new FuncTypeUse(tu.typeIdx)));
            addExports(exports, ExternKind.FUNC, idx);
            return;
        }
        Ctx.TypeUse tu = ctx.typeUse(c, true);
        IdSpace locals = new IdSpace("local");
        for (int i = 0; i < tu.paramCount; i++) {
            locals.add(ctx, i < tu.paramIds.size() ? tu.paramIds.get(i) : null);
        }
        List<ValType> localTypes = new ArrayList<>();
        while (c.peekList("local")) {
            Cursor l = new Cursor(c.next(), 1);
            if (l.peekAtom(Token.Kind.ID)) {
                Sexp lid = l.next();
                localTypes.add(ctx.valType(l));
                locals.add(ctx, lid);
                ctx.expectEnd(l);
            } else {
                while (!l.atEnd()) {
                    localTypes.add(ctx.valType(l));
                    locals.add(ctx, null);
                }
            }
        }
        CodeWriter w = new CodeWriter();
        new InstrParser(ctx, w, locals, true).parse(f, f.items, c.pos, f.items.size());
        w.op(Opcode.END);
        module.functions().add(tu.typeIdx);
        module.codes().add(new FunctionBody(localGroups(localTypes), w.toExpression()));
        if (!locals.names().isEmpty()) {
            localNames.put(idx, Map.copyOf(locals.names()));
        }
        addExports(exports, ExternKind.FUNC, idx);
    }

    private static List<LocalGroup> localGroups(List<ValType> types) {
        List<LocalGroup> groups = new ArrayList<>();
        int i = 0;
        while (i < types.size()) {
            int j = i;
            while (j < types.size() && types.get(j).equals(types.get(i))) {
                j++;
            }
            groups.add(new LocalGroup(j - i, types.get(i)));
            i = j;
        }
        return groups;
    }

    /** {@code i32} or {@code i64} at the cursor (the address type of a memory or table); false if absent. */
    private static boolean addressType(Cursor c) {
        if (c.peekKeyword("i64")) {
            c.next();
            return true;
        }
        if (c.peekKeyword("i32")) {
            c.next();
        }
        return false;
    }

    private Limits limits(Cursor c, boolean is64, boolean shared) {
        int bits = is64 || ctx.features.memory64() ? 64 : 32;
        if (!c.peekAtom(Token.Kind.NUMBER)) {
            throw ctx.unexpected(c);
        }
        long min = ctx.nat(c.next(), bits);
        boolean hasMax = c.peekAtom(Token.Kind.NUMBER);
        long max = hasMax ? ctx.nat(c.next(), bits) : 0;
        return new Limits(min, max, hasMax, is64, shared);
    }

    private TableType tableType(Cursor c) {
        boolean is64 = addressType(c);
        Limits l = limits(c, is64, false);
        return new TableType(ctx.refType(c), l);
    }

    private MemoryType memoryType(Cursor c) {
        boolean is64 = addressType(c);
        if (!c.peekAtom(Token.Kind.NUMBER)) {
            throw ctx.unexpected(c);
        }
        int bits = is64 || ctx.features.memory64() ? 64 : 32;
        long min = ctx.nat(c.next(), bits);
        boolean hasMax = c.peekAtom(Token.Kind.NUMBER);
        long max = hasMax ? ctx.nat(c.next(), bits) : 0;
        boolean shared = false;
        if (c.peekKeyword("shared")) {
            c.next();
            shared = true;
        } else if (c.peekKeyword("unshared")) {
            c.next();
        }
        int pageSize = c.peekList("pagesize") ? pageSize(c.next()) : MemoryType.DEFAULT_PAGE_SIZE_LOG2;
        return new MemoryType(new Limits(min, max, hasMax, is64, shared), pageSize);
    }

    private int pageSize(Sexp p) {
        Cursor c = new Cursor(p, 1);
        if (!c.peekAtom(Token.Kind.NUMBER)) {
            throw ctx.unexpected(c);
        }
        Sexp n = c.next();
        long v = ctx.nat(n, 64);
        ctx.expectEnd(c);
        if (v == 0 || (v & (v - 1)) != 0) {
            throw ctx.error(n.token, "invalid custom page size");
        }
        return Long.numberOfTrailingZeros(v);
    }

    private GlobalType globalType(Cursor c) {
        if (c.peekList("mut")) {
            Cursor m = new Cursor(c.next(), 1);
            ValType t = ctx.valType(m);
            ctx.expectEnd(m);
            return new GlobalType(t, true);
        }
        return new GlobalType(ctx.valType(c), false);
    }

    private void table(Sexp f) {
        Cursor c = new Cursor(f, 1);
        Ctx.optId(c);
        List<String> exports = inlineExports(c);
        String[] imp = inlineImport(c);
        int idx = module.tableCount();
        if (imp != null) {
            TableType tt = tableType(c);
            ctx.expectEnd(c);
            module.addImport(new Import(imp[0], imp[1], tt));
        } else {
            int mark = c.pos;
            boolean is64 = addressType(c);
            if (Ctx.isRefType(c.peek()) && c.peek2() != null && c.peek2().isList("elem")) {
                ValType rt = ctx.refType(c);
                Sexp e = c.next();
                ctx.expectEnd(c);
                Cursor ec = new Cursor(e, 1);
                List<Expression> init = new ArrayList<>();
                boolean funcIndices = ec.atEnd() || ec.peek().isAtom();
                while (!ec.atEnd()) {
                    if (funcIndices) {
                        init.add(refFunc(ctx.funcs.resolve(ctx, indexAtom(ec))));
                    } else {
                        init.add(elemExpr(e, ec.next()));
                    }
                }
                // The segment has the table's type: function indices express only (ref func).
                funcIndices = funcIndices && rt.heapType() == ValType.HT_FUNC || indicesWithoutLoss(rt, init);
                long n = init.size();
                module.tables().add(new Table(new TableType(rt, new Limits(n, n, true, is64, false)), null));
                module.elements().add(new ElemSegment(elemFlags(SegmentMode.ACTIVE, idx, funcIndices, rt),
                        SegmentMode.ACTIVE, idx, zero(is64), funcIndices ? funcIndexType() : rt, init));
            } else {
                c.pos = mark;
                TableType tt = tableType(c);
                Expression init = c.atEnd() ? null : constExpr(f, f.items, c.pos, f.items.size());
                module.tables().add(new Table(tt, init));
            }
        }
        addExports(exports, ExternKind.TABLE, idx);
    }

    private Sexp indexAtom(Cursor c) {
        if (!c.peekIndex()) {
            throw ctx.unexpected(c);
        }
        return c.next();
    }

    private void memory(Sexp f) {
        Cursor c = new Cursor(f, 1);
        Ctx.optId(c);
        List<String> exports = inlineExports(c);
        String[] imp = inlineImport(c);
        int idx = module.memoryCount();
        if (imp != null) {
            MemoryType mt = memoryType(c);
            ctx.expectEnd(c);
            module.addImport(new Import(imp[0], imp[1], mt));
        } else {
            int mark = c.pos;
            boolean is64 = addressType(c);
            int pageSize = MemoryType.DEFAULT_PAGE_SIZE_LOG2;
            if (c.peekList("pagesize") && c.peek2() != null && c.peek2().isList("data")) {
                pageSize = pageSize(c.next());
            }
            if (c.peekList("data")) {
                Sexp d = c.next();
                ctx.expectEnd(c);
                Cursor dc = new Cursor(d, 1);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                while (!dc.atEnd()) {
                    byte[] b = ctx.string(dc);
                    bytes.write(b, 0, b.length);
                }
                byte[] init = bytes.toByteArray();
                long pageBytes = 1L << pageSize;
                long pages = (init.length + pageBytes - 1) / pageBytes;
                module.memories().add(new MemoryType(new Limits(pages, pages, true, is64, false), pageSize));
                module.datas().add(new DataSegment(idx == 0 ? 0 : 2, SegmentMode.ACTIVE, idx, zero(is64), init));
            } else {
                c.pos = mark;
                MemoryType mt = memoryType(c);
                ctx.expectEnd(c);
                module.memories().add(mt);
            }
        }
        addExports(exports, ExternKind.MEMORY, idx);
    }

    private void global(Sexp f) {
        Cursor c = new Cursor(f, 1);
        Ctx.optId(c);
        List<String> exports = inlineExports(c);
        String[] imp = inlineImport(c);
        int idx = module.globalCount();
        GlobalType gt = globalType(c);
        if (imp != null) {
            ctx.expectEnd(c);
            module.addImport(new Import(imp[0], imp[1], gt));
        } else {
            module.globals().add(new Global(gt, constExpr(f, f.items, c.pos, f.items.size())));
        }
        addExports(exports, ExternKind.GLOBAL, idx);
    }

    private void tag(Sexp f) {
        Cursor c = new Cursor(f, 1);
        Ctx.optId(c);
        List<String> exports = inlineExports(c);
        String[] imp = inlineImport(c);
        int idx = module.tagCount();
        Ctx.TypeUse tu = ctx.typeUse(c, true);
        ctx.expectEnd(c);
        if (imp != null) {
            module.addImport(new Import(imp[0], imp[1], new TagType(tu.typeIdx)));
        } else {
            module.tags().add(new TagType(tu.typeIdx));
        }
        addExports(exports, ExternKind.TAG, idx);
    }

    private void export(Sexp f) {
        Cursor c = new Cursor(f, 1);
        String name = ctx.name(c);
        if (c.atEnd() || !c.peek().isList()) {
            throw ctx.unexpected(c);
        }
        Sexp d = c.next();
        ctx.expectEnd(c);
        String kind = d.head();
        IdSpace space = space(kind);
        if (space == null) {
            throw ctx.unexpected(d.items.isEmpty() ? d.close : d.items.get(0).token);
        }
        Cursor dc = new Cursor(d, 1);
        int idx = space.resolve(ctx, indexAtom(dc));
        ctx.expectEnd(dc);
        ExternKind k;
        switch (kind) {
            case "func": k = ExternKind.FUNC; break;
            case "table": k = ExternKind.TABLE; break;
            case "memory": k = ExternKind.MEMORY; break;
            case "global": k = ExternKind.GLOBAL; break;
            default: k = ExternKind.TAG; break;
        }
        module.exports().add(new Export(name, k, idx));
    }

    private void start(Sexp f) {
        Cursor c = new Cursor(f, 1);
        int idx = ctx.funcs.resolve(ctx, indexAtom(c));
        ctx.expectEnd(c);
        if (hasStart) {
            throw ctx.error(f.token, "multiple start sections");
        }
        hasStart = true;
        module.setStart(idx);
    }

    private void elem(Sexp f) {
        Cursor c = new Cursor(f, 1);
        Ctx.optId(c);
        SegmentMode mode;
        int table = 0;
        Expression offset = null;
        if (c.peekKeyword("declare")) {
            c.next();
            mode = SegmentMode.DECLARATIVE;
        } else if (c.peekList("table")) {
            Cursor tc = new Cursor(c.next(), 1);
            table = ctx.tables.resolve(ctx, indexAtom(tc));
            ctx.expectEnd(tc);
            mode = SegmentMode.ACTIVE;
            offset = offset(c);
        } else if (c.peekAtom(Token.Kind.NUMBER)) {
            table = ctx.u32(c.next()); // the MVP form (elem 0 (offset) ...)
            mode = SegmentMode.ACTIVE;
            offset = offset(c);
        } else if (c.peek() != null && c.peek().isList() && !Ctx.isRefType(c.peek())) {
            mode = SegmentMode.ACTIVE;
            offset = offset(c);
        } else {
            mode = SegmentMode.PASSIVE;
        }
        ValType type = ValType.FUNCREF;
        boolean funcIndices;
        List<Expression> init = new ArrayList<>();
        if (c.peekKeyword("func")) {
            c.next();
            funcIndices = true;
        } else if (Ctx.isRefType(c.peek())) {
            type = ctx.refType(c);
            funcIndices = false;
        } else {
            funcIndices = true;
        }
        while (!c.atEnd()) {
            if (funcIndices) {
                init.add(refFunc(ctx.funcs.resolve(ctx, indexAtom(c))));
            } else {
                init.add(elemExpr(f, c.next()));
            }
        }
        funcIndices |= indicesWithoutLoss(type, init);
        module.elements().add(new ElemSegment(elemFlags(mode, table, funcIndices, type), mode, table, offset,
                funcIndices ? funcIndexType() : type, init));
    }

    /**
     * The binary form of an element segment: function indices (flags 0..3) when it was written as a list
     * of functions ({@code func $f ...}, or the legacy bare list), expressions (flags 4..7) when written
     * with a reference type, even {@code funcref (ref.func $f)}: in WebAssembly 3.0 a function-index
     * segment has type {@code (ref func)}, so only the expression form keeps {@code funcref}. The table
     * index is explicit when it is not 0 or when the type is not the implicit one of flags 0/4. This is
     * what wat2wasm writes, except that wabt 1.0.32 also uses indices for {@code funcref (ref.func $f)},
     * which this parser does only without 3.0 features ({@link #indicesWithoutLoss}).
     */
    private static int elemFlags(SegmentMode mode, int table, boolean funcIndices, ValType type) {
        int flags;
        switch (mode) {
            case PASSIVE: flags = 1; break;
            case DECLARATIVE: flags = 3; break;
            default: flags = table != 0 || (!funcIndices && !type.equals(ValType.FUNCREF)) ? 2 : 0;
        }
        return flags | (funcIndices ? 0 : 4);
    }

    /**
     * Whether a segment written with expressions can be written as function indices without changing it,
     * as wat2wasm does: in WebAssembly 2.0, where function-index segments are funcref, when every
     * initializer is a single {@code ref.func}. (In 3.0 they would become {@code (ref func)}.)
     */
    private boolean indicesWithoutLoss(ValType type, List<Expression> init) {
        return !ctx.features.gc() && type.equals(ValType.FUNCREF) && init.stream().allMatch(ModuleBuilder::isRefFunc);
    }

    /** Whether the expression is exactly {@code ref.func x end}. */
    private static boolean isRefFunc(Expression e) {
        byte[] b = e.code();
        if (b.length < 3 || (b[0] & 0xFF) != 0xD2 || b[b.length - 1] != 0x0B) {
            return false;
        }
        int i = 1;
        while (i < b.length - 1 && (b[i] & 0x80) != 0) {
            i++;
        }
        return i == b.length - 2;
    }

    /** The type of a segment given as function indices: {@code (ref func)} in 3.0, funcref in 2.0. */
    private ValType funcIndexType() {
        return ctx.features.gc() ? ValType.ref(false, ValType.HT_FUNC) : ValType.FUNCREF;
    }

    /** An element initializer: {@code (item instr*)} or one folded instruction. */
    private Expression elemExpr(Sexp parent, Sexp item) {
        if (item.isList("item")) {
            return constExpr(item, item.items, 1, item.items.size());
        }
        if (!item.isList()) {
            throw ctx.unexpected(item.token);
        }
        return constExpr(parent, List.of(item), 0, 1);
    }

    /** An offset: {@code (offset instr*)} or one folded instruction. */
    private Expression offset(Cursor c) {
        if (c.peekList("offset")) {
            Sexp o = c.next();
            return constExpr(o, o.items, 1, o.items.size());
        }
        if (c.atEnd() || !c.peek().isList()) {
            throw ctx.unexpected(c);
        }
        Sexp item = c.next();
        return constExpr(c.list, List.of(item), 0, 1);
    }

    private void data(Sexp f) {
        Cursor c = new Cursor(f, 1);
        Ctx.optId(c);
        int mem = 0;
        Expression offset = null;
        if (c.peekList("memory")) {
            Cursor mc = new Cursor(c.next(), 1);
            mem = ctx.memories.resolve(ctx, indexAtom(mc));
            ctx.expectEnd(mc);
            offset = offset(c);
        } else if (c.peekAtom(Token.Kind.NUMBER)) {
            mem = ctx.u32(c.next()); // the MVP form (data 0 (offset) ...)
            offset = offset(c);
        } else if (c.peek() != null && c.peek().isList()) {
            offset = offset(c);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (!c.atEnd()) {
            byte[] b = ctx.string(c);
            bytes.write(b, 0, b.length);
        }
        if (offset == null) {
            module.datas().add(new DataSegment(1, SegmentMode.PASSIVE, 0, null, bytes.toByteArray()));
        } else {
            module.datas().add(new DataSegment(mem == 0 ? 0 : 2, SegmentMode.ACTIVE, mem, offset,
                    bytes.toByteArray()));
        }
    }

    private Expression constExpr(Sexp parent, List<Sexp> items, int from, int limit) {
        CodeWriter w = new CodeWriter();
        new InstrParser(ctx, w, null, false).parse(parent, items, from, limit);
        w.op(Opcode.END);
        return w.toExpression();
    }

    private static Expression refFunc(int funcIdx) {
        CodeWriter w = new CodeWriter();
        w.op(Opcode.REF_FUNC).u32(funcIdx);
        w.op(Opcode.END);
        return w.toExpression();
    }

    private static Expression zero(boolean is64) {
        CodeWriter w = new CodeWriter();
        if (is64) {
            w.op(Opcode.I64_CONST).s64(0);
        } else {
            w.op(Opcode.I32_CONST).s32(0);
        }
        w.op(Opcode.END);
        return w.toExpression();
    }
}
