package dev.robusta.compiler.internal;

import dev.robusta.runtime.internal.Traps;
import sun.misc.Unsafe;

import java.lang.reflect.Field;
import java.nio.ByteOrder;

/**
 * The loads and stores of {@link Mem} (same names and descriptors) through {@code sun.misc.Unsafe}, which the
 * generated code calls instead when {@link #AVAILABLE}. Each access checks its bounds first, exactly as
 * {@link Mem#index} does, against the length the generated code read with the array (never more than the
 * array's length: see {@link dev.robusta.runtime.internal.ByteArrayMemory}), so that an access outside the
 * memory traps and never reaches past the {@code byte[]}.
 *
 * <p>Why not the VarHandles of {@link Mem}: C2 inlines at most about 8,000 bytes of bytecode into one
 * compiled method, and an access through a byte-array view VarHandle inlines about 360 (its guard, form,
 * index check and unaligned read), so a function with more than twenty-odd accesses stops inlining them and
 * calls each one. Here an access costs about 50 (see RATIONALE.md, "Why does compiled code read memory
 * through Unsafe?").
 */
public final class UnsafeMem {
    /**
     * Whether {@code sun.misc.Unsafe} can be used: present, on a little-endian platform whose plain loads and
     * stores may be unaligned (x86-64, AArch64), on a JDK before 24 (JDK 24 and later print a warning on the
     * first use of its memory-access methods, JEP 498, which would mix with the guest's output), and not turned
     * off with {@code robusta.compiler.noUnsafe}.
     */
    static final boolean AVAILABLE;
    private static final Unsafe U;
    private static final long BASE;

    static {
        Unsafe u = null;
        long base = 0;
        String arch = System.getProperty("os.arch", "");
        boolean unaligned = arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64");
        if (unaligned && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN && Runtime.version().feature() < 24
                && !Boolean.getBoolean("robusta.compiler.noUnsafe")) {
            try {
                Field f = Unsafe.class.getDeclaredField("theUnsafe");
                f.setAccessible(true);
                u = (Unsafe) f.get(null);
                base = u.arrayBaseOffset(byte[].class);
                if (u.arrayIndexScale(byte[].class) != 1) {
                    u = null;
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                u = null;
            }
        }
        U = u;
        BASE = base;
        AVAILABLE = u != null;
    }

    private UnsafeMem() {
    }

    /**
     * The address in {@code m} of an access of {@code size} bytes at u32 {@code addr} + {@code offset}, a
     * non-negative {@code int} (see {@link Mem#index}). 32 bytes of bytecode: C1 inlines methods up to 35.
     */
    private static long at(int addr, int offset, int size, int length) {
        long ea = (addr & 0xFFFF_FFFFL) + offset;
        if (ea > length - size) {
            throw Traps.outOfBoundsMemory();
        }
        return BASE + ea;
    }

    // ---- loads ----

    public static int i32Load(int addr, byte[] m, int length, int offset) {
        return U.getInt(m, at(addr, offset, 4, length));
    }

    public static long i64Load(int addr, byte[] m, int length, int offset) {
        return U.getLong(m, at(addr, offset, 8, length));
    }

    public static float f32Load(int addr, byte[] m, int length, int offset) {
        return Float.intBitsToFloat(U.getInt(m, at(addr, offset, 4, length)));
    }

    public static double f64Load(int addr, byte[] m, int length, int offset) {
        return Double.longBitsToDouble(U.getLong(m, at(addr, offset, 8, length)));
    }

    public static int i32Load8S(int addr, byte[] m, int length, int offset) {
        return U.getByte(m, at(addr, offset, 1, length));
    }

    public static int i32Load8U(int addr, byte[] m, int length, int offset) {
        return U.getByte(m, at(addr, offset, 1, length)) & 0xFF;
    }

    public static int i32Load16S(int addr, byte[] m, int length, int offset) {
        return U.getShort(m, at(addr, offset, 2, length));
    }

    public static int i32Load16U(int addr, byte[] m, int length, int offset) {
        return U.getShort(m, at(addr, offset, 2, length)) & 0xFFFF;
    }

    public static long i64Load8S(int addr, byte[] m, int length, int offset) {
        return U.getByte(m, at(addr, offset, 1, length));
    }

    public static long i64Load8U(int addr, byte[] m, int length, int offset) {
        return U.getByte(m, at(addr, offset, 1, length)) & 0xFFL;
    }

    public static long i64Load16S(int addr, byte[] m, int length, int offset) {
        return U.getShort(m, at(addr, offset, 2, length));
    }

    public static long i64Load16U(int addr, byte[] m, int length, int offset) {
        return U.getShort(m, at(addr, offset, 2, length)) & 0xFFFFL;
    }

    public static long i64Load32S(int addr, byte[] m, int length, int offset) {
        return U.getInt(m, at(addr, offset, 4, length));
    }

    public static long i64Load32U(int addr, byte[] m, int length, int offset) {
        return U.getInt(m, at(addr, offset, 4, length)) & 0xFFFF_FFFFL;
    }

    // ---- stores ----

    public static void i32Store(int addr, int value, byte[] m, int length, int offset) {
        U.putInt(m, at(addr, offset, 4, length), value);
    }

    public static void i64Store(int addr, long value, byte[] m, int length, int offset) {
        U.putLong(m, at(addr, offset, 8, length), value);
    }

    public static void f32Store(int addr, float value, byte[] m, int length, int offset) {
        U.putInt(m, at(addr, offset, 4, length), Float.floatToRawIntBits(value));
    }

    public static void f64Store(int addr, double value, byte[] m, int length, int offset) {
        U.putLong(m, at(addr, offset, 8, length), Double.doubleToRawLongBits(value));
    }

    public static void i32Store8(int addr, int value, byte[] m, int length, int offset) {
        U.putByte(m, at(addr, offset, 1, length), (byte) value);
    }

    public static void i32Store16(int addr, int value, byte[] m, int length, int offset) {
        U.putShort(m, at(addr, offset, 2, length), (short) value);
    }

    public static void i64Store8(int addr, long value, byte[] m, int length, int offset) {
        U.putByte(m, at(addr, offset, 1, length), (byte) value);
    }

    public static void i64Store16(int addr, long value, byte[] m, int length, int offset) {
        U.putShort(m, at(addr, offset, 2, length), (short) value);
    }

    public static void i64Store32(int addr, long value, byte[] m, int length, int offset) {
        U.putInt(m, at(addr, offset, 4, length), (int) value);
    }
}
