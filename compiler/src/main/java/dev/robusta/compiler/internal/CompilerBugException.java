package dev.robusta.compiler.internal;

/**
 * The compiler failed on a validated module, which is a bug of the compiler: thrown instead of the JVM's
 * {@link NoClassDefFoundError} when a function compiled at its first call cannot be generated.
 */
public final class CompilerBugException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    CompilerBugException(String message, Throwable cause) {
        super(message, cause);
    }
}
