package dev.robusta.runtime;

import dev.robusta.runtime.internal.ByteArrayMemory;
import dev.robusta.wasm.Limits;
import dev.robusta.wasm.MemoryType;

/**
 * A linear memory: an exported or imported memory, or one made by the host with {@link #create}.
 * Addresses are unsigned byte offsets given as {@code long}; multi-byte values are little-endian.
 * Every access out of range throws a {@link dev.robusta.wasm.TrapException} of kind
 * {@link dev.robusta.wasm.Trap#OUT_OF_BOUNDS_MEMORY_ACCESS}.
 *
 * <p>This is an interface for decoupling, not for implementation by users: only memories made by
 * Robusta can be imported.
 */
public interface Memory {
    /** The size of a page in bytes. */
    int PAGE_SIZE = 65536;

    /**
     * A new memory of {@code type.limits().min()} zeroed pages. Growth is capped by
     * {@link RuntimeConfig#DEFAULT}'s {@link RuntimeConfig#maxMemoryPages()}.
     *
     * @throws dev.robusta.wasm.TrapException ({@link dev.robusta.wasm.Trap#OUT_OF_MEMORY}) when the minimum
     *         cannot be allocated
     */
    static Memory create(MemoryType type) {
        return ByteArrayMemory.create(type, RuntimeConfig.DEFAULT.maxMemoryPages());
    }

    /** A new memory of {@code minPages} pages that can grow without a declared maximum. */
    static Memory create(int minPages) {
        return create(new MemoryType(Limits.of(minPages)));
    }

    /** A new memory of {@code minPages} pages that can grow up to {@code maxPages}. */
    static Memory create(int minPages, int maxPages) {
        return create(new MemoryType(Limits.of(minPages, maxPages)));
    }

    /** The memory's type: its current size as the minimum and its declared maximum. */
    MemoryType type();

    /** The current size in pages. */
    int size();

    /** The current size in bytes. */
    long byteSize();

    /** The declared maximum in pages, or -1 when none was declared. */
    long maximum();

    /**
     * Grows the memory by {@code deltaPages} zeroed pages.
     *
     * @param deltaPages u32
     * @return the previous size in pages, or -1 when the memory cannot grow that much (declared maximum,
     *         {@link RuntimeConfig#maxMemoryPages()}, or the host is out of memory)
     */
    int grow(int deltaPages);

    byte readByte(long address);

    short readShort(long address);

    int readInt(long address);

    long readLong(long address);

    float readFloat(long address);

    double readDouble(long address);

    void writeByte(long address, byte value);

    void writeShort(long address, short value);

    void writeInt(long address, int value);

    void writeLong(long address, long value);

    void writeFloat(long address, float value);

    void writeDouble(long address, double value);

    /** A copy of {@code length} bytes at {@code address}. */
    byte[] readBytes(long address, int length);

    /** Copies {@code length} bytes at {@code address} into {@code dest[offset..]}. */
    void readBytes(long address, byte[] dest, int offset, int length);

    /** Writes all of {@code bytes} at {@code address}. */
    void writeBytes(long address, byte[] bytes);

    /** Writes {@code bytes[offset..offset+length)} at {@code address}. */
    void writeBytes(long address, byte[] bytes, int offset, int length);

    /** Sets {@code length} bytes at {@code address} to {@code value}. */
    void fill(long address, byte value, long length);

    /** Decodes {@code length} bytes at {@code address} as UTF-8 (malformed input replaced). */
    String readString(long address, int length);

    /**
     * Writes {@code value} at {@code address} as UTF-8 (no terminator).
     *
     * @return the number of bytes written
     */
    int writeString(long address, String value);
}
