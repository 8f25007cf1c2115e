package dev.robusta.cli;

import dev.robusta.runtime.Module;
import dev.robusta.runtime.RuntimeConfig;
import dev.robusta.runtime.internal.PhaseTimer;
import dev.robusta.text.WatParser;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.WasmModule;
import dev.robusta.wasm.binary.BinaryDecoder;
import dev.robusta.wasm.binary.BinaryEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A module file named on the command line, in the binary or the text format. The format is told by the
 * content, not the file name: a file that begins with the binary format's magic bytes {@code \0asm} is
 * binary, anything else is text (see RATIONALE.md, "Why is a module's format told by its content?").
 */
final class ModuleFile {
    /** The file name that stands for standard input. */
    static final String STDIN = "-";

    private static final byte[] MAGIC = {0, 'a', 's', 'm'};

    private final String name;
    private final byte[] bytes;

    private ModuleFile(String name, byte[] bytes) {
        this.name = name;
        this.bytes = bytes;
    }

    /** Reads {@code path}. */
    static ModuleFile read(Path path) throws IOException {
        ModuleFile file = new ModuleFile(path.toString(), Files.readAllBytes(path));
        PhaseTimer.end("read");
        return file;
    }

    /** Reads {@code name}, or standard input when it is {@value #STDIN}. */
    static ModuleFile read(String name, InputStream stdin) throws IOException {
        if (STDIN.equals(name)) {
            return new ModuleFile("<stdin>", stdin.readAllBytes());
        }
        return read(Path.of(name));
    }

    /** The file's name as given, for messages. */
    String name() {
        return name;
    }

    /** Whether the content is a binary module: it begins with {@code \0asm}. */
    boolean isBinary() {
        if (bytes.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** The file's content, unchanged. */
    byte[] bytes() {
        return bytes.clone();
    }

    /**
     * The module model: decoded from the binary, or parsed from the text (not validated).
     *
     * @throws dev.robusta.wasm.CompileException (MALFORMED) when it cannot be decoded or parsed
     */
    WasmModule model(Features features) {
        return isBinary() ? BinaryDecoder.decode(bytes, features) : WatParser.parseModule(bytes, name, features);
    }

    /**
     * The module in the binary format: the file's bytes when it is binary, else the text parsed and encoded.
     *
     * @throws dev.robusta.wasm.CompileException (MALFORMED) when the text cannot be parsed
     */
    byte[] binary(Features features) {
        return isBinary() ? bytes.clone() : BinaryEncoder.encode(WatParser.parseModule(bytes, name, features));
    }

    /**
     * The compiled module: decoded or parsed, then validated ({@link Module#compile(byte[], RuntimeConfig)} for a
     * binary module, which with a code cache can skip validating bytes it validated before; {@link Module#of}
     * for text).
     *
     * @throws dev.robusta.wasm.CompileException when the module is malformed or invalid
     */
    Module compile(RuntimeConfig config) {
        if (isBinary()) {
            return Module.compile(bytes, config);
        }
        WasmModule model = model(config.features());
        PhaseTimer.end("parse (text)");
        return Module.of(model, config);
    }
}
