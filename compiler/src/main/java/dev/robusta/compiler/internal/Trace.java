package dev.robusta.compiler.internal;

import dev.robusta.wasm.TrapException;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the wasm stack trace of a trap as it unwinds the generated methods: each one catches the trap,
 * adds its frame and throws it on.
 */
public final class Trace {
    private static final int MAX_TRACE = 256;

    private Trace() {
    }

    /** Adds {@code frame} (innermost first) to {@code e}'s wasm stack trace and returns {@code e}. */
    public static TrapException frame(TrapException e, String frame) {
        List<String> frames = e.wasmStackTrace();
        if (frames.size() >= MAX_TRACE) {
            return e;
        }
        List<String> out = new ArrayList<>(frames.size() + 1);
        out.addAll(frames);
        out.add(frame);
        return e.withWasmStackTrace(out);
    }
}
