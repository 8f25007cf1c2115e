package dev.robusta.wasm.binary;

import dev.robusta.wasm.Global;
import dev.robusta.wasm.GlobalType;

/**
 * The global section: global types with their constant initializers.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#global-section">Global section</a>
 */
final class GlobalSectionReader {
    private GlobalSectionReader() {
    }

    static void read(DecoderContext c) {
        int n = c.in.vecLength(1);
        for (int i = 0; i < n; i++) {
            GlobalType type = TypeReader.globalType(c);
            c.module.globals().add(new Global(type, ExpressionReader.read(c, false)));
        }
    }
}
