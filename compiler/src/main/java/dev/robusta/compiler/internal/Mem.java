package dev.robusta.compiler.internal;

import dev.robusta.runtime.internal.ByteArrayMemory;
import dev.robusta.runtime.internal.Traps;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The memory instructions as the generated code calls them: each load and store is a static method named
 * after the instruction ({@code i32.load8_s} is {@link #i32Load8S}) taking the address operand, the value
 * to store if any, the memory's {@code byte[]}, its size in bytes ({@link ByteArrayMemory#length}: the array
 * may be longer) and the static offset (non-negative: see {@link #index}). The effective address is the
 * unsigned address plus the offset, computed in a {@code long} so that it cannot overflow; an access that
 * does not fit the size traps with "out of bounds memory access". The methods are small, so that the JIT
 * inlines them into the generated code.
 */
public final class Mem {
    static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final byte[] NO_DATA = new byte[0];

    private Mem() {
    }

    /**
     * The index of an access of {@code size} bytes at u32 {@code addr} + {@code offset}. The generated code
     * passes the static offset as a non-negative {@code int}: a u32 offset of 2^31 or more becomes
     * {@link Integer#MAX_VALUE}, out of bounds all the same in a memory of less than 2 GiB. Not masking it
     * keeps {@link UnsafeMem}'s check small enough for C1 to inline.
     */
    static int index(int addr, int offset, int size, int length) {
        long ea = (addr & 0xFFFF_FFFFL) + offset;
        if (ea > length - size) {
            throw Traps.outOfBoundsMemory();
        }
        return (int) ea;
    }

    // ---- loads ----

    public static int i32Load(int addr, byte[] m, int length, int offset) {
        return (int) INT.get(m, index(addr, offset, 4, length));
    }

    public static long i64Load(int addr, byte[] m, int length, int offset) {
        return (long) LONG.get(m, index(addr, offset, 8, length));
    }

    public static float f32Load(int addr, byte[] m, int length, int offset) {
        return Float.intBitsToFloat((int) INT.get(m, index(addr, offset, 4, length)));
    }

    public static double f64Load(int addr, byte[] m, int length, int offset) {
        return Double.longBitsToDouble((long) LONG.get(m, index(addr, offset, 8, length)));
    }

    public static int i32Load8S(int addr, byte[] m, int length, int offset) {
        return m[index(addr, offset, 1, length)];
    }

    public static int i32Load8U(int addr, byte[] m, int length, int offset) {
        return m[index(addr, offset, 1, length)] & 0xFF;
    }

    public static int i32Load16S(int addr, byte[] m, int length, int offset) {
        return (short) SHORT.get(m, index(addr, offset, 2, length));
    }

    public static int i32Load16U(int addr, byte[] m, int length, int offset) {
        return (short) SHORT.get(m, index(addr, offset, 2, length)) & 0xFFFF;
    }

    public static long i64Load8S(int addr, byte[] m, int length, int offset) {
        return m[index(addr, offset, 1, length)];
    }

    public static long i64Load8U(int addr, byte[] m, int length, int offset) {
        return m[index(addr, offset, 1, length)] & 0xFFL;
    }

    public static long i64Load16S(int addr, byte[] m, int length, int offset) {
        return (short) SHORT.get(m, index(addr, offset, 2, length));
    }

    public static long i64Load16U(int addr, byte[] m, int length, int offset) {
        return (short) SHORT.get(m, index(addr, offset, 2, length)) & 0xFFFFL;
    }

    public static long i64Load32S(int addr, byte[] m, int length, int offset) {
        return (int) INT.get(m, index(addr, offset, 4, length));
    }

    public static long i64Load32U(int addr, byte[] m, int length, int offset) {
        return (int) INT.get(m, index(addr, offset, 4, length)) & 0xFFFF_FFFFL;
    }

    // ---- stores ----

    public static void i32Store(int addr, int value, byte[] m, int length, int offset) {
        INT.set(m, index(addr, offset, 4, length), value);
    }

    public static void i64Store(int addr, long value, byte[] m, int length, int offset) {
        LONG.set(m, index(addr, offset, 8, length), value);
    }

    public static void f32Store(int addr, float value, byte[] m, int length, int offset) {
        INT.set(m, index(addr, offset, 4, length), Float.floatToRawIntBits(value));
    }

    public static void f64Store(int addr, double value, byte[] m, int length, int offset) {
        LONG.set(m, index(addr, offset, 8, length), Double.doubleToRawLongBits(value));
    }

    public static void i32Store8(int addr, int value, byte[] m, int length, int offset) {
        m[index(addr, offset, 1, length)] = (byte) value;
    }

    public static void i32Store16(int addr, int value, byte[] m, int length, int offset) {
        SHORT.set(m, index(addr, offset, 2, length), (short) value);
    }

    public static void i64Store8(int addr, long value, byte[] m, int length, int offset) {
        m[index(addr, offset, 1, length)] = (byte) value;
    }

    public static void i64Store16(int addr, long value, byte[] m, int length, int offset) {
        SHORT.set(m, index(addr, offset, 2, length), (short) value);
    }

    public static void i64Store32(int addr, long value, byte[] m, int length, int offset) {
        INT.set(m, index(addr, offset, 4, length), (int) value);
    }

    // ---- size, grow and bulk memory ----

    /** memory.grow: the old size in pages, or -1. The caller reloads the length and the {@code byte[]} afterwards. */
    public static int memoryGrow(int delta, ByteArrayMemory memory) {
        return memory.grow(delta);
    }

    /** memory.fill of u32 {@code n} bytes at u32 {@code d}. */
    public static void memoryFill(int d, int value, int n, byte[] m, int length) {
        long dst = d & 0xFFFF_FFFFL, len = n & 0xFFFF_FFFFL;
        if (dst + len > length) {
            throw Traps.outOfBoundsMemory();
        }
        Arrays.fill(m, (int) dst, (int) (dst + len), (byte) value);
    }

    /** memory.copy of u32 {@code n} bytes from u32 {@code s} to u32 {@code d}. */
    public static void memoryCopy(int d, int s, int n, byte[] m, int length) {
        long dst = d & 0xFFFF_FFFFL, src = s & 0xFFFF_FFFFL, len = n & 0xFFFF_FFFFL;
        if (src + len > length || dst + len > length) {
            throw Traps.outOfBoundsMemory();
        }
        System.arraycopy(m, (int) src, m, (int) dst, (int) len);
    }

    /** memory.init of data segment {@code dataIdx}. */
    public static void memoryInit(int d, int s, int n, byte[] m, int length, Ctx ctx, int dataIdx) {
        byte[] data = ctx.instance.datas[dataIdx];
        long dst = d & 0xFFFF_FFFFL, src = s & 0xFFFF_FFFFL, len = n & 0xFFFF_FFFFL;
        if (src + len > data.length || dst + len > length) {
            throw Traps.outOfBoundsMemory();
        }
        System.arraycopy(data, (int) src, m, (int) dst, (int) len);
    }

    /** data.drop. */
    public static void dataDrop(Ctx ctx, int dataIdx) {
        ctx.instance.datas[dataIdx] = NO_DATA;
    }
}
