/**
 * The WebAssembly text format: the WAT parser (text to the module model) and the WAST script parser
 * (directives and assertions of the specification test suite).
 */
module dev.robusta.text {
    requires transitive dev.robusta.wasm;
    exports dev.robusta.text;
    exports dev.robusta.text.wast;
}
