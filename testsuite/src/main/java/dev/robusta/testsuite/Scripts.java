package dev.robusta.testsuite;

import dev.robusta.wasm.Features;

/** Facts about the suite's scripts. */
public final class Scripts {
    private Scripts() {
    }

    /**
     * The features a script is written for, from its path in the suite: {@code wasm-2.0/} scripts are
     * WebAssembly 2.0 (some of their malformed cases are valid 3.0), {@code wasm-3.0/} scripts 3.0, and the
     * proposals everything.
     */
    public static Features featuresFor(String path) {
        String p = path.replace('\\', '/');
        if (p.contains("wasm-2.0/") || p.startsWith("wasm-2.0")) {
            return Features.V2;
        }
        if (p.contains("wasm-3.0/") || p.startsWith("wasm-3.0")) {
            return Features.V3;
        }
        return Features.ALL;
    }
}
