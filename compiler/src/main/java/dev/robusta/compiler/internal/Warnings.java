package dev.robusta.compiler.internal;

import dev.robusta.runtime.internal.ModuleCode;

import java.util.function.Consumer;

/** The compiler's warnings: the {@code dev.robusta.compiler} {@link System.Logger}, and a listener for tests. */
final class Warnings {
    private static final System.Logger LOG = System.getLogger("dev.robusta.compiler");

    /** Also receives every warning, when set (tests). */
    static volatile Consumer<String> listener;

    private Warnings() {
    }

    /**
     * Warns that defined function {@code funcIdx} runs in the interpreter: its index and name, its size and
     * {@code why} (a phrase that follows "it": "needs ...", "has ...").
     */
    static void leftToInterpreter(ModuleCode code, int funcIdx, String why) {
        int size = code.model().codes().get(funcIdx - code.model().importedFuncCount()).body().code().length;
        warn("robusta compiler: " + code.frameName(funcIdx) + ", " + size
                + " bytes of WebAssembly, is left to the interpreter: it " + why);
    }

    static void warn(String message) {
        LOG.log(System.Logger.Level.WARNING, message);
        Consumer<String> l = listener;
        if (l != null) {
            l.accept(message);
        }
    }
}
