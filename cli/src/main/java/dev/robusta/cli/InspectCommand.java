package dev.robusta.cli;

import dev.robusta.compiler.CompilerInfo;
import dev.robusta.runtime.Module;
import dev.robusta.runtime.RuntimeConfig;
import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.CustomSection;
import dev.robusta.wasm.DataSegment;
import dev.robusta.wasm.ElemSegment;
import dev.robusta.wasm.Export;
import dev.robusta.wasm.ExternKind;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.FuncTypeUse;
import dev.robusta.wasm.GlobalType;
import dev.robusta.wasm.Import;
import dev.robusta.wasm.MemoryType;
import dev.robusta.wasm.SegmentMode;
import dev.robusta.wasm.TableType;
import dev.robusta.wasm.TagType;
import dev.robusta.wasm.WasmModule;
import dev.robusta.wasm.binary.BinaryEncoder;
import dev.robusta.wasm.binary.SectionId;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code robusta inspect}: a summary of a module, in the spirit of {@code wasm-objdump -h -x}: its sections
 * with offsets and sizes, then what each section holds (types, imports, functions with their names and code
 * sizes, tables, memories, tags, globals, exports, the start function, segments, custom sections). A text
 * module is shown as the binary module it encodes to.
 */
@Command(
        name = "inspect",
        description = {
            "Summarize a module (binary or text): its sections, imports, exports, functions and sizes.",
            "",
            "Lists the sections with their offsets and sizes, then the types, imports, functions (with names "
                    + "from the name section and code sizes), tables, memories, tags, globals, exports, start "
                    + "function, element and data segments, custom sections, and the total code size.",
            "",
            "For a valid module, the last line says how many functions the compiler to JVM bytecode compiles and "
                    + "which it leaves to the interpreter (each is also logged with the reason); this compiles "
                    + "every function, which takes a while for a large module.",
            "",
            "A text module is described as the binary module it encodes to. The rest of the summary needs the "
                    + "module decoded, not valid.",
        },
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n")
final class InspectCommand implements Callable<Integer> {
    private final Stdio io;

    @Mixin
    HelpOption help;

    @Parameters(index = "0", paramLabel = "FILE", description = "The module: a .wasm or .wat file, or - for "
            + "standard input.")
    String file;

    InspectCommand(Stdio io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        ModuleFile in = ModuleFile.read(file, io.in());
        WasmModule module = in.model(Features.ALL);
        byte[] binary = in.isBinary() ? in.bytes() : BinaryEncoder.encode(module);
        new Summary(io.out(), module).print(in, binary);
        return ExitCodes.SUCCESS;
    }

    /** Writes the summary of one module. */
    private static final class Summary {
        private final PrintStream out;
        private final WasmModule m;

        Summary(PrintStream out, WasmModule module) {
            this.out = out;
            this.m = module;
        }

        void print(ModuleFile in, byte[] binary) {
            if (in.isBinary()) {
                out.println(in.name() + ": binary module, " + binary.length + " bytes");
            } else {
                out.println(in.name() + ": text module, " + binary.length + " bytes in the binary format");
            }
            if (m.names().moduleName() != null) {
                out.println("module name: " + m.names().moduleName());
            }
            List<Section> sections = Section.of(binary);
            sections(sections);
            types();
            imports();
            functions(codeSizes(sections));
            tables();
            memories();
            tags();
            globals();
            exports();
            start();
            elements();
            datas();
            customs();
            code(codeSizes(sections));
            compiler();
        }

        /**
         * How the compiler takes the module's functions, for a valid module with functions: how many it
         * compiles and which it leaves to the interpreter (each also logged with the reason).
         */
        private void compiler() {
            int defined = m.funcCount() - m.importedFuncCount();
            if (defined == 0) {
                return;
            }
            RuntimeConfig config = null;
            String invalid = null;
            for (Features features : new Features[] {Features.V2, Features.ALL}) {
                try {
                    Module.of(m, RuntimeConfig.DEFAULT.toBuilder().features(features).build());
                    config = RuntimeConfig.DEFAULT.toBuilder().features(features).build();
                    break;
                } catch (CompileException e) {
                    invalid = invalid == null ? e.getMessage() : invalid;
                }
            }
            if (config == null) {
                out.println("Compiler: not compiled, the module is not valid: " + invalid);
                return;
            }
            List<Integer> interpreted = CompilerInfo.interpretedFunctions(m, config);
            StringBuilder line = new StringBuilder("Compiler: ").append(defined - interpreted.size()).append(" of ")
                    .append(defined).append(defined == 1 ? " function" : " functions").append(" compiled");
            if (!interpreted.isEmpty()) {
                line.append(", ").append(interpreted.size()).append(" left to the interpreter:");
                for (int k = 0; k < Math.min(10, interpreted.size()); k++) {
                    line.append(' ').append("func[").append(interpreted.get(k)).append(']')
                            .append(funcName(interpreted.get(k)));
                }
                if (interpreted.size() > 10) {
                    line.append(" ...");
                }
            }
            out.println(line);
        }

        private void sections(List<Section> sections) {
            out.println();
            out.println("Sections:");
            for (Section s : sections) {
                String what = s.name() != null ? "\"" + s.name() + "\""
                        : s.count() >= 0 ? (s.id() == SectionId.START ? "func=" : "count=") + s.count() : "";
                out.printf("  %-9s start=0x%08x end=0x%08x size=%-8d %s%n", s.kind(), s.start(),
                        s.start() + s.size(), s.size(), what);
            }
            out.println();
        }

        private void types() {
            heading("Types", m.types().size());
            for (int i = 0; i < m.types().size(); i++) {
                item("type[" + i + "] " + TypeText.of(m.types().get(i)));
            }
        }

        private void imports() {
            heading("Imports", m.imports().size());
            int[] next = new int[ExternKind.values().length];
            for (Import imp : m.imports()) {
                int index = next[imp.kind().ordinal()]++;
                String name = imp.kind() == ExternKind.FUNC ? funcName(index) : "";
                item(imp.kind().text() + "[" + index + "]" + name + " \"" + imp.module() + "\" \"" + imp.name()
                        + "\" " + externType(imp.type()));
            }
        }

        private void functions(List<Integer> sizes) {
            heading("Functions", m.functions().size());
            for (int i = 0; i < m.functions().size(); i++) {
                int index = m.importedFuncCount() + i;
                int typeIdx = m.functions().get(i);
                String size = i < sizes.size() ? " size=" + sizes.get(i) : "";
                item("func[" + index + "]" + funcName(index) + " type=" + typeIdx + size);
            }
        }

        private void tables() {
            heading("Tables", m.tables().size());
            for (int i = 0; i < m.tables().size(); i++) {
                item("table[" + (m.importedTableCount() + i) + "] " + TypeText.of(m.tables().get(i).type()));
            }
        }

        private void memories() {
            heading("Memories", m.memories().size());
            for (int i = 0; i < m.memories().size(); i++) {
                item("memory[" + (m.importedMemoryCount() + i) + "] " + TypeText.of(m.memories().get(i)));
            }
        }

        private void tags() {
            heading("Tags", m.tags().size());
            for (int i = 0; i < m.tags().size(); i++) {
                item("tag[" + (m.importedTagCount() + i) + "] " + externType(m.tags().get(i)));
            }
        }

        private void globals() {
            heading("Globals", m.globals().size());
            for (int i = 0; i < m.globals().size(); i++) {
                item("global[" + (m.importedGlobalCount() + i) + "] " + TypeText.of(m.globals().get(i).type()));
            }
        }

        private void exports() {
            heading("Exports", m.exports().size());
            for (Export e : m.exports()) {
                String target = e.kind().text() + "[" + e.index() + "]"
                        + (e.kind() == ExternKind.FUNC ? funcName(e.index()) : "");
                item("\"" + e.name() + "\" -> " + target + " " + exportType(e));
            }
        }

        private void start() {
            if (m.start() >= 0) {
                out.println("Start: func[" + m.start() + "]" + funcName(m.start()));
            }
        }

        private void elements() {
            heading("Elements", m.elements().size());
            for (int i = 0; i < m.elements().size(); i++) {
                ElemSegment e = m.elements().get(i);
                String mode = e.mode() == SegmentMode.ACTIVE ? "active table=" + e.tableIdx()
                        : e.mode().name().toLowerCase(java.util.Locale.ROOT);
                item("elem[" + i + "] " + mode + " " + e.type() + " count=" + e.init().size());
            }
        }

        private void datas() {
            heading("Data", m.datas().size());
            for (int i = 0; i < m.datas().size(); i++) {
                DataSegment d = m.datas().get(i);
                String mode = d.mode() == SegmentMode.ACTIVE ? "active memory=" + d.memIdx() : "passive";
                item("data[" + i + "] " + mode + " size=" + d.init().length);
            }
        }

        private void customs() {
            heading("Custom sections", m.customSections().size());
            for (CustomSection c : m.customSections()) {
                item("\"" + c.name() + "\" size=" + c.content().length);
            }
        }

        private void code(List<Integer> sizes) {
            long total = 0;
            for (int size : sizes) {
                total += size;
            }
            out.println("Code: " + sizes.size() + (sizes.size() == 1 ? " function body, " : " function bodies, ")
                    + total + " bytes");
        }

        private static List<Integer> codeSizes(List<Section> sections) {
            for (Section s : sections) {
                if (s.id() == SectionId.CODE) {
                    return s.bodySizes();
                }
            }
            return List.of();
        }

        /** {@code Kind[n]:}, printed only when there is something to list. */
        private void heading(String kind, int count) {
            if (count > 0) {
                out.println(kind + "[" + count + "]:");
            }
        }

        private void item(String text) {
            out.println("  - " + text);
        }

        /** {@code  <name>} when the name section names function {@code index}, else empty. */
        private String funcName(int index) {
            String name = m.names().functionNames().get(index);
            return name == null ? "" : " <" + name + ">";
        }

        private String externType(Object type) {
            if (type instanceof FuncTypeUse) {
                int typeIdx = ((FuncTypeUse) type).typeIdx();
                return "type=" + typeIdx + " " + funcTypeText(typeIdx);
            }
            if (type instanceof TableType) {
                return TypeText.of((TableType) type);
            }
            if (type instanceof MemoryType) {
                return TypeText.of((MemoryType) type);
            }
            if (type instanceof GlobalType) {
                return TypeText.of((GlobalType) type);
            }
            int typeIdx = ((TagType) type).typeIdx();
            return "type=" + typeIdx + " " + funcTypeText(typeIdx);
        }

        private String exportType(Export e) {
            if (Integer.compareUnsigned(e.index(), count(e.kind())) >= 0) {
                return "(no such " + e.kind().text() + ")";
            }
            switch (e.kind()) {
                case FUNC:
                    return funcTypeText(m.funcTypeIdx(e.index()));
                case TABLE:
                    return TypeText.of(m.tableType(e.index()));
                case MEMORY:
                    return TypeText.of(m.memoryType(e.index()));
                case GLOBAL:
                    return TypeText.of(m.globalType(e.index()));
                default:
                    return funcTypeText(m.tagType(e.index()).typeIdx());
            }
        }

        private int count(ExternKind kind) {
            switch (kind) {
                case FUNC:
                    return m.funcCount();
                case TABLE:
                    return m.tableCount();
                case MEMORY:
                    return m.memoryCount();
                case GLOBAL:
                    return m.globalCount();
                default:
                    return m.tagCount();
            }
        }

        /** The type at {@code typeIdx} in the text format, or a note when the index is out of range. */
        private String funcTypeText(int typeIdx) {
            return Integer.compareUnsigned(typeIdx, m.types().size()) < 0 ? TypeText.of(m.types().get(typeIdx))
                    : "(unknown type " + typeIdx + ")";
        }
    }
}
