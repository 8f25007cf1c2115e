package dev.robusta.runtime.internal;

import dev.robusta.runtime.Table;
import dev.robusta.wasm.Limits;
import dev.robusta.wasm.TableType;
import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;
import dev.robusta.wasm.ValType;

import java.util.Arrays;

/**
 * A table held in an {@code Object[]} that may be longer than the table ({@link #size} is the table's size).
 * Elements of function tables are {@link FunctionInstance}s or null.
 */
public final class TableInstance implements Table {
    /** The elements; {@code [size..length)} is spare capacity. Replaced when the table grows. */
    public Object[] elements;
    /** The current size. */
    public int size;
    /** Whether indices are i64 (table64). */
    public final boolean is64;
    private final ValType elemType;
    private final long declaredMax;
    private final int maxSize;

    private TableInstance(ValType elemType, boolean is64, int size, long declaredMax, int maxSize, Object init) {
        this.elemType = elemType;
        this.is64 = is64;
        this.elements = new Object[size];
        this.size = size;
        this.declaredMax = declaredMax;
        this.maxSize = maxSize;
        if (init != null) {
            Arrays.fill(elements, init);
        }
    }

    /**
     * A table of {@code type}'s minimum size with every element {@code init}.
     *
     * @param cap the configured cap on the number of elements
     * @throws TrapException ({@link Trap#OUT_OF_MEMORY}) when the minimum exceeds the cap
     * @throws IllegalArgumentException when {@code init} does not fit the element type
     */
    public static TableInstance create(TableType type, Object init, int cap) {
        Limits limits = type.limits();
        Values.checkReference(type.elemType(), init, "table initial value");
        long declaredMax = limits.hasMax() ? limits.max() : -1;
        if (limits.min() < 0 || limits.min() > cap) {
            throw new TrapException(Trap.OUT_OF_MEMORY, "out of memory: a table of "
                    + Long.toUnsignedString(limits.min()) + " elements exceeds the limit of " + cap);
        }
        long max = cap;
        if (declaredMax >= 0) {
            max = Math.min(max, declaredMax);
        }
        try {
            return new TableInstance(type.elemType(), limits.is64(), (int) limits.min(), declaredMax,
                    (int) Math.max(max, limits.min()), init);
        } catch (OutOfMemoryError e) {
            throw new TrapException(Trap.OUT_OF_MEMORY, "out of memory: cannot allocate a table of " + limits.min()
                    + " elements", e);
        }
    }

    @Override
    public TableType type() {
        return new TableType(elemType, new Limits(size, Math.max(declaredMax, 0), declaredMax >= 0, is64, false));
    }

    @Override
    public ValType elemType() {
        return elemType;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long maximum() {
        return declaredMax;
    }

    @Override
    public synchronized int grow(int delta, Object init) {
        Values.checkReference(elemType, init, "table.grow value");
        return growUnchecked(delta, init);
    }

    /** {@code table.grow} with a value of the right type: the old size, or -1. */
    public synchronized int growUnchecked(int delta, Object init) {
        int old = size;
        long newSize = old + Integer.toUnsignedLong(delta);
        if (newSize > maxSize) {
            return -1;
        }
        int n = (int) newSize;
        if (n > elements.length) {
            try {
                elements = Arrays.copyOf(elements, (int) Math.min(maxSize, Math.max(n, (long) elements.length * 2)));
            } catch (OutOfMemoryError e) {
                return -1;
            }
        }
        Arrays.fill(elements, old, n, init);
        size = n;
        return old;
    }

    /**
     * An index or count given as a slot, as a non-negative {@code long}: u32 for a 32-bit table; for a 64-bit
     * table the i64, where any value of 2^63 or more becomes {@code Long.MAX_VALUE} (out of range anyway).
     */
    public long index(long slot) {
        return !is64 ? slot & 0xFFFF_FFFFL : slot < 0 ? Long.MAX_VALUE : slot;
    }

    /** {@code table.grow} with a delta given as a slot: the old size, or -1. */
    public long growBy(long deltaSlot, Object init) {
        long delta = index(deltaSlot);
        return delta > Integer.MAX_VALUE ? -1 : growUnchecked((int) delta, init);
    }

    @Override
    public Object get(int index) {
        if (Integer.compareUnsigned(index, size) >= 0) {
            throw Traps.outOfBoundsTable();
        }
        return elements[index];
    }

    @Override
    public void set(int index, Object value) {
        Values.checkReference(elemType, value, "table element");
        if (Integer.compareUnsigned(index, size) >= 0) {
            throw Traps.outOfBoundsTable();
        }
        elements[index] = value;
    }

    @Override
    public String toString() {
        return "Table[" + elemType + ", " + size + (declaredMax >= 0 ? ", max " + declaredMax : "") + "]";
    }
}
