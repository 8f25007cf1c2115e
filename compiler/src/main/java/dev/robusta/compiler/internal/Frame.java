package dev.robusta.compiler.internal;

import dev.robusta.runtime.V128;

/**
 * The locals of a split function ({@link Split}), in slot form in a {@code long[]} (a v128 in two slots) and
 * references in an {@code Object[]}, shared by the function's method and its pieces. Numbers are read and
 * written by the generated code itself ({@code laload}, {@code lastore}); these methods do v128s and
 * references.
 */
public final class Frame {
    private Frame() {
    }

    public static V128 getV128(long[] f, int i) {
        return new V128(f[i], f[i + 1]);
    }

    public static void set(V128 v, long[] f, int i) {
        f[i] = v.lo();
        f[i + 1] = v.hi();
    }

    public static void set(Object v, Object[] f, int i) {
        f[i] = v;
    }
}
