package dev.robusta.compiler.internal;

import dev.robusta.runtime.V128;
import dev.robusta.runtime.internal.GlobalInstance;

/** {@code global.set} of each type, and {@code global.get} of a v128, as the generated code calls them. */
public final class Globals {
    private Globals() {
    }

    public static void set(int v, GlobalInstance g) {
        g.value = v;
    }

    public static void set(long v, GlobalInstance g) {
        g.value = v;
    }

    public static void set(float v, GlobalInstance g) {
        g.value = Float.floatToRawIntBits(v);
    }

    public static void set(double v, GlobalInstance g) {
        g.value = Double.doubleToRawLongBits(v);
    }

    public static void set(V128 v, GlobalInstance g) {
        g.value = v.lo();
        g.hi = v.hi();
    }

    public static void set(Object v, GlobalInstance g) {
        g.ref = v;
    }

    public static V128 getV128(GlobalInstance g) {
        return new V128(g.value, g.hi);
    }
}
