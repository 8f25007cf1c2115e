package dev.robusta.wasm.validate;

import dev.robusta.wasm.CompileException;

/**
 * A validation failure inside the validator, carrying the spec's message; the place (which function or
 * segment, which instruction, the byte offset) is added as it propagates, and {@link Validator} turns it
 * into a {@link CompileException} of kind INVALID. Without a stack trace: it is thrown only on bad input.
 */
final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private String where;
    private long offset = -1;

    Invalid(String message) {
        super(message, null, false, false);
    }

    /** Records where the failure happened, unless a more precise place was recorded already. */
    Invalid at(String where, long offset) {
        if (this.where == null) {
            this.where = where;
            this.offset = offset;
        }
        return this;
    }

    /** The spec's message followed by the place, as the user sees it. */
    CompileException toCompileException() {
        String text = where == null ? getMessage() : getMessage() + " (" + where + ")";
        return CompileException.invalid(text, offset);
    }
}
