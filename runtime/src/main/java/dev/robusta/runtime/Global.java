package dev.robusta.runtime;

import dev.robusta.runtime.internal.GlobalInstance;
import dev.robusta.wasm.GlobalType;

/**
 * A global variable: an exported or imported global, or one made by the host with {@link #create}.
 * Values are boxed as for {@link HostFunction}; the raw accessors use the raw form of {@link Function#call}.
 *
 * <p>This is an interface for decoupling, not for implementation by users.
 */
public interface Global {
    /**
     * A new global holding {@code value}.
     *
     * @throws IllegalArgumentException when {@code value} does not fit the type
     */
    static Global create(GlobalType type, Object value) {
        return GlobalInstance.create(type, value);
    }

    GlobalType type();

    /** The value, boxed. */
    Object get();

    /**
     * Sets the value, boxed.
     *
     * @throws IllegalStateException    when the global is immutable
     * @throws IllegalArgumentException when {@code value} does not fit the type
     */
    void set(Object value);

    /**
     * The value in raw form (for a {@code v128}, the low half).
     *
     * @throws IllegalArgumentException when the global holds a reference
     */
    long getLong();

    /**
     * Sets the value in raw form ({@code v128}: not supported, use {@link #set}).
     *
     * @throws IllegalStateException    when the global is immutable
     * @throws IllegalArgumentException when the global holds a reference or a {@code v128}
     */
    void setLong(long value);
}
