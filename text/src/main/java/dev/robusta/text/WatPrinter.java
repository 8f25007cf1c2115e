package dev.robusta.text;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.CustomSection;
import dev.robusta.wasm.Export;
import dev.robusta.wasm.ExternKind;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.FuncTypeUse;
import dev.robusta.wasm.FunctionBody;
import dev.robusta.wasm.Global;
import dev.robusta.wasm.GlobalType;
import dev.robusta.wasm.Import;
import dev.robusta.wasm.LocalGroup;
import dev.robusta.wasm.MemoryType;
import dev.robusta.wasm.Table;
import dev.robusta.wasm.TableType;
import dev.robusta.wasm.TagType;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.WasmModule;

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
 * <p>Where it differs from {@code wasm2wat}: a block whose type is a type index names it
 * ({@code block (type 2) (param i32) (result i32)}), so that the text selects that very type; locals are
 * declared one {@code (local ...)} per group of the binary; a name that is not a plain identifier is printed
 * as a quoted identifier ({@code $"my name"}, WebAssembly 3.0) rather than mangled; subnormal floats are
 * normalised ({@code 0x1p-149}); in folded form, an instruction after a branch is not folded around it. The
 * name section's function, local and module names are used (the model carries no others); custom sections
 * are not printed.
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
     * @param customSections whether custom sections (the name section included) are printed, as custom
     *               annotations {@code (@custom "name" (after type) "bytes")} at the end of the module
     */
    public record Options(boolean folded, boolean names, boolean customSections) {
        /** Flat instructions, names from the name section, no custom sections: the default. */
        public static final Options FLAT = new Options(false, true, false);
        /** Folded instructions, names from the name section, no custom sections. */
        public static final Options FOLDED = new Options(true, true, false);

        public Options withFolded(boolean folded) {
            return new Options(folded, names, customSections);
        }

        public Options withNames(boolean names) {
            return new Options(folded, names, customSections);
        }

        public Options withCustomSections(boolean customSections) {
            return new Options(folded, names, customSections);
        }
    }

    private final WasmModule module;
    private final Options options;
    private final WatNamePrinter names;
    private final WatInstrPrinter instr;
    private final WatPrinterStackEffects effects;
    private final StringBuilder sb = new StringBuilder();
    private final WatSegmentPrinter segments;

    private WatPrinter(WasmModule module, Options options) {
        this.module = module;
        this.options = options;
        this.names = WatNamePrinter.of(module.names(), options.names());
        this.instr = new WatInstrPrinter(module, names);
        this.effects = new WatPrinterStackEffects(module, instr);
        this.segments = new WatSegmentPrinter(sb, instr, names);
    }

    /**
     * The module in the text format, instructions flat, with a final newline.
     *
     * @throws CompileException (MALFORMED) when an instruction sequence cannot be decoded
     */
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
        WatTypePrinter.types(sb, module);
        imports();
        functions();
        for (int i = 0; i < module.tables().size(); i++) {
            table(module.importedTableCount() + i, module.tables().get(i));
        }
        for (int i = 0; i < module.memories().size(); i++) {
            field("memory").append(indexComment(module.importedMemoryCount() + i));
            WatTypePrinter.memoryType(sb, module.memories().get(i));
            sb.append(')');
        }
        for (int i = 0; i < module.tags().size(); i++) {
            field("tag").append(indexComment(module.importedTagCount() + i));
            WatTypePrinter.tagType(sb, module.tags().get(i));
            sb.append(')');
        }
        for (int i = 0; i < module.globals().size(); i++) {
            Global g = module.globals().get(i);
            field("global").append(indexComment(module.importedGlobalCount() + i));
            WatTypePrinter.globalType(sb, g.type());
            segments.constExpr(g.init());
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
            segments.elem(i, module.elements().get(i));
        }
        for (int i = 0; i < module.datas().size(); i++) {
            segments.data(i, module.datas().get(i));
        }
        if (options.customSections()) {
            for (CustomSection c : module.customSections()) {
                customSection(c);
            }
        }
        sb.append(")\n");
    }

    private static final String[] SECTION_NAMES = {"first", "type", "import", "func", "table", "memory", "global",
        "export", "start", "elem", "code", "data", "datacount", "tag"};

    /** A custom annotation: {@code (@custom "name" (after type) "bytes")}, {@code (before first)} for placement 0. */
    private void customSection(CustomSection c) {
        sb.append("\n  (@custom ").append(WatLiteralPrinter.string(c.name()));
        int p = c.placement();
        if (p >= 0 && p < SECTION_NAMES.length) {
            sb.append(p == 0 ? " (before first)" : " (after " + SECTION_NAMES[p] + ")");
        }
        sb.append(' ');
        WatLiteralPrinter.appendString(sb, c.content());
        sb.append(')');
    }

    /** Starts a module field on a new line: {@code (keyword}. */
    private StringBuilder field(String keyword) {
        return sb.append("\n  (").append(keyword);
    }

    static String indexComment(int idx) {
        return " (;" + Integer.toUnsignedString(idx) + ";)";
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
                    WatTypePrinter.tableType(sb, (TableType) imp.type());
                    break;
                case MEMORY:
                    sb.append(indexComment(memories++));
                    WatTypePrinter.memoryType(sb, (MemoryType) imp.type());
                    break;
                case GLOBAL:
                    sb.append(indexComment(globals++));
                    WatTypePrinter.globalType(sb, (GlobalType) imp.type());
                    break;
                case TAG:
                    sb.append(indexComment(tags++));
                    WatTypePrinter.tagType(sb, (TagType) imp.type());
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
            WatTypePrinter.valTypes(sb, "result", ft.results());
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

    // ---- tables ----

    private void table(int idx, Table t) {
        field("table").append(indexComment(idx));
        WatTypePrinter.tableType(sb, t.type());
        if (t.init() != null) {
            segments.constExpr(t.init());
        }
        sb.append(')');
    }

}
