package dev.robusta.runtime;

/**
 * A function implemented by the host, in raw form, for signatures of numbers and vectors only: each
 * {@code i32} is passed as its value (sign-extended), each {@code i64} as itself, each {@code f32} and
 * {@code f64} as its raw IEEE-754 bits, and each {@code v128} as two slots (low half first). Results are
 * returned the same way. Reference types are not allowed in a raw signature.
 *
 * <p>Exceptions are treated as for {@link HostFunction}.
 */
@FunctionalInterface
public interface RawHostFunction {
    /** An empty result array, for functions without results. */
    long[] NO_RESULTS = new long[0];

    /**
     * Runs the function.
     *
     * @param caller the instance whose code called the function, or null when called from the host
     * @param args   the arguments in raw form
     * @return the results in raw form (an empty array or null for none)
     */
    long[] apply(Instance caller, long[] args);
}
