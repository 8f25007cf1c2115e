package dev.robusta.text.wast;

import dev.robusta.text.internal.ScriptParser;
import dev.robusta.wasm.CompileException;

import java.nio.charset.StandardCharsets;

/**
 * Parses WAST scripts, the format of the WebAssembly specification tests: modules, {@code register},
 * actions and assertions. Modules in the text format are not parsed here but kept as {@link TextModule}
 * (parsed on request), so a script with a malformed module still parses.
 *
 * <pre>{@code
 * Script script = WastParser.parse(Files.readString(path), path.getFileName().toString());
 * for (Directive d : script.directives()) { ... }
 * }</pre>
 */
public final class WastParser {
    private WastParser() {
    }

    /**
     * Parses a script.
     *
     * @param source   the script's text
     * @param fileName the name used in directives' modules and error positions
     * @throws CompileException of kind MALFORMED when the script itself is not well-formed
     */
    public static Script parse(String source, String fileName) {
        return parse(source.getBytes(StandardCharsets.UTF_8), fileName);
    }

    /** Parses a script given as UTF-8 bytes (which keeps malformed bytes for the parser to report). */
    public static Script parse(byte[] source, String fileName) {
        return ScriptParser.parse(source, fileName);
    }
}
