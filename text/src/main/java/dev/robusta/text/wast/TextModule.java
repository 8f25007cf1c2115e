package dev.robusta.text.wast;

import dev.robusta.text.internal.TextParser;
import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.WasmModule;

import java.nio.charset.StandardCharsets;

/**
 * A module written in the text format inside the script: {@code (module $id? field*)}, or, for a script
 * made only of module fields, those fields.
 *
 * @param text     the module's source text, from its opening parenthesis to its closing one
 * @param fileName the script's name, for error positions
 * @param line     the 1-based line where {@code text} begins in the script
 * @param column   the 1-based column where {@code text} begins in the script
 */
public record TextModule(String text, String fileName, int line, int column) implements ModuleSource {

    /**
     * Parses the module with every feature Robusta knows ({@link Features#ALL}).
     *
     * @throws CompileException of kind MALFORMED, with a message starting with the reference interpreter's
     *                          text and ending with {@code at file:line:column}
     */
    public WasmModule parse() {
        return parse(Features.ALL);
    }

    /**
     * Parses the module. Features decide what the text accepts where the suites differ: without memory64,
     * limits and memory offsets are u32 ("i32 constant out of range"), as in WebAssembly 2.0.
     *
     * @throws CompileException of kind MALFORMED
     */
    public WasmModule parse(Features features) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return TextParser.parseModule(bytes, 0, bytes.length, fileName, line, column, features);
    }
}
