package dev.robusta.wasm;

/**
 * A field of a struct or the element of an array: a storage type (a value type or {@code i8}/{@code i16})
 * and its mutability.
 */
public record FieldType(ValType storageType, boolean mutable) {
}
