package dev.robusta.wasi.internal;

/**
 * A WASI failure inside the host implementation: carries the {@link Errno} that the one adapter
 * ({@link HostAdapter}) returns to the guest. It never reaches the guest or the embedder as an exception,
 * and it has no stack trace, so it is cheap to throw.
 */
public final class ErrnoException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Errno errno;
    private final String detail;

    ErrnoException(Errno errno, String detail) {
        super(detail == null ? errno.name() : errno.name() + ": " + detail, null, false, false);
        this.errno = errno;
        this.detail = detail;
    }

    public Errno errno() {
        return errno;
    }

    /** What went wrong beyond the errno, for the trace; null when nothing more is known. */
    public String detail() {
        return detail;
    }
}
