package dev.robusta.wasm;

/**
 * Limits of a memory (in pages) or a table (in elements).
 *
 * @param min    u64 minimum
 * @param max    u64 maximum, meaningful only when {@code hasMax}
 * @param hasMax whether a maximum is declared
 * @param is64   whether the memory or table is indexed by i64 (memory64 / table64)
 * @param shared whether the memory is shared (threads)
 * @see <a href="https://webassembly.github.io/spec/core/syntax/types.html#limits">Limits</a>
 */
public record Limits(long min, long max, boolean hasMax, boolean is64, boolean shared) {
    /** {@code min} with no maximum, 32-bit, unshared. */
    public static Limits of(long min) {
        return new Limits(min, 0, false, false, false);
    }

    /** {@code min..max}, 32-bit, unshared. */
    public static Limits of(long min, long max) {
        return new Limits(min, max, true, false, false);
    }

    @Override
    public String toString() {
        return (is64 ? "i64 " : "") + Long.toUnsignedString(min) + (hasMax ? " " + Long.toUnsignedString(max) : "")
                + (shared ? " shared" : "");
    }
}
