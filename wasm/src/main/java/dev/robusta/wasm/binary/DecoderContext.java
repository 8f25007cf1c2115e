package dev.robusta.wasm.binary;

import dev.robusta.wasm.Features;
import dev.robusta.wasm.WasmModule;

/**
 * What the section readers share while one module is decoded: the reader over the whole binary, the
 * features in force, the module being built, and what later checks need to know.
 *
 * <p>Like the reference interpreter, sections are read from the whole binary, not from a view narrowed to
 * the declared section size; the size is checked once the section has been read ("section size mismatch").
 * That is what gives the spec's messages when a count or a length does not match its section.
 *
 * <p>Vector lengths are checked with {@link ByteReader#vecLength(int)} and a minimum of one byte per
 * element, which every element takes: the memory a module costs stays proportional to its size, and, as in
 * the reference interpreter, a vector cut short reports its first malformed element rather than its end.
 */
final class DecoderContext {
    final ByteReader in;
    final Features features;
    final WasmModule module = new WasmModule();
    /** Whether a function body uses a data segment index (memory.init, data.drop, ...). */
    boolean usesDataIndices;

    DecoderContext(byte[] bytes, Features features) {
        this.in = new ByteReader(bytes);
        this.features = features;
    }
}
