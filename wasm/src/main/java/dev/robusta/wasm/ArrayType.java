package dev.robusta.wasm;

/** A GC array type. */
public record ArrayType(FieldType element) implements CompositeType {
}
