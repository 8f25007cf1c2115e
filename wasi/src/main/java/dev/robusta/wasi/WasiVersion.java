package dev.robusta.wasi;

import dev.robusta.runtime.ImportDescriptor;
import dev.robusta.runtime.Module;

import java.util.Optional;

/** The WASI ABI versions Robusta implements, by the import module name that selects them. */
public enum WasiVersion {
    /** {@code wasi_snapshot_preview1}: what current toolchains (wasi-libc, Rust, Go, Zig) target. */
    PREVIEW1("wasi_snapshot_preview1"),
    /**
     * {@code wasi_unstable} (snapshot 0), for older binaries: the same functions with their own struct
     * layouts and {@code whence} numbering, and no {@code sock_accept}.
     */
    UNSTABLE("wasi_unstable");

    private final String moduleName;

    WasiVersion(String moduleName) {
        this.moduleName = moduleName;
    }

    /** The import module name, such as {@code "wasi_snapshot_preview1"}. */
    public String moduleName() {
        return moduleName;
    }

    /**
     * The version whose functions {@code module} imports: the first WASI module name among its imports, or
     * empty when it imports none.
     */
    public static Optional<WasiVersion> detect(Module module) {
        for (ImportDescriptor i : module.imports()) {
            for (WasiVersion v : values()) {
                if (v.moduleName.equals(i.module())) {
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }
}
