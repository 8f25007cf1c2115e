package dev.robusta.runtime;

import dev.robusta.runtime.internal.TableInstance;
import dev.robusta.wasm.TableType;
import dev.robusta.wasm.ValType;

/**
 * A table of references: an exported or imported table, or one made by the host with {@link #create}.
 * Elements of a {@code funcref} table are {@link Function}s (made by Robusta) or null; elements of an
 * {@code externref} table are any objects or null. An index out of range throws a
 * {@link dev.robusta.wasm.TrapException} of kind {@link dev.robusta.wasm.Trap#OUT_OF_BOUNDS_TABLE_ACCESS}.
 *
 * <p>This is an interface for decoupling, not for implementation by users.
 */
public interface Table {
    /** A new table of {@code type.limits().min()} null elements. */
    static Table create(TableType type) {
        return create(type, null);
    }

    /** A new table of {@code type.limits().min()} elements set to {@code init}. */
    static Table create(TableType type, Object init) {
        return TableInstance.create(type, init, RuntimeConfig.DEFAULT.maxTableElements());
    }

    /** The table's type: its current size as the minimum and its declared maximum. */
    TableType type();

    /** The reference type of the elements. */
    ValType elemType();

    /** The current number of elements. */
    int size();

    /** The declared maximum, or -1 when none was declared. */
    long maximum();

    /**
     * Grows the table by {@code delta} elements set to {@code init}.
     *
     * @param delta u32
     * @return the previous size, or -1 when the table cannot grow that much
     */
    int grow(int delta, Object init);

    /** The element at {@code index} (u32). */
    Object get(int index);

    /**
     * Sets the element at {@code index} (u32).
     *
     * @throws IllegalArgumentException when {@code value} does not fit the element type
     */
    void set(int index, Object value);
}
