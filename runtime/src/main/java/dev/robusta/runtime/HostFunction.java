package dev.robusta.runtime;

/**
 * A function implemented by the host, in boxed form. Arguments and results are boxed by value type:
 * {@code i32} {@link Integer}, {@code i64} {@link Long}, {@code f32} {@link Float}, {@code f64}
 * {@link Double}, {@code v128} {@link V128}, {@code funcref} a {@link Function} or null, {@code externref}
 * any object or null.
 *
 * <p>An exception thrown by the implementation that is not a {@link dev.robusta.wasm.WasmException}
 * becomes a {@link dev.robusta.wasm.TrapException} of kind {@link dev.robusta.wasm.Trap#HOST} with the
 * exception as its cause; a {@link dev.robusta.wasm.WasmException} (such as an
 * {@link dev.robusta.wasm.ExitException}) passes through unchanged.
 *
 * @see RawHostFunction for numeric signatures without boxing
 */
@FunctionalInterface
public interface HostFunction {
    /** An empty result array, for functions without results. */
    Object[] NO_RESULTS = new Object[0];

    /**
     * Runs the function.
     *
     * @param caller the instance whose code called the function, or null when called from the host
     * @param args   the arguments, boxed by type
     * @return the results, boxed by type (an empty array or null for none)
     */
    Object[] apply(Instance caller, Object[] args);
}
