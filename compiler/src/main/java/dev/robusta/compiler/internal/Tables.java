package dev.robusta.compiler.internal;

import dev.robusta.runtime.internal.TableInstance;
import dev.robusta.runtime.internal.Traps;

import java.util.Arrays;

/**
 * The table instructions as the generated code calls them. Every index and count is an unsigned 32-bit
 * value; ranges are checked in {@code long} arithmetic before anything is written.
 */
public final class Tables {
    static final Object[] NO_ELEMENTS = new Object[0];

    private Tables() {
    }

    public static Object tableGet(int i, TableInstance t) {
        if (Integer.compareUnsigned(i, t.size) >= 0) {
            throw Traps.outOfBoundsTable();
        }
        return t.elements[i];
    }

    public static void tableSet(int i, Object value, TableInstance t) {
        if (Integer.compareUnsigned(i, t.size) >= 0) {
            throw Traps.outOfBoundsTable();
        }
        t.elements[i] = value;
    }

    /** table.grow: the old size, or -1. */
    public static int tableGrow(Object init, int delta, TableInstance t) {
        return t.growUnchecked(delta, init);
    }

    public static void tableFill(int i, Object value, int n, TableInstance t) {
        long start = i & 0xFFFF_FFFFL, len = n & 0xFFFF_FFFFL;
        if (start + len > t.size) {
            throw Traps.outOfBoundsTable();
        }
        Arrays.fill(t.elements, (int) start, (int) (start + len), value);
    }

    public static void tableCopy(int d, int s, int n, Ctx ctx, int dstIdx, int srcIdx) {
        TableInstance dt = ctx.tables[dstIdx];
        TableInstance st = ctx.tables[srcIdx];
        long dst = d & 0xFFFF_FFFFL, src = s & 0xFFFF_FFFFL, len = n & 0xFFFF_FFFFL;
        if (src + len > st.size || dst + len > dt.size) {
            throw Traps.outOfBoundsTable();
        }
        System.arraycopy(st.elements, (int) src, dt.elements, (int) dst, (int) len);
    }

    public static void tableInit(int d, int s, int n, Ctx ctx, int elemIdx, int tableIdx) {
        Object[] elems = ctx.instance.elements[elemIdx];
        TableInstance t = ctx.tables[tableIdx];
        long dst = d & 0xFFFF_FFFFL, src = s & 0xFFFF_FFFFL, len = n & 0xFFFF_FFFFL;
        if (src + len > elems.length || dst + len > t.size) {
            throw Traps.outOfBoundsTable();
        }
        System.arraycopy(elems, (int) src, t.elements, (int) dst, (int) len);
    }

    public static void elemDrop(Ctx ctx, int elemIdx) {
        ctx.instance.elements[elemIdx] = NO_ELEMENTS;
    }
}
