package dev.robusta.runtime;

/**
 * A {@code v128} value in boxed form: 16 bytes as two little-endian halves.
 *
 * @param lo bytes 0..7 (lane 0 of an i64x2 view)
 * @param hi bytes 8..15 (lane 1 of an i64x2 view)
 */
public record V128(long lo, long hi) {
    @Override
    public String toString() {
        return String.format("v128(0x%016x%016x)", hi, lo);
    }
}
