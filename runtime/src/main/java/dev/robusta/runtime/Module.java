package dev.robusta.runtime;

import dev.robusta.runtime.internal.Instantiator;
import dev.robusta.runtime.internal.ModuleCode;
import dev.robusta.runtime.internal.ModuleCompiler;
import dev.robusta.runtime.internal.PhaseTimer;
import dev.robusta.runtime.internal.Sha256;
import dev.robusta.runtime.internal.ValidatedModules;
import dev.robusta.runtime.internal.interpreter.InterpreterSupport;
import dev.robusta.wasm.CustomSection;
import dev.robusta.wasm.Export;
import dev.robusta.wasm.FuncTypeUse;
import dev.robusta.wasm.Import;
import dev.robusta.wasm.TagType;
import dev.robusta.wasm.WasmModule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A compiled module: decoded and validated, ready to be instantiated any number of times. Immutable and
 * safe to share between threads. The JavaScript API's {@code WebAssembly.Module}.
 *
 * <pre>{@code
 * Module module = Module.compile(bytes);          // CompileException when malformed or invalid
 * Instance instance = module.instantiate(imports); // LinkException, TrapException
 * }</pre>
 */
public final class Module {
    private final ModuleCode code;
    private final List<ImportDescriptor> imports;
    private final List<ExportDescriptor> exports;

    private Module(ModuleCode code) {
        this.code = code;
        this.imports = importsOf(code.model());
        this.exports = exportsOf(code.model());
    }

    /**
     * Decodes and validates a binary module with {@link RuntimeConfig#DEFAULT}.
     *
     * @throws dev.robusta.wasm.CompileException when the bytes are malformed, the module is invalid, or it uses
     *                                           instructions the engines do not run yet (UNSUPPORTED)
     */
    public static Module compile(byte[] bytes) {
        return compile(bytes, RuntimeConfig.DEFAULT);
    }

    /**
     * Decodes and validates a binary module with the given features and limits.
     *
     * @throws dev.robusta.wasm.CompileException when the bytes are malformed, the module is invalid, or it uses
     *                                           instructions the engines do not run yet (UNSUPPORTED)
     */
    public static Module compile(byte[] bytes, RuntimeConfig config) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(config, "config");
        byte[] sha256 = config.codeCache().isPresent() ? sha256(bytes) : null;
        WasmModule model = ModuleCompiler.decode(bytes, config.features());
        PhaseTimer.end("decode");
        return of(model, config, sha256);
    }

    private static byte[] sha256(byte[] bytes) {
        return Sha256.newDigest().digest(bytes);
    }

    /**
     * Validates a module model (from the decoder or the text parser) and wraps it. The model must not be
     * changed afterwards.
     *
     * @throws dev.robusta.wasm.CompileException ({@code INVALID}) when the module does not validate, or
     *                                           ({@code UNSUPPORTED}) when it uses instructions the engines do not run yet
     */
    public static Module of(WasmModule model, RuntimeConfig config) {
        return of(model, config, null);
    }

    private static Module of(WasmModule model, RuntimeConfig config, byte[] sha256) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(config, "config");
        Path cache = sha256 == null ? null : config.codeCache().orElse(null);
        if (cache == null || !ValidatedModules.known(cache, sha256, config.features())) {
            ModuleCompiler.validate(model, config.features());
            InterpreterSupport.check(model, config.features());
            if (cache != null) {
                ValidatedModules.remember(cache, sha256, config.features());
            }
        }
        PhaseTimer.end("validate");
        Module module = new Module(new ModuleCode(model, config, sha256));
        PhaseTimer.end("module set-up (types, engine look-up)");
        return module;
    }

    /** The configuration the module was compiled with; its instances run with it. */
    public RuntimeConfig config() {
        return code.config();
    }

    /** The module's name from its name section, or null. */
    public String name() {
        return code.model().names().moduleName();
    }

    /** The imports, in order. */
    public List<ImportDescriptor> imports() {
        return imports;
    }

    /** The exports, in order. */
    public List<ExportDescriptor> exports() {
        return exports;
    }

    /** Copies of the contents of the custom sections named {@code name}, in order. */
    public List<byte[]> customSections(String name) {
        List<byte[]> out = new ArrayList<>();
        for (CustomSection s : code.model().customSections()) {
            if (s.name().equals(name)) {
                out.add(s.content().clone());
            }
        }
        return List.copyOf(out);
    }

    /**
     * Instantiates the module: resolves and checks the imports, allocates its memories, tables and globals,
     * runs its active segments and its start function.
     *
     * @throws dev.robusta.wasm.LinkException when an import is missing or of an incompatible type
     * @throws dev.robusta.wasm.TrapException when a segment is out of bounds or the start function traps
     */
    public Instance instantiate(Imports imports) {
        return Instantiator.instantiate(this, code, Objects.requireNonNull(imports, "imports"));
    }

    /** Instantiates a module without imports. */
    public Instance instantiate() {
        return instantiate(Imports.EMPTY);
    }

    /** {@link #instantiate(Imports)} on the common fork-join pool. */
    public CompletableFuture<Instance> instantiateAsync(Imports imports) {
        Objects.requireNonNull(imports, "imports");
        return CompletableFuture.supplyAsync(() -> instantiate(imports));
    }

    @Override
    public String toString() {
        String name = name();
        return "Module[" + (name == null ? "" : name + ", ") + imports.size() + " imports, " + exports.size()
                + " exports]";
    }

    private static List<ImportDescriptor> importsOf(WasmModule m) {
        List<ImportDescriptor> out = new ArrayList<>();
        for (Import imp : m.imports()) {
            out.add(new ImportDescriptor(imp.module(), imp.name(), imp.kind(), externType(m, imp.type())));
        }
        return List.copyOf(out);
    }

    private static List<ExportDescriptor> exportsOf(WasmModule m) {
        List<ExportDescriptor> out = new ArrayList<>();
        for (Export e : m.exports()) {
            Object type;
            switch (e.kind()) {
                case FUNC: type = m.funcTypeOf(e.index()); break;
                case TABLE: type = m.tableType(e.index()); break;
                case MEMORY: type = m.memoryType(e.index()); break;
                case GLOBAL: type = m.globalType(e.index()); break;
                case TAG: type = m.funcType(m.tagType(e.index()).typeIdx()); break;
                default: throw new AssertionError(e.kind());
            }
            out.add(new ExportDescriptor(e.name(), e.kind(), type));
        }
        return List.copyOf(out);
    }

    private static Object externType(WasmModule m, Object type) {
        if (type instanceof FuncTypeUse) {
            return m.funcType(((FuncTypeUse) type).typeIdx());
        }
        if (type instanceof TagType) {
            return m.funcType(((TagType) type).typeIdx());
        }
        return type;
    }
}
