package dev.robusta.runtime;

import dev.robusta.runtime.internal.HostFunctionInstance;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.ValType;

/**
 * A WebAssembly function: an export of an {@link Instance}, a host function, or an element of a
 * {@code funcref} table. Functions are compared by identity.
 *
 * <p>Two calling forms:
 * <ul>
 * <li>{@link #call(long...)}, raw, for signatures of numbers and vectors: each {@code i32} is given as its
 *     value (only the low 32 bits are used), {@code i64} as itself, {@code f32}/{@code f64} as raw IEEE-754
 *     bits ({@link Float#floatToRawIntBits}, {@link Double#doubleToRawLongBits}) and {@code v128} as two
 *     slots, low half first. Results come back the same way ({@code i32} and {@code f32} sign-extended).</li>
 * <li>{@link #apply(Object...)}, boxed, for any signature (see {@link HostFunction} for the boxes).</li>
 * </ul>
 * A trap is thrown as a {@link dev.robusta.wasm.TrapException}. This is an interface for decoupling, not
 * for implementation by users: only functions made by Robusta can be imported or stored in tables.
 */
public interface Function {
    /** The function's type. */
    FuncType type();

    /**
     * Calls the function with raw arguments.
     *
     * @throws IllegalArgumentException when the number of slots is wrong or the signature has a reference
     */
    long[] call(long... args);

    /**
     * Calls the function with boxed arguments.
     *
     * @throws IllegalArgumentException when the arity or an argument's box does not match the type
     */
    Object[] apply(Object... args);

    /** Calls a function whose single result is an {@code i32}. */
    default int callInt(long... args) {
        checkSingleResult(type(), ValType.I32);
        return (int) call(args)[0];
    }

    /** Calls a function whose single result is an {@code i64}. */
    default long callLong(long... args) {
        checkSingleResult(type(), ValType.I64);
        return call(args)[0];
    }

    /** Calls a function whose single result is an {@code f32}; {@code f32} arguments are raw bits. */
    default float callFloat(long... args) {
        checkSingleResult(type(), ValType.F32);
        return Float.intBitsToFloat((int) call(args)[0]);
    }

    /** Calls a function whose single result is an {@code f64}; {@code f64} arguments are raw bits. */
    default double callDouble(long... args) {
        checkSingleResult(type(), ValType.F64);
        return Double.longBitsToDouble(call(args)[0]);
    }

    /** Calls a function and ignores its results. */
    default void callVoid(long... args) {
        call(args);
    }

    /** A host function in boxed form. */
    static Function of(FuncType type, HostFunction implementation) {
        return HostFunctionInstance.boxed(type, implementation, "host");
    }

    /**
     * A host function in raw form.
     *
     * @throws IllegalArgumentException when the type has a reference parameter or result
     */
    static Function ofRaw(FuncType type, RawHostFunction implementation) {
        return HostFunctionInstance.raw(type, implementation, "host");
    }

    private static void checkSingleResult(FuncType type, ValType expected) {
        if (type.results().size() != 1 || !type.results().get(0).equals(expected)) {
            throw new IllegalArgumentException("function type " + type + " does not have the single result " + expected);
        }
    }
}
