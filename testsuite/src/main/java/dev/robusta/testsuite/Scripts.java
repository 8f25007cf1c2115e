package dev.robusta.testsuite;

import dev.robusta.wasm.Features;

/** Facts about the suite's scripts. */
public final class Scripts {
    private Scripts() {
    }

    /**
     * The features a script is written for, from its path in the suite: {@code wasm-2.0/} scripts are
     * WebAssembly 2.0 (some of their malformed cases are valid 3.0), {@code wasm-3.0/} scripts 3.0, the
     * threads proposal 2.0 plus threads (it predates multiple memories and 64-bit offsets), and the other
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
        if (p.contains("proposals/threads/")) {
            return THREADS;
        }
        return Features.ALL;
    }

    /** WebAssembly 2.0 with shared memories and atomics: what the threads proposal's scripts are written for. */
    private static final Features THREADS =
            new Features(false, false, false, false, false, false, false, true, false, false);
}
