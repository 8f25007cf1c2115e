package dev.robusta.compiler.internal;

import java.util.function.Consumer;

/** The compiler's warnings: the {@code dev.robusta.compiler} {@link System.Logger}, and a listener for tests. */
final class Warnings {
    private static final System.Logger LOG = System.getLogger("dev.robusta.compiler");

    /** Also receives every warning, when set (tests). */
    static volatile Consumer<String> listener;

    private Warnings() {
    }

    static void warn(String message) {
        LOG.log(System.Logger.Level.WARNING, message);
        Consumer<String> l = listener;
        if (l != null) {
            l.accept(message);
        }
    }
}
