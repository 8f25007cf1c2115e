package dev.robusta.runtime;

import dev.robusta.wasm.CompileException;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Entry points shaped like the JavaScript API's {@code WebAssembly} namespace, using
 * {@link RuntimeConfig#DEFAULT}. Use {@link Module#compile(byte[], RuntimeConfig)} for other settings.
 */
public final class WebAssembly {
    private WebAssembly() {
    }

    /** Whether {@code bytes} is a well-formed, valid module under WebAssembly 2.0. */
    public static boolean validate(byte[] bytes) {
        try {
            Module.compile(bytes);
            return true;
        } catch (CompileException e) {
            return false;
        }
    }

    /** Decodes and validates {@code bytes}; see {@link Module#compile(byte[])}. */
    public static Module compile(byte[] bytes) {
        return Module.compile(bytes);
    }

    /** {@link #compile} on the common fork-join pool. */
    public static CompletableFuture<Module> compileAsync(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return CompletableFuture.supplyAsync(() -> Module.compile(bytes));
    }

    /** Compiles and instantiates {@code bytes}; see {@link Module#instantiate(Imports)}. */
    public static Instance instantiate(byte[] bytes, Imports imports) {
        return Module.compile(bytes).instantiate(imports);
    }

    /** {@link #instantiate(byte[], Imports)} on the common fork-join pool. */
    public static CompletableFuture<Instance> instantiateAsync(byte[] bytes, Imports imports) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(imports, "imports");
        return compileAsync(bytes).thenApply(m -> m.instantiate(imports));
    }

    /** Instantiates an already compiled module; see {@link Module#instantiate(Imports)}. */
    public static CompletableFuture<Instance> instantiateAsync(Module module, Imports imports) {
        return module.instantiateAsync(imports);
    }
}
