package dev.robusta.wasm.binary;

import dev.robusta.wasm.ValType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that writes the primitive encodings of the binary format, always canonically
 * (the shortest LEB128).
 */
public class ByteWriter {
    private byte[] buf;
    private int size;

    public ByteWriter() {
        this(64);
    }

    public ByteWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }

    public int size() {
        return size;
    }

    public ByteWriter u8(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    /** An unsigned LEB128 of a u32 held in an int. */
    public ByteWriter u32(int v) {
        return u64(Integer.toUnsignedLong(v));
    }

    /** An unsigned LEB128 of a u64 held in a long. */
    public ByteWriter u64(long v) {
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            u8(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return this;
    }

    /** A signed LEB128 (s32, s33 or s64). */
    public ByteWriter s64(long v) {
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            u8(done ? b : b | 0x80);
            if (done) {
                return this;
            }
        }
    }

    public ByteWriter s32(int v) {
        return s64(v);
    }

    public ByteWriter fixed32(int v) {
        u8(v);
        u8(v >>> 8);
        u8(v >>> 16);
        return u8(v >>> 24);
    }

    public ByteWriter fixed64(long v) {
        fixed32((int) v);
        return fixed32((int) (v >>> 32));
    }

    public ByteWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public ByteWriter bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    /** A name: u32 length and UTF-8 bytes. */
    public ByteWriter name(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        u32(b.length);
        return bytes(b);
    }

    /** A vector of bytes: u32 length and the bytes. */
    public ByteWriter byteVec(byte[] b) {
        u32(b.length);
        return bytes(b);
    }

    /** A heap type as s33. */
    public ByteWriter heapType(int ht) {
        return s64(ht);
    }

    /**
     * A value or storage type, using the one-byte shorthand for nullable abstract reference types
     * ({@code funcref} is 0x70).
     */
    public ByteWriter valType(ValType t) {
        if (!t.isReference()) {
            return u8(t.code());
        }
        if (t.isNullable() && ValType.isAbstractHeapType(t.heapType())) {
            return u8(t.heapType() + 0x80);
        }
        u8(t.code());
        return heapType(t.heapType());
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** Forgets everything written. */
    public void reset() {
        size = 0;
    }
}
