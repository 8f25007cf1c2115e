package dev.robusta.wasm.binary;

/**
 * The data count section: the number of data segments, announced before the code section.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#data-count-section">Data count
 *      section</a>
 */
final class DataCountSectionReader {
    private DataCountSectionReader() {
    }

    static void read(DecoderContext c) {
        c.module.setDataCount(Integer.toUnsignedLong(c.in.u32()));
    }
}
