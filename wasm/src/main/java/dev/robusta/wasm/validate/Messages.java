package dev.robusta.wasm.validate;

import dev.robusta.wasm.Features;

/**
 * Messages whose text differs between the reference interpreters of WebAssembly 2.0 and 3.0 (the spec
 * runner matches the one of the suite it runs; 3.0 is recognised by its GC feature).
 */
final class Messages {
    private Messages() {
    }

    /** {@code global.set} of an immutable global. */
    static String immutableGlobal(Features f) {
        return f.gc() ? "immutable global" : "global is immutable";
    }
}
