package dev.robusta.wasm;

/**
 * An expression in its binary form: instructions ending with {@code end} (0x0B). Used for constant
 * expressions (global initializers, segment offsets and element initializers) and function bodies.
 * Read it with {@link dev.robusta.wasm.code.CodeReader}.
 *
 * @param code   the instruction bytes, including the final {@code end}
 * @param offset byte offset of the first instruction in the module's binary, or -1 when not from a binary
 */
public record Expression(byte[] code, long offset) {
    /** An expression not read from a binary. */
    public static Expression of(byte[] code) {
        return new Expression(code, -1);
    }
}
