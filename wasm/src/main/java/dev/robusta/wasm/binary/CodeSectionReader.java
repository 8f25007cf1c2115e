package dev.robusta.wasm.binary;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.Expression;
import dev.robusta.wasm.FunctionBody;
import dev.robusta.wasm.LocalGroup;

import java.util.ArrayList;
import java.util.List;

/**
 * The code section: for each defined function, its size, its locals (runs of one type) and its body. The
 * body is decoded instruction by instruction and must end with the {@code end} that closes it, exactly at
 * the declared size.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#code-section">Code section</a>
 */
final class CodeSectionReader {
    /**
     * The most locals a function may declare. The format allows 2^32-1; like other engines we stop at
     * 50,000,000, far beyond any real function, so a few bytes cannot ask for gigabytes of locals.
     */
    static final long MAX_LOCALS = 50_000_000;

    private CodeSectionReader() {
    }

    static void read(DecoderContext c) {
        int n = c.in.vecLength(1);
        for (int i = 0; i < n; i++) {
            c.module.codes().add(body(c));
        }
    }

    private static FunctionBody body(DecoderContext c) {
        ByteReader in = c.in;
        int size = in.vecLength(0);
        int start = in.position();
        List<LocalGroup> locals = locals(c);
        Expression body = ExpressionReader.read(c, true);
        if (in.position() != start + size) {
            throw CompileException.malformed("section size mismatch", start);
        }
        return new FunctionBody(locals, body);
    }

    private static List<LocalGroup> locals(DecoderContext c) {
        ByteReader in = c.in;
        long at = in.offset();
        int n = in.vecLength(1);
        List<LocalGroup> groups = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < n; i++) {
            int count = in.u32();
            groups.add(new LocalGroup(count, TypeReader.valType(c)));
            total += Integer.toUnsignedLong(count);
        }
        if (total > MAX_LOCALS) {
            throw CompileException.malformed("too many locals", at);
        }
        return groups;
    }
}
