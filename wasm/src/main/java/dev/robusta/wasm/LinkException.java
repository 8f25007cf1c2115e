package dev.robusta.wasm;

/**
 * An import that cannot be satisfied: unknown, or of an incompatible type. The JavaScript API's
 * {@code LinkError}. The message begins with the spec's text ("unknown import",
 * "incompatible import type") and names the module and field.
 */
public final class LinkException extends WasmException {
    private static final long serialVersionUID = 1L;

    public LinkException(String message) {
        super(message);
    }
}
