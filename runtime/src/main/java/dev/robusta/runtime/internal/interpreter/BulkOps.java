package dev.robusta.runtime.internal.interpreter;

import dev.robusta.runtime.internal.ByteArrayMemory;
import dev.robusta.runtime.internal.CanonicalTypes;
import dev.robusta.runtime.internal.FunctionInstance;
import dev.robusta.runtime.internal.ModuleInstance;
import dev.robusta.runtime.internal.TableInstance;
import dev.robusta.runtime.internal.Traps;
import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;

import java.util.Arrays;

/**
 * The bulk memory and table instructions, {@code call_indirect}'s lookup and the table accessors. Every
 * count and index is an unsigned 32-bit value; ranges are checked in {@code long} arithmetic before anything
 * is written.
 */
final class BulkOps {
    static final byte[] NO_DATA = new byte[0];
    static final Object[] NO_ELEMENTS = new Object[0];

    private BulkOps() {
    }

    private static long u32(long slot) {
        return slot & 0xFFFF_FFFFL;
    }

    /** An address or length of memory {@code m} as a non-negative long (see {@link TableInstance#index}). */
    private static long address(ByteArrayMemory m, long slot) {
        return !m.is64 ? slot & 0xFFFF_FFFFL : slot < 0 ? Long.MAX_VALUE : slot;
    }

    /** Whether {@code [start, start + n)} lies within {@code [0, length)}; all three are non-negative. */
    private static boolean fits(long start, long n, long length) {
        return start <= length && n <= length - start;
    }

    /** memory.init: operands (dest, src, n). */
    static void memoryInit(ModuleInstance inst, int dataIdx, ByteArrayMemory memory, long[] s, int sp) {
        byte[] data = inst.datas[dataIdx];
        int length = memory.length;
        byte[] mem = memory.bytes;
        long d = address(memory, s[sp]), src = u32(s[sp + 1]), n = u32(s[sp + 2]);
        if (!fits(src, n, data.length) || !fits(d, n, length)) {
            throw Traps.outOfBoundsMemory();
        }
        System.arraycopy(data, (int) src, mem, (int) d, (int) n);
    }

    /** memory.copy: operands (dest, src, n); n is i64 only when both memories are 64-bit. */
    static void memoryCopy(ByteArrayMemory dst, ByteArrayMemory srcMem, long[] s, int sp) {
        int toLength = dst.length;
        byte[] to = dst.bytes;
        int fromLength = srcMem.length;
        byte[] from = srcMem.bytes;
        long d = address(dst, s[sp]), src = address(srcMem, s[sp + 1]);
        long n = dst.is64 && srcMem.is64 ? address(dst, s[sp + 2]) : u32(s[sp + 2]);
        if (!fits(src, n, fromLength) || !fits(d, n, toLength)) {
            throw Traps.outOfBoundsMemory();
        }
        System.arraycopy(from, (int) src, to, (int) d, (int) n);
    }

    /** memory.fill: operands (dest, value, n). */
    static void memoryFill(ByteArrayMemory memory, long[] s, int sp) {
        int length = memory.length;
        byte[] mem = memory.bytes;
        long d = address(memory, s[sp]), n = address(memory, s[sp + 2]);
        if (!fits(d, n, length)) {
            throw Traps.outOfBoundsMemory();
        }
        Arrays.fill(mem, (int) d, (int) (d + n), (byte) s[sp + 1]);
    }

    /** table.init: operands (dest, src, n). */
    static void tableInit(ModuleInstance inst, int elemIdx, int tableIdx, long[] s, int sp) {
        Object[] elems = inst.elements[elemIdx];
        TableInstance t = inst.tables[tableIdx];
        long d = t.index(s[sp]), src = u32(s[sp + 1]), n = u32(s[sp + 2]);
        if (!fits(src, n, elems.length) || !fits(d, n, t.size)) {
            throw Traps.outOfBoundsTable();
        }
        System.arraycopy(elems, (int) src, t.elements, (int) d, (int) n);
    }

    /** table.copy: operands (dest, src, n); n is i64 only when both tables are 64-bit. */
    static void tableCopy(ModuleInstance inst, int dstIdx, int srcIdx, long[] s, int sp) {
        TableInstance dt = inst.tables[dstIdx];
        TableInstance st = inst.tables[srcIdx];
        long d = dt.index(s[sp]), src = st.index(s[sp + 1]);
        long n = dt.is64 && st.is64 ? dt.index(s[sp + 2]) : u32(s[sp + 2]);
        if (!fits(src, n, st.size) || !fits(d, n, dt.size)) {
            throw Traps.outOfBoundsTable();
        }
        System.arraycopy(st.elements, (int) src, dt.elements, (int) d, (int) n);
    }

    /** table.fill: operands (index, value, n), the value in {@code r}. */
    static void tableFill(TableInstance t, long[] s, Object[] r, int sp) {
        long i = t.index(s[sp]), n = t.index(s[sp + 2]);
        if (!fits(i, n, t.size)) {
            throw Traps.outOfBoundsTable();
        }
        Arrays.fill(t.elements, (int) i, (int) (i + n), r[sp + 1]);
    }

    static Object tableGet(TableInstance t, long slot) {
        long i = t.index(slot);
        if (i >= t.size) {
            throw Traps.outOfBoundsTable();
        }
        return t.elements[(int) i];
    }

    static void tableSet(TableInstance t, long slot, Object value) {
        long i = t.index(slot);
        if (i >= t.size) {
            throw Traps.outOfBoundsTable();
        }
        t.elements[(int) i] = value;
    }

    /** The function a {@code call_ref} calls: {@code ref}, which must not be null. */
    static FunctionInstance nonNullFunction(Object ref) {
        if (ref == null) {
            throw new TrapException(Trap.NULL_FUNCTION_REFERENCE);
        }
        return (FunctionInstance) ref;
    }

    /** The function {@code call_indirect} calls: table element {@code i}, checked against type {@code typeIdx}. */
    static FunctionInstance indirect(ModuleInstance inst, LoweredFunction fn, int typeIdx, int tableIdx, long slot) {
        TableInstance t = inst.tables[tableIdx];
        long index = t.index(slot);
        if (index >= t.size) {
            throw new TrapException(Trap.UNDEFINED_ELEMENT, Trap.UNDEFINED_ELEMENT.message() + " "
                    + (t.is64 ? Long.toUnsignedString(slot) : Long.toString(index)));
        }
        int i = (int) index;
        Object e = t.elements[i];
        if (e == null) {
            throw new TrapException(Trap.UNINITIALIZED_ELEMENT, Trap.UNINITIALIZED_ELEMENT.message() + " " + i);
        }
        FunctionInstance f = (FunctionInstance) e;
        CanonicalTypes.Type expected = fn.types[typeIdx];
        if (f.canonical != expected && !f.canonical.isSubtypeOf(expected)) {
            throw new TrapException(Trap.INDIRECT_CALL_TYPE_MISMATCH);
        }
        return f;
    }
}
