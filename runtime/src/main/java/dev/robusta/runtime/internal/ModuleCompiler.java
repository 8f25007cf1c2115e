package dev.robusta.runtime.internal;

import dev.robusta.wasm.Features;
import dev.robusta.wasm.WasmModule;

/** Decoding and validation, as {@link dev.robusta.runtime.Module} needs them. */
public final class ModuleCompiler {
    private ModuleCompiler() {
    }

    /** Decodes a binary module. */
    public static WasmModule decode(byte[] bytes, Features features) {
        throw new UnsupportedOperationException("the binary decoder is not available yet");
    }

    /** Validates a module. */
    public static void validate(WasmModule model, Features features) {
        // The validator lands on main separately; wired in when it does.
    }
}
