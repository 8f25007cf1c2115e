package dev.robusta.wasm.binary;

/**
 * The memory section: memory types.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#memory-section">Memory section</a>
 */
final class MemorySectionReader {
    private MemorySectionReader() {
    }

    static void read(DecoderContext c) {
        int n = c.in.vecLength(1);
        for (int i = 0; i < n; i++) {
            c.module.memories().add(TypeReader.memoryType(c));
        }
    }
}
