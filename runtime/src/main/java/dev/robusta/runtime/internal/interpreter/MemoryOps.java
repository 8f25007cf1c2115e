package dev.robusta.runtime.internal.interpreter;

import dev.robusta.runtime.internal.ByteArrayMemory;
import dev.robusta.runtime.internal.Traps;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Loads and stores on a memory's {@code byte[]}. The effective address is the unsigned 32-bit address plus
 * the unsigned offset, computed in a {@code long} so that it cannot overflow; an access that does not fit
 * traps with "out of bounds memory access".
 */
final class MemoryOps {
    static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private MemoryOps() {
    }

    /** The index of an access of {@code size} bytes at {@code address} + {@code offset}. */
    static int index(int length, long address, int offset, int size) {
        long ea = (address & 0xFFFF_FFFFL) + (offset & 0xFFFF_FFFFL);
        if (ea > length - size) {
            throw Traps.outOfBoundsMemory();
        }
        return (int) ea;
    }

    /**
     * The index of an access of {@code size} bytes at {@code address} + {@code offset} in a 64-bit memory:
     * both are u64, and any address, offset or sum of 2^63 or more is out of bounds.
     */
    static int index64(int length, long address, long offset, int size) {
        long ea = address + offset;
        if (address < 0 || offset < 0 || ea < 0 || ea > length - size) {
            throw Traps.outOfBoundsMemory();
        }
        return (int) ea;
    }

    /** Any load or store (0x28..0x3E) on a 64-bit memory; returns the new stack pointer. */
    static int exec64(int op, ByteArrayMemory memory, long[] s, int sp, long offset) {
        int length = memory.length;
        byte[] m = memory.bytes;
        if (op < Op.I32_STORE) {
            s[sp - 1] = loadAt(op, m, index64(length, s[sp - 1], offset, accessSize(op)));
            return sp;
        }
        storeAt(op, m, index64(length, s[sp - 2], offset, accessSize(op)), s[sp - 1]);
        return sp - 2;
    }

    /** The number of bytes load or store {@code op} accesses. */
    static int accessSize(int op) {
        switch (op) {
            case Op.I64_LOAD: case Op.F64_LOAD: case Op.I64_STORE: case Op.F64_STORE:
                return 8;
            case Op.I32_LOAD: case Op.F32_LOAD: case Op.I64_LOAD32_S: case Op.I64_LOAD32_U:
            case Op.I32_STORE: case Op.F32_STORE: case Op.I64_STORE32:
                return 4;
            case Op.I32_LOAD16_S: case Op.I32_LOAD16_U: case Op.I64_LOAD16_S: case Op.I64_LOAD16_U:
            case Op.I32_STORE16: case Op.I64_STORE16:
                return 2;
            default:
                return 1;
        }
    }

    /** Load {@code op} at a checked index. */
    private static long loadAt(int op, byte[] m, int i) {
        switch (op) {
            case Op.I32_LOAD: case Op.F32_LOAD: case Op.I64_LOAD32_S: return (int) INT.get(m, i);
            case Op.I64_LOAD: case Op.F64_LOAD: return (long) LONG.get(m, i);
            case Op.I32_LOAD8_S: case Op.I64_LOAD8_S: return m[i];
            case Op.I32_LOAD8_U: case Op.I64_LOAD8_U: return m[i] & 0xFF;
            case Op.I32_LOAD16_S: case Op.I64_LOAD16_S: return (short) SHORT.get(m, i);
            case Op.I32_LOAD16_U: case Op.I64_LOAD16_U: return (short) SHORT.get(m, i) & 0xFFFF;
            case Op.I64_LOAD32_U: return (int) INT.get(m, i) & 0xFFFF_FFFFL;
            default: throw new AssertionError("not a load: " + op);
        }
    }

    /** Store {@code op} at a checked index. */
    private static void storeAt(int op, byte[] m, int i, long v) {
        switch (op) {
            case Op.I32_STORE: case Op.F32_STORE: case Op.I64_STORE32: INT.set(m, i, (int) v); return;
            case Op.I64_STORE: case Op.F64_STORE: LONG.set(m, i, v); return;
            case Op.I32_STORE8: case Op.I64_STORE8: m[i] = (byte) v; return;
            case Op.I32_STORE16: case Op.I64_STORE16: SHORT.set(m, i, (short) v); return;
            default: throw new AssertionError("not a store: " + op);
        }
    }

    static int i32(byte[] m, int length, long address, int offset) {
        return (int) INT.get(m, index(length, address, offset, 4));
    }

    static long i64(byte[] m, int length, long address, int offset) {
        return (long) LONG.get(m, index(length, address, offset, 8));
    }

    static void storeI32(byte[] m, int length, long address, int offset, int value) {
        INT.set(m, index(length, address, offset, 4), value);
    }

    static void storeI64(byte[] m, int length, long address, int offset, long value) {
        LONG.set(m, index(length, address, offset, 8), value);
    }

    /** The narrow loads (0x2C..0x35): the loaded value, extended. */
    static long load(int op, byte[] m, int length, long address, int offset) {
        switch (op) {
            case Op.I32_LOAD8_S:
            case Op.I64_LOAD8_S:
                return m[index(length, address, offset, 1)];
            case Op.I32_LOAD8_U:
            case Op.I64_LOAD8_U:
                return m[index(length, address, offset, 1)] & 0xFF;
            case Op.I32_LOAD16_S:
            case Op.I64_LOAD16_S:
                return (short) SHORT.get(m, index(length, address, offset, 2));
            case Op.I32_LOAD16_U:
            case Op.I64_LOAD16_U:
                return (short) SHORT.get(m, index(length, address, offset, 2)) & 0xFFFF;
            case Op.I64_LOAD32_S:
                return (int) INT.get(m, index(length, address, offset, 4));
            case Op.I64_LOAD32_U:
                return (int) INT.get(m, index(length, address, offset, 4)) & 0xFFFF_FFFFL;
            default:
                throw new AssertionError("not a narrow load: " + op);
        }
    }

    /** Any load or store (0x28..0x3E) on {@code m}; returns the new stack pointer. */
    static int exec(int op, ByteArrayMemory memory, long[] s, int sp, int offset) {
        int length = memory.length;
        byte[] m = memory.bytes;
        switch (op) {
            case Op.I32_LOAD:
            case Op.F32_LOAD:
                s[sp - 1] = i32(m, length, s[sp - 1], offset);
                return sp;
            case Op.I64_LOAD:
            case Op.F64_LOAD:
                s[sp - 1] = i64(m, length, s[sp - 1], offset);
                return sp;
            case Op.I32_STORE:
            case Op.F32_STORE:
                storeI32(m, length, s[sp - 2], offset, (int) s[sp - 1]);
                return sp - 2;
            case Op.I64_STORE:
            case Op.F64_STORE:
                storeI64(m, length, s[sp - 2], offset, s[sp - 1]);
                return sp - 2;
            default:
                if (op < Op.I32_STORE) {
                    s[sp - 1] = load(op, m, length, s[sp - 1], offset);
                    return sp;
                }
                store(op, m, length, s[sp - 2], offset, s[sp - 1]);
                return sp - 2;
        }
    }

    /** The narrow stores (0x3A..0x3E). */
    static void store(int op, byte[] m, int length, long address, int offset, long value) {
        switch (op) {
            case Op.I32_STORE8:
            case Op.I64_STORE8:
                m[index(length, address, offset, 1)] = (byte) value;
                return;
            case Op.I32_STORE16:
            case Op.I64_STORE16:
                SHORT.set(m, index(length, address, offset, 2), (short) value);
                return;
            case Op.I64_STORE32:
                INT.set(m, index(length, address, offset, 4), (int) value);
                return;
            default:
                throw new AssertionError("not a narrow store: " + op);
        }
    }
}
