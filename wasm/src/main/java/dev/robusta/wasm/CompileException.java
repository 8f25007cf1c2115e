package dev.robusta.wasm;

/**
 * A module that cannot be compiled: malformed bytes or text ({@link Kind#MALFORMED}), a module that
 * fails validation ({@link Kind#INVALID}), or a valid module an engine cannot run ({@link Kind#UNSUPPORTED}).
 * The JavaScript API's {@code CompileError}.
 */
public final class CompileException extends WasmException {
    private static final long serialVersionUID = 1L;

    /** Why a module was rejected. */
    public enum Kind {
        /** The binary or text cannot be decoded ({@code assert_malformed}). */
        MALFORMED,
        /** The module decodes but does not validate ({@code assert_invalid}). */
        INVALID,
        /**
         * The module is valid, but uses instructions the chosen engine cannot run yet (for example the GC
         * instructions of WebAssembly 3.0): reported when it is compiled, not when the function is first called.
         */
        UNSUPPORTED
    }

    private final Kind kind;
    private final long offset;

    /**
     * @param kind    malformed or invalid
     * @param message begins with the spec's text
     * @param offset  byte offset in the binary where the problem was found, or -1 when unknown
     */
    public CompileException(Kind kind, String message, long offset) {
        super(message);
        this.kind = kind;
        this.offset = offset;
    }

    public CompileException(Kind kind, String message, long offset, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.offset = offset;
    }

    /** A malformed-module error at {@code offset}. */
    public static CompileException malformed(String message, long offset) {
        return new CompileException(Kind.MALFORMED, message, offset);
    }

    /** An invalid-module error at {@code offset}. */
    public static CompileException invalid(String message, long offset) {
        return new CompileException(Kind.INVALID, message, offset);
    }

    public Kind kind() {
        return kind;
    }

    /** The byte offset of the problem in the module's binary, or -1 when unknown. */
    public long offset() {
        return offset;
    }
}
