package dev.robusta.wasm.binary;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.DataSegment;
import dev.robusta.wasm.Expression;
import dev.robusta.wasm.SegmentMode;

/**
 * The data section, in its three encodings: 0 active in memory 0, 1 passive, 2 active with a memory index.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#data-section">Data section</a>
 */
final class DataSectionReader {
    private DataSectionReader() {
    }

    static void read(DecoderContext c) {
        int n = c.in.vecLength(1);
        for (int i = 0; i < n; i++) {
            c.module.datas().add(segment(c));
        }
    }

    private static DataSegment segment(DecoderContext c) {
        long at = c.in.offset();
        int flags = c.in.u32();
        switch (flags) {
            case 0: {
                Expression offset = ExpressionReader.read(c, false);
                return new DataSegment(0, SegmentMode.ACTIVE, 0, offset, c.in.byteVec());
            }
            case 1:
                return new DataSegment(1, SegmentMode.PASSIVE, 0, null, c.in.byteVec());
            case 2: {
                int memIdx = c.in.u32();
                Expression offset = ExpressionReader.read(c, false);
                return new DataSegment(2, SegmentMode.ACTIVE, memIdx, offset, c.in.byteVec());
            }
            default:
                throw CompileException.malformed("malformed data segment kind", at);
        }
    }
}
