package dev.robusta.wasm.binary;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.ValType;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the primitive encodings of the binary format from a byte range: bytes, LEB128 integers, floats,
 * names and value types. Every failure is a {@link CompileException} of kind MALFORMED with the spec's
 * message and the absolute offset; nothing is allocated before its length is checked against the bytes
 * that remain.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/values.html">Binary values</a>
 */
public final class ByteReader {
    private final byte[] buf;
    private int pos;
    private int limit;
    private final long base;

    /**
     * @param buf   the bytes
     * @param start first byte to read
     * @param limit one past the last byte to read
     * @param base  the module offset of {@code buf[0]} (for error offsets)
     */
    public ByteReader(byte[] buf, int start, int limit, long base) {
        this.buf = buf;
        this.pos = start;
        this.limit = limit;
        this.base = base;
    }

    public ByteReader(byte[] buf) {
        this(buf, 0, buf.length, 0);
    }

    /** The index of the next byte in the buffer. */
    public int position() {
        return pos;
    }

    public void position(int newPos) {
        this.pos = newPos;
    }

    /** The module offset of the next byte. */
    public long offset() {
        return base + pos;
    }

    public int limit() {
        return limit;
    }

    /** Narrows or restores the readable end (for sections and function bodies). */
    public void limit(int newLimit) {
        this.limit = newLimit;
    }

    public byte[] buffer() {
        return buf;
    }

    public int remaining() {
        return limit - pos;
    }

    public boolean hasRemaining() {
        return pos < limit;
    }

    /** A malformed-module error at the current offset. */
    public CompileException malformed(String message) {
        return CompileException.malformed(message, offset());
    }

    /**
     * Running out of bytes. The reference interpreter reports every end of input this way, whether in a
     * section, a function body or the module header ("unexpected end" is a prefix of it).
     */
    private CompileException unexpectedEnd() {
        return malformed("unexpected end of section or function");
    }

    public int u8() {
        if (pos >= limit) {
            throw unexpectedEnd();
        }
        return buf[pos++] & 0xFF;
    }

    /** The next byte without consuming it. */
    public int peek() {
        if (pos >= limit) {
            throw unexpectedEnd();
        }
        return buf[pos] & 0xFF;
    }

    /** An unsigned LEB128 of at most 32 bits, returned as int (u32). */
    public int u32() {
        return (int) unsigned(32);
    }

    /** An unsigned LEB128 of at most 64 bits (u64 in a long). */
    public long u64() {
        return unsigned(64);
    }

    /** A signed LEB128 of at most 32 bits. */
    public int s32() {
        return (int) signed(32);
    }

    /** A signed LEB128 of at most 33 bits (block types, heap types). */
    public long s33() {
        return signed(33);
    }

    /** A signed LEB128 of at most 64 bits. */
    public long s64() {
        return signed(64);
    }

    private long unsigned(int bits) {
        long result = 0;
        int shift = 0;
        int maxBytes = (bits + 6) / 7;
        for (int i = 0; i < maxBytes; i++) {
            int b = u8();
            if (i == maxBytes - 1) {
                // As the reference interpreter: the value bits first, then the continuation bit.
                int usedBits = bits - shift;
                if (usedBits < 7 && ((b & 0x7F) >>> usedBits) != 0) {
                    throw CompileException.malformed("integer too large", offset() - 1);
                }
                if ((b & 0x80) != 0) {
                    throw malformed("integer representation too long");
                }
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
            shift += 7;
        }
        throw new AssertionError();
    }

    private long signed(int bits) {
        long result = 0;
        int shift = 0;
        int maxBytes = (bits + 6) / 7;
        for (int i = 0; i < maxBytes; i++) {
            int b = u8();
            if (i == maxBytes - 1) {
                // As the reference interpreter: the value bits first, then the continuation bit.
                int usedBits = bits - shift; // bits of the value in this byte, the top one being the sign
                if (usedBits < 7) {
                    int signAndUnused = (b & 0x7F) >> (usedBits - 1); // the sign bit and the unused bits above it
                    if (signAndUnused != 0 && signAndUnused != (0x7F >> (usedBits - 1))) {
                        throw CompileException.malformed("integer too large", offset() - 1);
                    }
                }
                if ((b & 0x80) != 0) {
                    throw malformed("integer representation too long");
                }
            }
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                if (shift < 64 && (b & 0x40) != 0) {
                    result |= -1L << shift;
                }
                return result;
            }
        }
        throw new AssertionError();
    }

    /** Four bytes, little-endian (f32 bits). */
    public int fixed32() {
        require(4);
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16 | (buf[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    /** Eight bytes, little-endian (f64 bits, or half a v128). */
    public long fixed64() {
        long lo = fixed32() & 0xFFFFFFFFL;
        long hi = fixed32() & 0xFFFFFFFFL;
        return lo | hi << 32;
    }

    /** Throws "unexpected end" unless {@code n} bytes remain. */
    public void require(long n) {
        if (n < 0 || n > remaining()) {
            pos = limit;
            throw unexpectedEnd();
        }
    }

    /** {@code n} raw bytes, checked against what remains before allocating ("unexpected end" otherwise). */
    public byte[] bytes(long n) {
        require(n);
        byte[] out = new byte[(int) n];
        System.arraycopy(buf, pos, out, 0, (int) n);
        pos += (int) n;
        return out;
    }

    /** Skips {@code n} bytes. */
    public void skip(long n) {
        require(n);
        pos += (int) n;
    }

    /**
     * A vector length (u32) that is checked to be possible before anything is allocated. As the reference
     * interpreter's {@code len32}, a length larger than the bytes left from the length's own first byte is
     * "length out of bounds"; then, since each element takes at least {@code minElementBytes} bytes, a
     * vector that cannot fit in the remaining bytes is "unexpected end of section or function".
     */
    public int vecLength(int minElementBytes) {
        int before = pos;
        long n = Integer.toUnsignedLong(u32());
        if (n > limit - before) {
            throw CompileException.malformed("length out of bounds", base + before);
        }
        if (minElementBytes > 0 && n * minElementBytes > remaining()) {
            pos = limit;
            throw unexpectedEnd();
        }
        return (int) n;
    }

    /** A byte vector: a u32 length (checked as by {@link #vecLength(int)}) and that many bytes. */
    public byte[] byteVec() {
        return bytes(vecLength(0));
    }

    /** A name: a u32 length (checked as by {@link #vecLength(int)}) and that many bytes of valid UTF-8. */
    public String name() {
        long at = offset();
        int len = vecLength(0);
        require(len);
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, pos, len))
                    .toString();
            pos += len;
            return s;
        } catch (CharacterCodingException e) {
            throw CompileException.malformed("malformed UTF-8 encoding", at);
        }
    }

    /**
     * A heap type (s33): an abstract heap type (negative, as in {@link ValType#HT_FUNC}) or a type index.
     */
    public int heapType() {
        long at = offset();
        long ht = s33();
        if (ht >= 0) {
            if (ht > Integer.MAX_VALUE) {
                throw CompileException.malformed("integer too large", at);
            }
            return (int) ht;
        }
        if (!ValType.isAbstractHeapType((int) ht)) {
            throw CompileException.malformed("malformed heap type", at);
        }
        return (int) ht;
    }

    /** A value type: number, vector or reference type (shorthand or {@code ref null? ht}). */
    public ValType valType() {
        long at = offset();
        int b = u8();
        ValType t = ValType.ofCode(b);
        if (t != null && !t.isPacked()) {
            return t;
        }
        ValType r = refTypeAfter(b, at);
        if (r == null) {
            throw CompileException.malformed("malformed value type", at);
        }
        return r;
    }

    /** A reference type. */
    public ValType refType() {
        long at = offset();
        int b = u8();
        ValType r = refTypeAfter(b, at);
        if (r == null) {
            throw CompileException.malformed("malformed reference type", at);
        }
        return r;
    }

    /** A storage type: a value type or a packed type. */
    public ValType storageType() {
        int b = peek();
        if (b == ValType.CODE_I8 || b == ValType.CODE_I16) {
            pos++;
            return ValType.ofCode(b);
        }
        return valType();
    }

    private ValType refTypeAfter(int b, long at) {
        if (b == ValType.CODE_REF || b == ValType.CODE_REF_NULL) {
            return ValType.ref(b == ValType.CODE_REF_NULL, heapType());
        }
        int ht = b - 0x80; // a single-byte s33 with the sign bit (0x40) set reads as b - 0x80
        if ((b & 0x80) == 0 && (b & 0x40) != 0 && ValType.isAbstractHeapType(ht)) {
            return ValType.ref(true, ht);
        }
        return null;
    }
}
