package dev.robusta.runtime;

import dev.robusta.runtime.internal.TagInstance;
import dev.robusta.wasm.FuncType;

/**
 * An exception tag (exception handling, WebAssembly 3.0): an exported or imported tag, or one made by the
 * host with {@link #create}. Tags are compared by identity: a {@code catch} clause catches exceptions thrown
 * with the very same tag.
 *
 * <p>An exception that no WebAssembly handler catches reaches the host as a
 * {@link dev.robusta.wasm.TrapException} of kind {@link dev.robusta.wasm.Trap#UNCAUGHT_EXCEPTION}; rethrowing
 * that exception object from a host function lets an enclosing WebAssembly handler catch it.
 *
 * <p>This is an interface for decoupling, not for implementation by users.
 */
public interface Tag {
    /** A new tag whose exceptions carry values of {@code type}'s parameters ({@code type} has no results). */
    static Tag create(FuncType type) {
        return new TagInstance(type);
    }

    /** The tag's type: the parameters are the exception's values. */
    FuncType type();
}
