package dev.robusta.wasm;

/**
 * A custom section, kept as bytes.
 *
 * @param name      the section's name
 * @param content   the bytes after the name
 * @param placement the id of the last known (non-custom) section before it, 0 when it came first; the
 *                  encoder writes it back at the same place
 */
public record CustomSection(String name, byte[] content, int placement) {
}
