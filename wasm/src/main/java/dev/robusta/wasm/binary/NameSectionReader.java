package dev.robusta.wasm.binary;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.NameSection;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code name} custom section: the module name (subsection 0), function names (1) and local names (2).
 * Other subsections are skipped. The spec makes the name section optional to understand, so a malformed
 * one is ignored as a whole rather than failing the module.
 *
 * @see <a href="https://webassembly.github.io/spec/core/appendix/custom.html#name-section">Name section</a>
 */
final class NameSectionReader {
    private static final int MODULE = 0, FUNCTIONS = 1, LOCALS = 2;

    private NameSectionReader() {
    }

    /**
     * @param content the section's bytes after its name
     * @param offset  the module offset of {@code content[0]}
     * @return the names, or empty when the section is malformed
     */
    static Optional<NameSection> read(byte[] content, long offset) {
        try {
            return Optional.of(decode(new ByteReader(content, 0, content.length, offset)));
        } catch (CompileException malformed) {
            return Optional.empty(); // a malformed name section is ignored (spec appendix, custom sections)
        }
    }

    private static NameSection decode(ByteReader in) {
        String moduleName = null;
        Map<Integer, String> functionNames = Map.of();
        Map<Integer, Map<Integer, String>> localNames = Map.of();
        int lastId = -1;
        while (in.hasRemaining()) {
            int id = in.u8();
            int size = in.vecLength(0);
            int end = in.position() + size;
            if (id <= lastId) {
                throw in.malformed("name subsections out of order");
            }
            lastId = id;
            switch (id) {
                case MODULE:
                    moduleName = in.name();
                    break;
                case FUNCTIONS:
                    functionNames = nameMap(in);
                    break;
                case LOCALS: {
                    int n = in.vecLength(2);
                    Map<Integer, Map<Integer, String>> locals = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        int funcIdx = in.u32();
                        if (locals.put(funcIdx, nameMap(in)) != null) {
                            throw in.malformed("duplicate function in local names");
                        }
                    }
                    localNames = Collections.unmodifiableMap(locals);
                    break;
                }
                default:
                    in.skip(size);
                    break;
            }
            if (in.position() != end) {
                throw in.malformed("name subsection size mismatch");
            }
        }
        return new NameSection(moduleName, functionNames, localNames);
    }

    private static Map<Integer, String> nameMap(ByteReader in) {
        int n = in.vecLength(2);
        Map<Integer, String> names = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            int idx = in.u32();
            if (names.put(idx, in.name()) != null) {
                throw in.malformed("duplicate index in name map");
            }
        }
        return Collections.unmodifiableMap(names);
    }
}
