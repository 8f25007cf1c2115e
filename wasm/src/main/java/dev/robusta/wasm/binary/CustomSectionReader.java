package dev.robusta.wasm.binary;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.CustomSection;

/**
 * A custom section: a name and opaque bytes, kept with its placement so the encoder can write it back
 * where it was. The {@code name} section is also decoded into the module's {@link
 * dev.robusta.wasm.NameSection}.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#custom-section">Custom section</a>
 */
final class CustomSectionReader {
    private CustomSectionReader() {
    }

    /**
     * @param size      the declared section size (already checked against the bytes left)
     * @param placement the id of the last non-custom section before this one, or 0
     */
    static void read(DecoderContext c, int size, int placement) {
        ByteReader in = c.in;
        int start = in.position();
        String name = in.name();
        int contentLength = size - (in.position() - start);
        if (contentLength < 0) {
            // The name ran past the section: as the reference interpreter, an end of data.
            in.position(in.limit());
            throw CompileException.malformed("unexpected end of section or function", in.offset());
        }
        int contentStart = in.position();
        byte[] content = in.bytes(contentLength);
        c.module.customSections().add(new CustomSection(name, content, placement));
        if (name.equals("name")) {
            NameSectionReader.read(content, contentStart).ifPresent(c.module::setNames);
        }
    }
}
