package dev.robusta.runtime.internal.interpreter;

import dev.robusta.runtime.internal.FunctionInstance;
import dev.robusta.runtime.internal.ModuleInstance;
import dev.robusta.runtime.internal.TableInstance;
import dev.robusta.runtime.internal.Traps;
import dev.robusta.wasm.FuncType;
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

    /** memory.init: operands (dest, src, n) at s[sp..sp+3). */
    static void memoryInit(ModuleInstance inst, int dataIdx, byte[] mem, long[] s, int sp) {
        byte[] data = inst.datas[dataIdx];
        long d = u32(s[sp]), src = u32(s[sp + 1]), n = u32(s[sp + 2]);
        if (src + n > data.length || d + n > mem.length) {
            throw Traps.outOfBoundsMemory();
        }
        System.arraycopy(data, (int) src, mem, (int) d, (int) n);
    }

    /** memory.copy: operands (dest, src, n). */
    static void memoryCopy(byte[] dst, byte[] srcMem, long[] s, int sp) {
        long d = u32(s[sp]), src = u32(s[sp + 1]), n = u32(s[sp + 2]);
        if (src + n > srcMem.length || d + n > dst.length) {
            throw Traps.outOfBoundsMemory();
        }
        System.arraycopy(srcMem, (int) src, dst, (int) d, (int) n);
    }

    /** memory.fill: operands (dest, value, n). */
    static void memoryFill(byte[] mem, long[] s, int sp) {
        long d = u32(s[sp]), n = u32(s[sp + 2]);
        if (d + n > mem.length) {
            throw Traps.outOfBoundsMemory();
        }
        Arrays.fill(mem, (int) d, (int) (d + n), (byte) s[sp + 1]);
    }

    /** table.init: operands (dest, src, n). */
    static void tableInit(ModuleInstance inst, int elemIdx, int tableIdx, long[] s, int sp) {
        Object[] elems = inst.elements[elemIdx];
        TableInstance t = inst.tables[tableIdx];
        long d = u32(s[sp]), src = u32(s[sp + 1]), n = u32(s[sp + 2]);
        if (src + n > elems.length || d + n > t.size) {
            throw Traps.outOfBoundsTable();
        }
        System.arraycopy(elems, (int) src, t.elements, (int) d, (int) n);
    }

    /** table.copy: operands (dest, src, n). */
    static void tableCopy(ModuleInstance inst, int dstIdx, int srcIdx, long[] s, int sp) {
        TableInstance dt = inst.tables[dstIdx];
        TableInstance st = inst.tables[srcIdx];
        long d = u32(s[sp]), src = u32(s[sp + 1]), n = u32(s[sp + 2]);
        if (src + n > st.size || d + n > dt.size) {
            throw Traps.outOfBoundsTable();
        }
        System.arraycopy(st.elements, (int) src, dt.elements, (int) d, (int) n);
    }

    /** table.fill: operands (index, value, n), the value in {@code r}. */
    static void tableFill(TableInstance t, long[] s, Object[] r, int sp) {
        long i = u32(s[sp]), n = u32(s[sp + 2]);
        if (i + n > t.size) {
            throw Traps.outOfBoundsTable();
        }
        Arrays.fill(t.elements, (int) i, (int) (i + n), r[sp + 1]);
    }

    static Object tableGet(TableInstance t, int i) {
        if (Integer.compareUnsigned(i, t.size) >= 0) {
            throw Traps.outOfBoundsTable();
        }
        return t.elements[i];
    }

    static void tableSet(TableInstance t, int i, Object value) {
        if (Integer.compareUnsigned(i, t.size) >= 0) {
            throw Traps.outOfBoundsTable();
        }
        t.elements[i] = value;
    }

    /** The function a {@code call_ref} calls: {@code ref}, which must not be null. */
    static FunctionInstance nonNullFunction(Object ref) {
        if (ref == null) {
            throw new TrapException(Trap.NULL_FUNCTION_REFERENCE);
        }
        return (FunctionInstance) ref;
    }

    /** The function {@code call_indirect} calls: table element {@code i}, checked against type {@code typeIdx}. */
    static FunctionInstance indirect(ModuleInstance inst, LoweredFunction fn, int typeIdx, int tableIdx, int i) {
        TableInstance t = inst.tables[tableIdx];
        if (Integer.compareUnsigned(i, t.size) >= 0) {
            throw new TrapException(Trap.UNDEFINED_ELEMENT, Trap.UNDEFINED_ELEMENT.message() + " " + Integer.toUnsignedString(i));
        }
        Object e = t.elements[i];
        if (e == null) {
            throw new TrapException(Trap.UNINITIALIZED_ELEMENT, Trap.UNINITIALIZED_ELEMENT.message() + " " + i);
        }
        FunctionInstance f = (FunctionInstance) e;
        FuncType expected = fn.types[typeIdx];
        if (f.type != expected && !f.type.equals(expected)) {
            throw new TrapException(Trap.INDIRECT_CALL_TYPE_MISMATCH);
        }
        return f;
    }
}
