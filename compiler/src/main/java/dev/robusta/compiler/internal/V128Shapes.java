package dev.robusta.compiler.internal;

import java.util.Map;

/** Which {@link V128s} method runs a SIMD instruction of a given signature. */
final class V128Shapes {
    private static final Map<String, String> METHODS = Map.ofEntries(
            Map.entry("V>V", "unary"),
            Map.entry("VV>V", "binary"),
            Map.entry("VVV>V", "ternary"),
            Map.entry("Vi>V", "withI32"),
            Map.entry("VI>V", "withI64"),
            Map.entry("Vf>V", "withF32"),
            Map.entry("VF>V", "withF64"),
            Map.entry("V>i", "toI32"),
            Map.entry("V>I", "toI64"),
            Map.entry("V>f", "toF32"),
            Map.entry("V>F", "toF64"),
            Map.entry("i>V", "fromI32"),
            Map.entry("I>V", "fromI64"),
            Map.entry("f>V", "fromF32"),
            Map.entry("F>V", "fromF64"));

    private V128Shapes() {
    }

    /** The method for signature {@code sig} ({@code "VV>V"}). */
    static String method(String sig) {
        String name = METHODS.get(sig);
        if (name == null) {
            throw new UnsupportedOperationException("no SIMD helper for signature " + sig);
        }
        return name;
    }
}
