package dev.robusta.text;

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
import dev.robusta.wasm.Limits;
import dev.robusta.wasm.LocalGroup;
import dev.robusta.wasm.MemoryType;
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
import dev.robusta.wasm.code.CodeReader;

import java.util.List;

/**
 * Prints a module in the WebAssembly text format (WAT), in the style of wabt's {@code wasm2wat}: one field a
 * line in binary section order, index comments ({@code (func (;3;) (type 0) ...)}), identifiers from the name
 * section, flat instructions with numbered labels, or folded expressions when asked.
 *
 * <p>The text parses back to a module with the same binary encoding: every type use names its type index,
 * floats are exact hexadecimal literals, and segments are written in the form that selects their binary
 * encoding (an element segment's {@code flags}: whether a table is named, whether initializers are function
 * indices or expressions).
 *
 * <pre>{@code
 * String wat = WatPrinter.print(module);
 * String folded = WatPrinter.print(module, WatPrinter.Options.FOLDED);
 * }</pre>
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/index.html">Text format</a>
 */
public final class WatPrinter {
    /** Beyond this block depth, indentation stops growing (the text stays linear in the code size). */
    static final int MAX_INDENT_DEPTH = 100;
    /** More locals than this in one function are not printed: the text would be out of all proportion. */
    static final long MAX_LOCALS = 1L << 20;

    /**
     * What to print.
     *
     * @param folded whether instructions are printed as folded S-expressions (wabt's {@code --fold-exprs})
     *               rather than one a line
     * @param names  whether identifiers are taken from the name section (wabt's default; false is
     *               {@code --no-debug-names})
     */
    public record Options(boolean folded, boolean names) {
        /** Flat instructions, names from the name section: the default. */
        public static final Options FLAT = new Options(false, true);
        /** Folded instructions, names from the name section. */
        public static final Options FOLDED = new Options(true, true);

        public Options withFolded(boolean folded) {
            return new Options(folded, names);
        }

        public Options withNames(boolean names) {
            return new Options(folded, names);
        }
    }

    private final WasmModule module;
    private final Options options;
    private final WatNamePrinter names;
    private final WatInstrPrinter instr;
    private final WatPrinterStackEffects effects;
    private final StringBuilder sb = new StringBuilder();

    private WatPrinter(WasmModule module, Options options) {
        this.module = module;
        this.options = options;
        this.names = WatNamePrinter.of(module.names(), options.names());
        this.instr = new WatInstrPrinter(module, names);
        this.effects = new WatPrinterStackEffects(module, instr);
    }

    /** The module in the text format, instructions flat, with a final newline. */
    public static String print(WasmModule module) {
        return print(module, Options.FLAT);
    }

    /**
     * The module in the text format, with a final newline.
     *
     * @throws CompileException (MALFORMED) when an instruction sequence cannot be decoded
     */
    public static String print(WasmModule module, Options options) {
        WatPrinter p = new WatPrinter(module, options);
        p.module();
        return p.sb.toString();
    }

    private void module() {
        sb.append("(module");
        String id = names.module();
        if (id != null) {
            sb.append(' ').append(id);
        }
        types();
        imports();
        functions();
        for (int i = 0; i < module.tables().size(); i++) {
            table(module.importedTableCount() + i, module.tables().get(i));
        }
        for (int i = 0; i < module.memories().size(); i++) {
            field("memory").append(indexComment(module.importedMemoryCount() + i));
            memoryType(module.memories().get(i));
            sb.append(')');
        }
        for (int i = 0; i < module.tags().size(); i++) {
            field("tag").append(indexComment(module.importedTagCount() + i));
            tagType(module.tags().get(i));
            sb.append(')');
        }
        for (int i = 0; i < module.globals().size(); i++) {
            Global g = module.globals().get(i);
            field("global").append(indexComment(module.importedGlobalCount() + i));
            globalType(g.type());
            constExpr(g.init());
            sb.append(')');
        }
        for (Export e : module.exports()) {
            field("export").append(' ').append(WatLiteralPrinter.string(e.name()))
                    .append(" (").append(e.kind().text()).append(' ')
                    .append(e.kind() == ExternKind.FUNC ? names.funcRef(e.index())
                            : Integer.toUnsignedString(e.index()))
                    .append("))");
        }
        if (module.start() >= 0) {
            field("start").append(' ').append(names.funcRef(module.start())).append(')');
        }
        for (int i = 0; i < module.elements().size(); i++) {
            elem(i, module.elements().get(i));
        }
        for (int i = 0; i < module.datas().size(); i++) {
            data(i, module.datas().get(i));
        }
        sb.append(")\n");
    }

    /** Starts a module field on a new line: {@code (keyword}. */
    private StringBuilder field(String keyword) {
        return sb.append("\n  (").append(keyword);
    }

    private static String indexComment(int idx) {
        return " (;" + Integer.toUnsignedString(idx) + ";)";
    }

    // ---- types ----

    private void types() {
        int idx = 0;
        for (RecType rec : module.recTypes()) {
            if (rec.types().size() == 1) {
                sb.append("\n  ");
                typeDef(idx++, rec.types().get(0));
                continue;
            }
            sb.append("\n  (rec");
            for (SubType st : rec.types()) {
                sb.append("\n    ");
                typeDef(idx++, st);
            }
            sb.append(')');
        }
    }

    private void typeDef(int idx, SubType st) {
        sb.append("(type").append(indexComment(idx)).append(' ');
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
        compositeType(st.compositeType());
        if (!bare) {
            sb.append(')');
        }
        sb.append(')');
    }

    private void compositeType(CompositeType ct) {
        if (ct instanceof FuncType) {
            sb.append("(func");
            appendSignature(sb, (FuncType) ct);
            sb.append(')');
        } else if (ct instanceof StructType) {
            sb.append("(struct");
            for (FieldType f : ((StructType) ct).fields()) {
                sb.append(" (field ");
                fieldType(f);
                sb.append(')');
            }
            sb.append(')');
        } else {
            sb.append("(array ");
            fieldType(((ArrayType) ct).element());
            sb.append(')');
        }
    }

    private void fieldType(FieldType f) {
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

    private static void valTypes(StringBuilder sb, String keyword, List<ValType> types) {
        if (types.isEmpty()) {
            return;
        }
        sb.append(" (").append(keyword);
        for (ValType t : types) {
            sb.append(' ').append(t);
        }
        sb.append(')');
    }

    // ---- imports ----

    private void imports() {
        int funcs = 0, tables = 0, memories = 0, globals = 0, tags = 0;
        for (Import imp : module.imports()) {
            field("import").append(' ').append(WatLiteralPrinter.string(imp.module()))
                    .append(' ').append(WatLiteralPrinter.string(imp.name())).append(" (")
                    .append(imp.kind().text());
            switch (imp.kind()) {
                case FUNC: {
                    int f = funcs++;
                    funcId(f);
                    sb.append(" (type ").append(Integer.toUnsignedString(((FuncTypeUse) imp.type()).typeIdx()))
                            .append(')');
                    break;
                }
                case TABLE:
                    sb.append(indexComment(tables++));
                    tableType((TableType) imp.type());
                    break;
                case MEMORY:
                    sb.append(indexComment(memories++));
                    memoryType((MemoryType) imp.type());
                    break;
                case GLOBAL:
                    sb.append(indexComment(globals++));
                    globalType((GlobalType) imp.type());
                    break;
                case TAG:
                    sb.append(indexComment(tags++));
                    tagType((TagType) imp.type());
                    break;
                default:
                    throw new AssertionError(imp.kind());
            }
            sb.append("))");
        }
    }

    private void funcId(int funcIdx) {
        String id = names.func(funcIdx);
        sb.append(id != null ? " " + id : indexComment(funcIdx));
    }

    private void tableType(TableType t) {
        limits(t.limits());
        sb.append(' ').append(t.elemType());
    }

    private void memoryType(MemoryType m) {
        limits(m.limits());
        if (m.pageSizeLog2() != MemoryType.DEFAULT_PAGE_SIZE_LOG2) {
            sb.append(" (pagesize ").append(1L << (m.pageSizeLog2() & 63)).append(')');
        }
    }

    private void limits(Limits l) {
        sb.append(' ').append(l);
    }

    private void globalType(GlobalType g) {
        if (g.mutable()) {
            sb.append(" (mut ").append(g.valType()).append(')');
        } else {
            sb.append(' ').append(g.valType());
        }
    }

    private void tagType(TagType t) {
        sb.append(" (type ").append(Integer.toUnsignedString(t.typeIdx())).append(')');
    }

    // ---- functions ----

    private void functions() {
        int count = Math.min(module.functions().size(), module.codes().size());
        for (int i = 0; i < module.functions().size(); i++) {
            int funcIdx = module.importedFuncCount() + i;
            int typeIdx = module.functions().get(i);
            FunctionBody body = i < count ? module.codes().get(i) : null;
            function(funcIdx, typeIdx, body);
        }
    }

    private void function(int funcIdx, int typeIdx, FunctionBody body) {
        field("func");
        funcId(funcIdx);
        sb.append(" (type ").append(Integer.toUnsignedString(typeIdx)).append(')');
        FuncType ft = instr.funcType(Integer.toUnsignedLong(typeIdx));
        int params = 0;
        if (ft != null) {
            params = ft.params().size();
            params(funcIdx, ft.params());
            valTypes(sb, "result", ft.results());
        }
        if (body != null) {
            locals(funcIdx, params, body);
            int returnArity = ft != null ? ft.results().size() : WatPrinterStackEffects.UNKNOWN;
            if (options.folded()) {
                WatFoldedPrinter.body(sb, instr, effects, body.body(), funcIdx, returnArity, 4);
            } else {
                WatFlatPrinter.body(sb, instr, body.body(), funcIdx, 4);
            }
        }
        sb.append(')');
    }

    /** Parameters: a named one alone, {@code (param $x i32)}; runs of unnamed ones together. */
    private void params(int funcIdx, List<ValType> params) {
        boolean open = false;
        for (int i = 0; i < params.size(); i++) {
            String id = names.local(funcIdx, i);
            if (id != null) {
                if (open) {
                    sb.append(')');
                    open = false;
                }
                sb.append(" (param ").append(id).append(' ').append(params.get(i)).append(')');
            } else {
                if (!open) {
                    sb.append(" (param");
                    open = true;
                }
                sb.append(' ').append(params.get(i));
            }
        }
        if (open) {
            sb.append(')');
        }
    }

    /**
     * Locals, on one line: one declaration per group of the binary (so that a parser that makes a group of
     * each declaration gets the same groups back), a named local in a declaration of its own.
     */
    private void locals(int funcIdx, int params, FunctionBody body) {
        if (body.locals().isEmpty()) {
            return;
        }
        if (body.localCount() > MAX_LOCALS) {
            throw CompileException.invalid("too many locals", body.body().offset());
        }
        sb.append("\n    ");
        int idx = params;
        boolean first = true;
        for (LocalGroup g : body.locals()) {
            boolean open = false;
            for (int k = 0; k < g.count(); k++, idx++) {
                String id = names.local(funcIdx, idx);
                if (id != null || !open) {
                    if (open) {
                        sb.append(')');
                    }
                    sb.append(first ? "" : " ").append("(local");
                    first = false;
                    open = id == null;
                    if (id != null) {
                        sb.append(' ').append(id).append(' ').append(g.type()).append(')');
                        continue;
                    }
                }
                sb.append(' ').append(g.type());
            }
            if (open) {
                sb.append(')');
            }
        }
    }

    // ---- tables, globals, segments ----

    private void table(int idx, Table t) {
        field("table").append(indexComment(idx));
        tableType(t.type());
        if (t.init() != null) {
            constExpr(t.init());
        }
        sb.append(')');
    }

    /** A constant expression as a sequence of folded plain instructions: {@code  (i32.const 1) (i32.const 2) (i32.add)}. */
    private void constExpr(Expression e) {
        CodeReader r = new CodeReader(e, Features.ALL);
        while (r.hasNext()) {
            Opcode op = r.next();
            if (op == Opcode.END && !r.hasNext()) {
                break;
            }
            sb.append(" (");
            instr.append(sb, r, -1, 0);
            sb.append(')');
        }
    }

    /** The number of instructions of a constant expression, its final {@code end} excluded. */
    private static int instructionCount(Expression e) {
        CodeReader r = new CodeReader(e, Features.ALL);
        int n = 0;
        while (r.hasNext()) {
            if (r.next() == Opcode.END && !r.hasNext()) {
                break;
            }
            n++;
        }
        return n;
    }

    /** An active segment's offset: {@code (i32.const 0)}, or {@code (offset ...)} when it is longer. */
    private void offset(Expression e) {
        if (instructionCount(e) == 1) {
            constExpr(e);
        } else {
            sb.append(" (offset");
            constExpr(e);
            sb.append(')');
        }
    }

    /**
     * An element segment, in the form that selects its binary flags: {@code (table x)} only for flags 2 and
     * 6 (always then, even for table 0), {@code func} and function indices for flags 0..3, a reference type
     * and expressions for flags 4..7.
     */
    private void elem(int idx, ElemSegment seg) {
        field("elem").append(indexComment(idx));
        int flags = seg.flags();
        if (seg.mode() == SegmentMode.PASSIVE) {
            // nothing: passive is the form without offset or declare
        } else if (seg.mode() == SegmentMode.DECLARATIVE) {
            sb.append(" declare");
        } else {
            if ((flags & 2) != 0) {
                sb.append(" (table ").append(Integer.toUnsignedString(seg.tableIdx())).append(')');
            }
            offset(seg.offset());
        }
        int[] funcs = seg.usesExpressions() ? null : funcIndices(seg.init());
        if (funcs != null) {
            sb.append(" func");
            for (int f : funcs) {
                sb.append(' ').append(names.funcRef(f));
            }
        } else {
            sb.append(' ').append(seg.type());
            for (Expression e : seg.init()) {
                if (instructionCount(e) == 1) {
                    constExpr(e);
                } else {
                    sb.append(" (item");
                    constExpr(e);
                    sb.append(')');
                }
            }
        }
        sb.append(')');
    }

    /** The function indices of initializers that are each {@code ref.func i}, or null. */
    private static int[] funcIndices(List<Expression> init) {
        int[] funcs = new int[init.size()];
        for (int i = 0; i < funcs.length; i++) {
            CodeReader r = new CodeReader(init.get(i), Features.ALL);
            if (!r.hasNext() || r.next() != Opcode.REF_FUNC) {
                return null;
            }
            funcs[i] = r.index();
            if (!r.hasNext() || r.next() != Opcode.END || r.hasNext()) {
                return null;
            }
        }
        return funcs;
    }

    /** A data segment: {@code (memory x)} only for flags 2 (always then, even for memory 0). */
    private void data(int idx, DataSegment seg) {
        field("data").append(indexComment(idx));
        if (seg.mode() == SegmentMode.ACTIVE) {
            if (seg.flags() == 2) {
                sb.append(" (memory ").append(Integer.toUnsignedString(seg.memIdx())).append(')');
            }
            offset(seg.offset());
        }
        sb.append(' ');
        WatLiteralPrinter.appendString(sb, seg.init());
        sb.append(')');
    }
}
