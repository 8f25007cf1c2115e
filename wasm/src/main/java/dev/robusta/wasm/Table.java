package dev.robusta.wasm;

/**
 * A table defined by the module. {@code init} is the constant initializer of every element (a 3.0 form),
 * or null for a null-initialised table.
 */
public record Table(TableType type, Expression init) {
}
