package dev.robusta.text.internal;

import dev.robusta.wasm.Features;
import dev.robusta.wasm.WasmModule;

import java.util.List;

/** Entry point of the WAT parser inside the module: source bytes to the module model. */
public final class TextParser {
    private TextParser() {
    }

    /**
     * Parses a module: {@code (module $id? field*)} or a sequence of module fields.
     *
     * @param src        UTF-8 source
     * @param start      first byte
     * @param end        end of the source (exclusive)
     * @param sourceName name for error positions
     * @param line       line of the first byte
     * @param col        column of the first byte
     * @throws dev.robusta.wasm.CompileException MALFORMED, with the position
     */
    public static WasmModule parseModule(byte[] src, int start, int end, String sourceName, int line, int col,
                                         Features features) {
        SexpReader reader = new SexpReader(new Lexer(src, start, end, sourceName, line, col));
        List<Sexp> nodes = reader.readAll();
        WasmModule m = parseModule(nodes, sourceName, features);
        if (reader.strayClose() != null) {
            throw reader.strayClose();
        }
        return m;
    }

    /** Parses a module from already-read S-expressions. */
    static WasmModule parseModule(List<Sexp> nodes, String sourceName, Features features) {
        Ctx ctx = new Ctx(sourceName, features);
        if (nodes.size() >= 1 && nodes.get(0).isList("module")) {
            Sexp m = nodes.get(0);
            if (nodes.size() > 1) {
                throw ctx.unexpected(nodes.get(1).token);
            }
            Cursor c = new Cursor(m, 1);
            if (c.peekKeyword("definition")) {
                c.next();
            }
            Sexp name = Ctx.optId(c);
            List<Sexp> fields = m.items.subList(c.pos, m.items.size());
            return new ModuleBuilder(ctx).build(name, fields);
        }
        return new ModuleBuilder(ctx).build(null, nodes);
    }
}
