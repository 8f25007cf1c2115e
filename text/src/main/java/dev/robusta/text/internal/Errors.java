package dev.robusta.text.internal;

import dev.robusta.wasm.CompileException;

/** Builds the MALFORMED errors of the text parsers: the spec's message, then {@code at file:line:column}. */
public final class Errors {
    private Errors() {
    }

    /** A malformed-text error at a position. */
    public static CompileException at(String sourceName, int line, int col, String message) {
        return new CompileException(CompileException.Kind.MALFORMED,
                message + " at " + sourceName + ":" + line + ":" + col, -1);
    }
}
