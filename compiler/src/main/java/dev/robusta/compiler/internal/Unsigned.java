package dev.robusta.compiler.internal;

/**
 * The unsigned comparisons as the generated code calls them ({@code i32.lt_u} is {@link #lt(int, int)}; the
 * others are these with their operands swapped or their result negated, see {@link Cond}). Flipping the sign
 * bits of both operands turns an unsigned comparison into a signed one. Unlike
 * {@code Integer.compareUnsigned}, which computes -1, 0 or 1 through {@code Integer.compare}, these are one
 * comparison, and small: they cost little of C2's inlining allowance.
 */
public final class Unsigned {
    private Unsigned() {
    }

    /** {@code a < b}, unsigned. */
    public static boolean lt(int a, int b) {
        return a + Integer.MIN_VALUE < b + Integer.MIN_VALUE;
    }

    /** {@code a <= b}, unsigned. */
    public static boolean le(int a, int b) {
        return a + Integer.MIN_VALUE <= b + Integer.MIN_VALUE;
    }

    /** {@code a < b}, unsigned. */
    public static boolean lt(long a, long b) {
        return a + Long.MIN_VALUE < b + Long.MIN_VALUE;
    }

    /** {@code a <= b}, unsigned. */
    public static boolean le(long a, long b) {
        return a + Long.MIN_VALUE <= b + Long.MIN_VALUE;
    }
}
