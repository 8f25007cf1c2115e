package dev.robusta.wasm.binary;

/**
 * The tag section (exception handling, id 13): tag types.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#tag-section">Tag section</a>
 */
final class TagSectionReader {
    private TagSectionReader() {
    }

    static void read(DecoderContext c) {
        int n = c.in.vecLength(1);
        for (int i = 0; i < n; i++) {
            c.module.tags().add(TypeReader.tagType(c));
        }
    }
}
