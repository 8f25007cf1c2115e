package dev.robusta.wasm;

/**
 * Thrown through the guest when it asks to exit (WASI {@code proc_exit}). Carries the exit code and
 * no stack trace, so it is cheap to throw.
 */
public final class ExitException extends WasmException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public ExitException(int exitCode) {
        super("exit with code " + exitCode, null, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
