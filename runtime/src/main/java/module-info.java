/**
 * The Robusta runtime: the embedding API ({@link dev.robusta.runtime.WebAssembly},
 * {@link dev.robusta.runtime.Module}, {@link dev.robusta.runtime.Instance} and friends), linking and
 * instantiation, and the interpreter engine.
 */
module dev.robusta.runtime {
    requires transitive dev.robusta.wasm;

    exports dev.robusta.runtime;
}
