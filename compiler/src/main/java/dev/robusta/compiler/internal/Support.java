package dev.robusta.compiler.internal;

import dev.robusta.wasm.MemoryType;
import dev.robusta.wasm.WasmModule;

/**
 * What the compiler supports: WebAssembly 2.0. Instructions of later proposals are found while compiling
 * (the function compiler throws {@link UnsupportedOperationException}); the module-level features here.
 */
final class Support {
    private Support() {
    }

    /** Why the compiler cannot compile {@code m}, or null when it can try. */
    static String unsupported(WasmModule m) {
        if (m.memoryCount() > 1) {
            return "multiple memories";
        }
        for (int i = 0; i < m.memoryCount(); i++) {
            MemoryType t = m.memoryType(i);
            if (t.limits().is64()) {
                return "64-bit memories";
            }
            if (t.limits().shared()) {
                return "shared memories";
            }
        }
        for (int i = 0; i < m.tableCount(); i++) {
            if (m.tableType(i).limits().is64()) {
                return "64-bit tables";
            }
        }
        if (m.tagCount() > 0) {
            return "exception handling";
        }
        return null;
    }
}
