package dev.robusta.compiler.internal;

import dev.robusta.runtime.internal.FunctionInstance;

/**
 * What the generated class of a function the JVM cannot hold calls: the function as the interpreter runs it,
 * one per instance (see {@link InstanceState#interpreted}).
 */
public final class Fallback {
    private Fallback() {
    }

    /** Defined function {@code funcIdx} of the instance of {@code ctx}, on the interpreter. */
    public static FunctionInstance interpreted(Ctx ctx, int funcIdx) {
        return ctx.state.interpreted(funcIdx);
    }
}
