package dev.robusta.wasi.internal.abi;

/**
 * A field of a WASI struct or union: its byte offset in the struct and its size in bytes.
 *
 * @param name   the field's witx name (for a union payload {@code payload:$type})
 * @param offset the byte offset from the start of the struct
 * @param size   the size in bytes
 */
public record Field(String name, int offset, int size) {
}
