package dev.robusta.runtime.internal;

import dev.robusta.runtime.Memory;
import dev.robusta.wasm.Limits;
import dev.robusta.wasm.MemoryType;
import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A linear memory held in one {@code byte[]}, read and written through little-endian {@link VarHandle}s.
 * A Java array holds less than 2 GiB, so this representation stops at {@link #MAX_PAGES} pages; growth
 * beyond fails as {@code memory.grow} allows.
 *
 * <p>The array has room to grow: its length is the memory's capacity, and {@link #length} its size in bytes.
 * Growing within the capacity only moves {@link #length}; beyond it, {@link #bytes} is replaced by an array
 * half as large again (at most the maximum), so that a program that grows its memory a page at a time, as
 * {@code sbrk} does, copies it a logarithmic number of times, not once per page. Every access is checked
 * against {@link #length}, never against the array's length; the bytes past {@link #length} are zero,
 * since nothing can write them.
 *
 * <p>Engines read {@link #length}, then {@link #bytes}, into locals, and read them again after anything that
 * can grow the memory. In that order, the array read is at least as new as the length (both are volatile
 * and {@link #grow} writes the array first), so {@code length <= bytes.length} holds for the pair even when
 * another thread grows the memory: the bounds check of an access cannot let it past the array's end.
 */
public final class ByteArrayMemory implements Memory {
    /** The most 64 KiB pages a {@code byte[]} can hold (2 GiB - 64 KiB). */
    public static final int MAX_PAGES = 32767;
    /** The most bytes a memory may hold in this representation. */
    static final long MAX_BYTES = (long) MAX_PAGES * PAGE_SIZE;

    static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final byte[] EMPTY = new byte[0];

    /** The contents and the room to grow; replaced by {@link #grow} when the room runs out. */
    public volatile byte[] bytes;
    /** The size in bytes: the bound of every access. At most {@code bytes.length}. */
    public volatile int length;
    /** Whether addresses are i64 (memory64). */
    public final boolean is64;
    /** log2 of the page size: 16 for 64 KiB pages; the custom-page-sizes proposal allows 0. */
    private final int pageShift;
    private final long declaredMax;
    private final long maxPages;

    private ByteArrayMemory(byte[] bytes, boolean is64, int pageShift, long declaredMax, long maxPages) {
        this.bytes = bytes;
        this.length = bytes.length;
        this.is64 = is64;
        this.pageShift = pageShift;
        this.declaredMax = declaredMax;
        this.maxPages = maxPages;
    }

    /**
     * A memory of {@code type}'s minimum size.
     *
     * @param capPages the configured cap on the size, in 64 KiB pages (whatever the memory's page size)
     * @throws TrapException ({@link Trap#OUT_OF_MEMORY}) when the minimum exceeds the cap or cannot be
     *         allocated
     */
    public static ByteArrayMemory create(MemoryType type, int capPages) {
        Limits limits = type.limits();
        int shift = type.pageSizeLog2();
        long declaredMax = limits.hasMax() ? limits.max() : -1;
        long capBytes = Math.min((long) capPages * PAGE_SIZE, MAX_BYTES);
        long capInPages = capBytes >> shift;
        long min = limits.min();
        if (min < 0 || min > capInPages) {
            throw new TrapException(Trap.OUT_OF_MEMORY, "out of memory: a memory of " + Long.toUnsignedString(min)
                    + " pages exceeds the limit of " + capInPages + " pages");
        }
        long max = declaredMax >= 0 ? Math.min(capInPages, declaredMax) : capInPages;
        byte[] bytes;
        try {
            bytes = min == 0 ? EMPTY : new byte[(int) (min << shift)];
        } catch (OutOfMemoryError e) {
            throw new TrapException(Trap.OUT_OF_MEMORY, "out of memory: cannot allocate " + min + " pages", e);
        }
        return new ByteArrayMemory(bytes, limits.is64(), shift, declaredMax, Math.max(max, min));
    }

    @Override
    public MemoryType type() {
        return new MemoryType(new Limits(size(), Math.max(declaredMax, 0), declaredMax >= 0, is64, false), pageShift);
    }

    @Override
    public int size() {
        return length >>> pageShift;
    }

    /** log2 of the page size (16 unless the custom-page-sizes proposal says otherwise). */
    public int pageSizeLog2() {
        return pageShift;
    }

    @Override
    public long byteSize() {
        return length;
    }

    @Override
    public long maximum() {
        return declaredMax;
    }

    /**
     * {@code memory.grow} with a delta given as a slot: u32 for a 32-bit memory, u64 for a 64-bit one.
     *
     * @return the old size, or -1
     */
    public long growBy(long deltaSlot) {
        long delta = is64 ? deltaSlot : deltaSlot & 0xFFFF_FFFFL;
        return delta < 0 || delta > maxPages ? -1 : grow((int) delta);
    }

    /** The number of pages this memory can grow to: its declared maximum, the cap, or the representation's. */
    public long maxPages() {
        return maxPages;
    }

    @Override
    public synchronized int grow(int deltaPages) {
        int pages = length >>> pageShift;
        long newPages = pages + Integer.toUnsignedLong(deltaPages);
        if (newPages > maxPages) {
            return -1;
        }
        int newLength = (int) (newPages << pageShift);
        byte[] old = bytes;
        if (newLength > old.length) {
            byte[] grown = allocate(old, newLength, (int) Math.min(maxPages << pageShift, MAX_BYTES));
            if (grown == null) {
                return -1;
            }
            bytes = grown;
        }
        length = newLength;
        return pages;
    }

    /**
     * A copy of {@code old} with room for at least {@code needed} bytes: half as large again as {@code old}
     * when that fits under {@code max} and in the heap, else exactly {@code needed}; null when even that
     * cannot be allocated.
     */
    private static byte[] allocate(byte[] old, int needed, int max) {
        long roomy = Math.min(max, old.length + (old.length >> 1));
        if (roomy > needed) {
            try {
                return Arrays.copyOf(old, (int) roomy);
            } catch (OutOfMemoryError e) {
                // fall back to the exact size
            }
        }
        try {
            return Arrays.copyOf(old, needed);
        } catch (OutOfMemoryError e) {
            return null;
        }
    }

    private int index(long address, int size) {
        if (address < 0 || address > length - (long) size) {
            throw Traps.outOfBoundsMemory();
        }
        return (int) address;
    }

    @Override
    public byte readByte(long address) {
        return bytes[index(address, 1)];
    }

    @Override
    public short readShort(long address) {
        return (short) SHORT.get(bytes, index(address, 2));
    }

    @Override
    public int readInt(long address) {
        return (int) INT.get(bytes, index(address, 4));
    }

    @Override
    public long readLong(long address) {
        return (long) LONG.get(bytes, index(address, 8));
    }

    @Override
    public float readFloat(long address) {
        return Float.intBitsToFloat(readInt(address));
    }

    @Override
    public double readDouble(long address) {
        return Double.longBitsToDouble(readLong(address));
    }

    @Override
    public void writeByte(long address, byte value) {
        bytes[index(address, 1)] = value;
    }

    @Override
    public void writeShort(long address, short value) {
        SHORT.set(bytes, index(address, 2), value);
    }

    @Override
    public void writeInt(long address, int value) {
        INT.set(bytes, index(address, 4), value);
    }

    @Override
    public void writeLong(long address, long value) {
        LONG.set(bytes, index(address, 8), value);
    }

    @Override
    public void writeFloat(long address, float value) {
        writeInt(address, Float.floatToRawIntBits(value));
    }

    @Override
    public void writeDouble(long address, double value) {
        writeLong(address, Double.doubleToRawLongBits(value));
    }

    @Override
    public byte[] readBytes(long address, int length) {
        byte[] out = new byte[checkLength(length)];
        readBytes(address, out, 0, length);
        return out;
    }

    @Override
    public void readBytes(long address, byte[] dest, int offset, int length) {
        checkLength(length);
        int i = index(address, length);
        System.arraycopy(bytes, i, dest, offset, length);
    }

    @Override
    public void writeBytes(long address, byte[] src) {
        writeBytes(address, src, 0, src.length);
    }

    @Override
    public void writeBytes(long address, byte[] src, int offset, int length) {
        checkLength(length);
        if (offset < 0 || offset > src.length - length) {
            throw new IndexOutOfBoundsException("source range " + offset + "+" + length + " of " + src.length);
        }
        int i = index(address, length);
        System.arraycopy(src, offset, bytes, i, length);
    }

    @Override
    public void fill(long address, byte value, long length) {
        if (length < 0 || length > Integer.MAX_VALUE) {
            throw Traps.outOfBoundsMemory();
        }
        int i = index(address, (int) length);
        Arrays.fill(bytes, i, i + (int) length, value);
    }

    @Override
    public String readString(long address, int length) {
        checkLength(length);
        int i = index(address, length);
        return new String(bytes, i, length, StandardCharsets.UTF_8);
    }

    @Override
    public int writeString(long address, String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        writeBytes(address, b);
        return b.length;
    }

    private static int checkLength(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length: " + length);
        }
        return length;
    }

    @Override
    public String toString() {
        return "Memory[" + size() + " pages" + (declaredMax >= 0 ? ", max " + declaredMax : "") + "]";
    }
}
