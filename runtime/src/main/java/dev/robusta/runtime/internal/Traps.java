package dev.robusta.runtime.internal;

import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;

/** Factories for the traps the runtime raises; they return the exception so that the throw stays visible. */
public final class Traps {
    private Traps() {
    }

    public static TrapException trap(Trap kind) {
        return new TrapException(kind);
    }

    public static TrapException outOfBoundsMemory() {
        return new TrapException(Trap.OUT_OF_BOUNDS_MEMORY_ACCESS);
    }

    public static TrapException outOfBoundsTable() {
        return new TrapException(Trap.OUT_OF_BOUNDS_TABLE_ACCESS);
    }

    public static TrapException callStackExhausted() {
        return new TrapException(Trap.CALL_STACK_EXHAUSTED);
    }
}
