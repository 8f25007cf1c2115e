package dev.robusta.wasm.binary;

/**
 * The function section: the type index of each function the module defines.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#function-section">Function
 *      section</a>
 */
final class FunctionSectionReader {
    private FunctionSectionReader() {
    }

    static void read(DecoderContext c) {
        int n = c.in.vecLength(1);
        for (int i = 0; i < n; i++) {
            c.module.functions().add(c.in.u32());
        }
    }
}
