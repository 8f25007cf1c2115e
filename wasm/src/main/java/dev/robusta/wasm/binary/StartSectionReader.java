package dev.robusta.wasm.binary;

/**
 * The start section: the index of the start function.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#start-section">Start section</a>
 */
final class StartSectionReader {
    private StartSectionReader() {
    }

    static void read(DecoderContext c) {
        int funcIdx = c.in.u32();
        // The model keeps -1 for "no start"; an index of 2^31 or more cannot name a function of any module
        // that fits in memory, so it is kept as an index that is just as unknown.
        c.module.setStart(funcIdx < 0 ? Integer.MAX_VALUE : funcIdx);
    }
}
