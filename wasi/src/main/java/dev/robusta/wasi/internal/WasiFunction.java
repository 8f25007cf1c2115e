package dev.robusta.wasi.internal;

import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.ValType;

import java.util.ArrayList;
import java.util.List;

/**
 * A WASI host function declared as data: its ABI name, its core WebAssembly signature with parameter
 * names (for traces), and its implementation. {@link HostAdapter} turns it into an import.
 *
 * @param name       the ABI name, such as {@code fd_write}
 * @param paramNames the parameter names, in order (an out-pointer is named {@code result.x})
 * @param type       the core signature: the parameters, and {@code [i32]} (the errno) or nothing for
 *                   {@code proc_exit}
 * @param body       the implementation
 */
public record WasiFunction(String name, List<String> paramNames, FuncType type, Body body) {
    private static final List<ValType> ERRNO = List.of(ValType.I32);

    /** The implementation of a WASI function. */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs the function.
         *
         * @param ctx  the WASI state of the instance
         * @param mem  the caller's memory
         * @param args the arguments (i32 as their value, i64 as themselves)
         * @return the errno code, {@link Errno#SUCCESS} normally ({@link ErrnoException} for failures)
         * @throws java.io.IOException mapped to an errno by {@link HostAdapter}
         */
        int call(WasiContext ctx, GuestMemory mem, long[] args) throws java.io.IOException;
    }

    public WasiFunction {
        paramNames = List.copyOf(paramNames);
    }

    /**
     * A function returning an errno.
     *
     * @param params the parameters as {@code name:type} separated by spaces, such as {@code "fd:i32 offset:i64"}
     */
    public static WasiFunction of(String name, String params, Body body) {
        return make(name, params, ERRNO, body);
    }

    /** A function without a result ({@code proc_exit}). */
    public static WasiFunction noReturn(String name, String params, Body body) {
        return make(name, params, List.of(), body);
    }

    private static WasiFunction make(String name, String params, List<ValType> results, Body body) {
        List<String> names = new ArrayList<>();
        List<ValType> types = new ArrayList<>();
        // split on spaces by hand: String.split with a regex costs a Pattern per call at start-up
        int from = 0;
        while (from < params.length()) {
            int space = params.indexOf(' ', from);
            int to = space < 0 ? params.length() : space;
            String p = params.substring(from, to);
            from = to + 1;
            if (p.isEmpty()) {
                continue;
            }
            int colon = p.lastIndexOf(':');
            names.add(p.substring(0, colon));
            switch (p.substring(colon + 1)) {
                case "i32": types.add(ValType.I32); break;
                case "i64": types.add(ValType.I64); break;
                default: throw new IllegalArgumentException("bad parameter " + p + " of " + name);
            }
        }
        return new WasiFunction(name, names, FuncType.of(types, results), body);
    }
}
