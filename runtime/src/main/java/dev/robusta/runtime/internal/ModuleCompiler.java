package dev.robusta.runtime.internal;

import dev.robusta.wasm.Features;
import dev.robusta.wasm.WasmModule;
import dev.robusta.wasm.binary.BinaryDecoder;
import dev.robusta.wasm.validate.Validator;

/** Decoding and validation, as {@link dev.robusta.runtime.Module} needs them. */
public final class ModuleCompiler {
    private ModuleCompiler() {
    }

    /**
     * Decodes a binary module.
     *
     * @throws dev.robusta.wasm.CompileException (MALFORMED) when the bytes are not a well-formed module
     */
    public static WasmModule decode(byte[] bytes, Features features) {
        return BinaryDecoder.decode(bytes, features);
    }

    /**
     * Validates a module.
     *
     * @throws dev.robusta.wasm.CompileException (INVALID) when the module is not valid
     */
    public static void validate(WasmModule model, Features features) {
        Validator.validate(model, features);
    }
}
