package dev.robusta.wasm.binary;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.ExternType;
import dev.robusta.wasm.FuncTypeUse;
import dev.robusta.wasm.Import;

/**
 * The import section: module name, field name and a descriptor (function type index, table, memory,
 * global or, with exception handling, tag type).
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#import-section">Import section</a>
 */
final class ImportSectionReader {
    private ImportSectionReader() {
    }

    static void read(DecoderContext c) {
        int n = c.in.vecLength(1);
        for (int i = 0; i < n; i++) {
            String module = c.in.name();
            String name = c.in.name();
            c.module.addImport(new Import(module, name, descriptor(c)));
        }
    }

    private static ExternType descriptor(DecoderContext c) {
        int kind = c.in.u8();
        switch (kind) {
            case 0:
                return new FuncTypeUse(c.in.u32());
            case 1:
                return TypeReader.tableType(c);
            case 2:
                return TypeReader.memoryType(c);
            case 3:
                return TypeReader.globalType(c);
            case 4:
                if (c.features.exceptions()) {
                    return TypeReader.tagType(c);
                }
                break;
            default:
                break;
        }
        throw CompileException.malformed("malformed import kind", c.in.offset() - 1);
    }
}
