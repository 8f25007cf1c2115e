package dev.robusta.wasi.internal;

import dev.robusta.runtime.Memory;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The caller's linear memory as WASI functions see it: addresses are u32 guest pointers, and every range
 * is checked before it is touched, so a bad pointer is {@link Errno#EFAULT} (as in wasmtime and wazero)
 * rather than a trap. Values are little-endian.
 */
public final class GuestMemory {
    private final Memory memory;

    /** @param memory the memory, or null when the caller exports none (every access is then EFAULT) */
    public GuestMemory(Memory memory) {
        this.memory = memory;
    }

    /** The underlying memory, or null. */
    public Memory memory() {
        return memory;
    }

    /** An argument holding a u32 (a pointer or a size), as an unsigned value. */
    public static long u32(long arg) {
        return arg & 0xFFFF_FFFFL;
    }

    /**
     * Checks that {@code [address, address + length)} lies inside the memory.
     *
     * @throws ErrnoException {@link Errno#EFAULT} when it does not
     */
    public void check(long address, long length) {
        if (memory == null || address < 0 || length < 0 || address + length > memory.byteSize()) {
            throw Errno.EFAULT.exception("[" + address + ", +" + length + ") is outside the memory");
        }
    }

    public int readU8(long address) {
        check(address, 1);
        return memory.readByte(address) & 0xFF;
    }

    public int readU16(long address) {
        check(address, 2);
        return memory.readShort(address) & 0xFFFF;
    }

    /** A u32 (or i32) as its bits; use {@link Integer#toUnsignedLong} for the unsigned value. */
    public int readI32(long address) {
        check(address, 4);
        return memory.readInt(address);
    }

    /** A u32 as an unsigned value. */
    public long readU32(long address) {
        return Integer.toUnsignedLong(readI32(address));
    }

    public long readI64(long address) {
        check(address, 8);
        return memory.readLong(address);
    }

    public void writeU8(long address, int value) {
        check(address, 1);
        memory.writeByte(address, (byte) value);
    }

    public void writeU16(long address, int value) {
        check(address, 2);
        memory.writeShort(address, (short) value);
    }

    public void writeI32(long address, int value) {
        check(address, 4);
        memory.writeInt(address, value);
    }

    public void writeI64(long address, long value) {
        check(address, 8);
        memory.writeLong(address, value);
    }

    /** A copy of {@code length} bytes. */
    public byte[] read(long address, int length) {
        check(address, length);
        return memory.readBytes(address, length);
    }

    public void write(long address, byte[] bytes, int offset, int length) {
        check(address, length);
        memory.writeBytes(address, bytes, offset, length);
    }

    public void write(long address, byte[] bytes) {
        write(address, bytes, 0, bytes.length);
    }

    public void fill(long address, byte value, long length) {
        check(address, length);
        memory.fill(address, value, length);
    }

    /**
     * A path or other string argument: {@code length} bytes of UTF-8.
     *
     * @throws ErrnoException {@link Errno#EFAULT} out of bounds, {@link Errno#EINVAL} when it holds a NUL
     *         byte, {@link Errno#EILSEQ} when it is not UTF-8
     */
    public String readPath(long address, long length) {
        if (length > Integer.MAX_VALUE) {
            throw Errno.ENAMETOOLONG.exception();
        }
        byte[] bytes = read(address, (int) length);
        for (byte b : bytes) {
            if (b == 0) {
                throw Errno.EINVAL.exception("path contains NUL");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw Errno.EILSEQ.exception("path is not UTF-8");
        }
    }

    /**
     * An array of {@code iovec} or {@code ciovec} ({@code {buf: u32, buf_len: u32}}, 8 bytes each), with
     * every buffer checked.
     */
    public Iovecs iovecs(long address, long count) {
        if (count > Integer.MAX_VALUE / 8) {
            throw Errno.EINVAL.exception("too many iovecs");
        }
        int n = (int) count;
        check(address, 8L * n);
        long[] bufs = new long[n];
        long[] lens = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            bufs[i] = readU32(address + 8L * i);
            lens[i] = readU32(address + 8L * i + 4);
            check(bufs[i], lens[i]);
            total += lens[i];
        }
        return new Iovecs(this, bufs, lens, total);
    }
}
