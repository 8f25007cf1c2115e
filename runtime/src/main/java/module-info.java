/**
 * The Robusta runtime: the embedding API ({@link dev.robusta.runtime.WebAssembly},
 * {@link dev.robusta.runtime.Module}, {@link dev.robusta.runtime.Instance} and friends), linking and
 * instantiation, and the interpreter engine. Other engines (the compiler of {@code robusta-compiler}) plug in
 * as services of {@code dev.robusta.runtime.internal.engine.Engine}.
 */
module dev.robusta.runtime {
    requires transitive dev.robusta.wasm;

    exports dev.robusta.runtime;
    // the engine service interface and what an engine needs of the runtime's internals
    exports dev.robusta.runtime.internal to dev.robusta.compiler;
    exports dev.robusta.runtime.internal.engine to dev.robusta.compiler;
    exports dev.robusta.runtime.internal.simd to dev.robusta.compiler;

    uses dev.robusta.runtime.internal.engine.Engine;
}
