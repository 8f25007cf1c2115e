package dev.robusta.wasm;

import java.util.List;

/**
 * A trap: the guest stopped abnormally. The JavaScript API's {@code RuntimeError}. The message begins with
 * the trap's spec text; {@link #wasmStackTrace()} lists the guest frames, innermost first.
 */
public final class TrapException extends WasmException {
    private static final long serialVersionUID = 1L;
    private final Trap trap;
    private volatile List<String> wasmStackTrace = List.of();

    public TrapException(Trap trap) {
        this(trap, trap.message());
    }

    public TrapException(Trap trap, String message) {
        super(message);
        this.trap = trap;
    }

    public TrapException(Trap trap, String message, Throwable cause) {
        super(message, cause);
        this.trap = trap;
    }

    public Trap trap() {
        return trap;
    }

    /** The guest frames at the trap, innermost first, such as {@code "func 3 (fib)"}. */
    public List<String> wasmStackTrace() {
        return wasmStackTrace;
    }

    /** Records the guest frames; set once by the engine that raised the trap. */
    public TrapException withWasmStackTrace(List<String> frames) {
        this.wasmStackTrace = List.copyOf(frames);
        return this;
    }
}
