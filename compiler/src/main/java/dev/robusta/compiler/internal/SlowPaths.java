package dev.robusta.compiler.internal;

import dev.robusta.runtime.internal.Traps;

/**
 * The rare paths of the limit checks in generated code: what runs when a call is too deep or the budget runs
 * out. {@link Ctx}'s checks, which the JIT inlines into every function and loop, call these.
 *
 * <p>Why a subclass of {@code Throwable} that is never thrown: HotSpot's C2 inlines at most about 8,000
 * bytes of bytecode into one compiled method, and inlines any callee run more than a few hundred times,
 * however rarely its call site runs. Inlined, {@link dev.robusta.runtime.internal.Limits#checkLimits} would
 * cost 174 bytes of that allowance at every inlined call and every loop, leaving less for the code that
 * runs. C2 does not inline methods of exception classes below the first level ("exception method" in
 * {@code -XX:+PrintInlining}), so these stay calls; see RATIONALE.md, "Why are the limit checks' slow paths
 * methods of an exception class?".
 */
final class SlowPaths extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private SlowPaths() {
        super(null, null, false, false);
    }

    /** A call at {@code depth} found it too deep or the budget spent. */
    static void call(Ctx ctx, int depth) {
        Exec e = ctx.exec;
        if (depth > e.maxDepth) {
            throw Traps.callStackExhausted();
        }
        e.checkLimits(ctx.instance);
    }

    /** The budget is spent. */
    static void spent(Ctx ctx) {
        ctx.exec.checkLimits(ctx.instance);
    }
}
