package dev.robusta.runtime.internal;

import dev.robusta.wasm.FuncType;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Interns function types so that the type check of {@code call_indirect} is usually an identity
 * comparison. Structural equality remains the rule: {@link #same} falls back to {@code equals}.
 */
public final class FuncTypes {
    private static final ConcurrentHashMap<FuncType, FuncType> CANONICAL = new ConcurrentHashMap<>();

    private FuncTypes() {
    }

    /** The shared instance equal to {@code type}. */
    public static FuncType canonical(FuncType type) {
        FuncType c = CANONICAL.putIfAbsent(type, type);
        return c == null ? type : c;
    }

    /** Whether two function types are structurally equal. */
    public static boolean same(FuncType a, FuncType b) {
        return a == b || a.equals(b);
    }
}
