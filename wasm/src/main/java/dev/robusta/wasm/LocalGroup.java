package dev.robusta.wasm;

/**
 * A run of {@code count} locals of one type, as declared in a function body.
 *
 * @param count u32
 */
public record LocalGroup(int count, ValType type) {
}
