package dev.robusta.wasm.binary;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.Export;
import dev.robusta.wasm.ExternKind;

/**
 * The export section: a name, a kind and an index.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#export-section">Export section</a>
 */
final class ExportSectionReader {
    private ExportSectionReader() {
    }

    static void read(DecoderContext c) {
        int n = c.in.vecLength(1);
        for (int i = 0; i < n; i++) {
            String name = c.in.name();
            int code = c.in.u8();
            ExternKind kind = ExternKind.ofCode(code);
            if (kind == null || (kind == ExternKind.TAG && !c.features.exceptions())) {
                throw CompileException.malformed("malformed export kind", c.in.offset() - 1);
            }
            c.module.exports().add(new Export(name, kind, c.in.u32()));
        }
    }
}
