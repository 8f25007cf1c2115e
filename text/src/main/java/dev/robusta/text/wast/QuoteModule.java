package dev.robusta.text.wast;

import dev.robusta.text.internal.TextParser;
import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.WasmModule;

import java.nio.charset.StandardCharsets;

/**
 * {@code (module $id? quote "..." ...)}: a module in the text format given as strings, concatenated. The
 * text is kept as bytes because the strings may hold bytes that are not UTF-8 (which the parser then
 * rejects as "malformed UTF-8 encoding").
 *
 * <p>Positions in errors are {@code file(quote@LINE):l:c}: the line and column inside the quoted text,
 * with the line where the directive begins.
 *
 * @param source   the quoted text's bytes (not copied: do not change them)
 * @param fileName the script's name
 * @param line     the 1-based line of the directive in the script
 */
public record QuoteModule(byte[] source, String fileName, int line) implements ModuleSource {

    /** The quoted text, decoded as UTF-8 (malformed bytes replaced). */
    public String text() {
        return new String(source, StandardCharsets.UTF_8);
    }

    /** Parses the text with {@link Features#ALL}; see {@link #parse(Features)}. */
    public WasmModule parse() {
        return parse(Features.ALL);
    }

    /**
     * Parses the quoted text as a module (its fields, or a {@code (module ...)} form).
     *
     * @throws CompileException of kind MALFORMED
     */
    public WasmModule parse(Features features) {
        return TextParser.parseModule(source, 0, source.length, fileName + "(quote@" + line + ")", 1, 1, features);
    }
}
