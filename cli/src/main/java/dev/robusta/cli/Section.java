package dev.robusta.cli;

import dev.robusta.wasm.binary.ByteReader;
import dev.robusta.wasm.binary.SectionId;
import java.util.ArrayList;
import java.util.List;

/**
 * One section of a binary module, as {@code robusta inspect} lists it.
 *
 * @param id        the section id ({@link SectionId})
 * @param name      the custom section's name, or null for a known section
 * @param start     the offset of the section's content (after its id and size)
 * @param size      the size of the content in bytes
 * @param count     the number of entries of a vector section (types, imports, ...), the function index of
 *                  the start section, the data count; -1 for a custom section
 * @param bodySizes for the code section, the size of each function body (locals and instructions); else empty
 */
record Section(int id, String name, int start, int size, long count, List<Integer> bodySizes) {
    private static final String[] NAMES = {"custom", "type", "import", "function", "table", "memory", "global",
        "export", "start", "elem", "code", "data", "datacount", "tag"};

    /** The section's name in the binary format's terms: {@code type}, {@code code}, {@code custom}, .... */
    String kind() {
        return id < NAMES.length ? NAMES[id] : "unknown(" + id + ")";
    }

    /**
     * The sections of a binary module, in order. Only the section headers and the first number of each
     * section are read (the module is decoded fully elsewhere).
     *
     * @throws dev.robusta.wasm.CompileException (MALFORMED) when the headers are not well-formed
     */
    static List<Section> of(byte[] module) {
        ByteReader r = new ByteReader(module);
        r.require(8);
        r.skip(8); // magic and version
        List<Section> sections = new ArrayList<>();
        while (r.hasRemaining()) {
            int id = r.u8();
            int size = r.u32();
            int start = r.position();
            r.require(Integer.toUnsignedLong(size));
            ByteReader content = new ByteReader(module, start, start + size, 0);
            String name = null;
            long count = -1;
            List<Integer> bodies = List.of();
            if (id == SectionId.CUSTOM) {
                name = content.name();
            } else if (id == SectionId.CODE) {
                count = Integer.toUnsignedLong(content.u32());
                bodies = bodySizes(content, count);
            } else if (content.hasRemaining()) {
                count = Integer.toUnsignedLong(content.u32());
            }
            sections.add(new Section(id, name, start, size, count, bodies));
            r.position(start + size);
        }
        return sections;
    }

    private static List<Integer> bodySizes(ByteReader content, long count) {
        List<Integer> sizes = new ArrayList<>();
        for (long i = 0; i < count && content.hasRemaining(); i++) {
            int size = content.u32();
            content.skip(Integer.toUnsignedLong(size));
            sizes.add(size);
        }
        return List.copyOf(sizes);
    }
}
