package dev.robusta.wasm;

/**
 * A composite type: the body of a defined type, a function, struct or array type.
 *
 * @see <a href="https://webassembly.github.io/spec/core/syntax/types.html#composite-types">Composite types</a>
 */
public sealed interface CompositeType permits FuncType, StructType, ArrayType {
}
