package dev.robusta.wasm;

/** A global defined by the module, with its constant initializer. */
public record Global(GlobalType type, Expression init) {
}
