/**
 * The WebAssembly format: the module model, the binary decoder and encoder, and the validator.
 * Depends on the JDK only.
 */
module dev.robusta.wasm {
    exports dev.robusta.wasm;
    exports dev.robusta.wasm.binary;
    exports dev.robusta.wasm.code;
    exports dev.robusta.wasm.validate;
}
