package dev.robusta.wasm;

/**
 * A data segment.
 *
 * @param flags  binary encoding: 0 = active in memory 0, 1 = passive, 2 = active with an explicit memory index
 * @param mode   active or passive
 * @param memIdx the memory of an active segment
 * @param offset the offset expression of an active segment, else null
 * @param init   the bytes
 */
public record DataSegment(int flags, SegmentMode mode, int memIdx, Expression offset, byte[] init) {
}
