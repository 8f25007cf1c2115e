package dev.robusta.text;

import dev.robusta.text.internal.TextParser;
import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.WasmModule;

import java.nio.charset.StandardCharsets;

/**
 * Parses the WebAssembly text format (WAT) into the module model. The result is what the binary decoder
 * would produce for the module {@code wat2wasm} writes: function bodies and constant expressions as
 * binary code, implicit function types appended after the explicit ones, and identifiers kept as
 * function and local names ({@link WasmModule#names()}).
 *
 * <p>Errors are {@link CompileException}s of kind MALFORMED whose message starts with the reference
 * interpreter's text ("unexpected token", "unknown operator", "constant out of range", ...) and ends with
 * {@code at name:line:column}.
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/index.html">Text format</a>
 */
public final class WatParser {
    private WatParser() {
    }

    /** Parses a module with every feature Robusta knows; errors name the source {@code "input"}. */
    public static WasmModule parseModule(String text) {
        return parseModule(text, "input", Features.ALL);
    }

    /** Parses a module with every feature Robusta knows. */
    public static WasmModule parseModule(String text, String sourceName) {
        return parseModule(text, sourceName, Features.ALL);
    }

    /**
     * Parses a module: {@code (module $id? field*)} or just its fields.
     *
     * @param text       the source
     * @param sourceName the name used in error positions (a file name)
     * @param features   without memory64, limits and memory offsets are u32 literals, as in WebAssembly 2.0
     * @throws CompileException of kind MALFORMED
     */
    public static WasmModule parseModule(String text, String sourceName, Features features) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return TextParser.parseModule(bytes, 0, bytes.length, sourceName, 1, 1, features);
    }

    /** Parses a module from UTF-8 bytes (malformed UTF-8 is reported as such). */
    public static WasmModule parseModule(byte[] utf8, String sourceName, Features features) {
        return TextParser.parseModule(utf8, 0, utf8.length, sourceName, 1, 1, features);
    }
}
