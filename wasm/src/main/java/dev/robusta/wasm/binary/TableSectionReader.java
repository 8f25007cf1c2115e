package dev.robusta.wasm.binary;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.Expression;
import dev.robusta.wasm.Table;
import dev.robusta.wasm.TableType;

/**
 * The table section: table types, and with GC ({@code 0x40 0x00} prefix) a table type followed by the
 * constant expression that initialises every element.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#table-section">Table section</a>
 */
final class TableSectionReader {
    private TableSectionReader() {
    }

    static void read(DecoderContext c) {
        int n = c.in.vecLength(1);
        for (int i = 0; i < n; i++) {
            c.module.tables().add(table(c));
        }
    }

    private static Table table(DecoderContext c) {
        if (c.features.gc() && c.in.peek() == 0x40) {
            c.in.u8();
            if (c.in.u8() != 0) {
                throw CompileException.malformed("zero byte expected", c.in.offset() - 1);
            }
            TableType type = TypeReader.tableType(c);
            Expression init = ExpressionReader.read(c, false);
            return new Table(type, init);
        }
        return new Table(TypeReader.tableType(c), null);
    }
}
