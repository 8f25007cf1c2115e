package dev.robusta.wasm;

/**
 * The root of every error Robusta reports about a WebAssembly module or its execution.
 * Unchecked, because host functions (lambdas) and generated code cannot declare checked exceptions.
 * Messages begin with the reference interpreter's text (for example "type mismatch") so that the
 * spec runner can match them by prefix.
 */
public abstract sealed class WasmException extends RuntimeException
        permits CompileException, LinkException, TrapException, ExitException {
    private static final long serialVersionUID = 1L;

    protected WasmException(String message) {
        super(message);
    }

    protected WasmException(String message, Throwable cause) {
        super(message, cause);
    }

    protected WasmException(String message, Throwable cause, boolean writableStackTrace) {
        super(message, cause, false, writableStackTrace);
    }
}
