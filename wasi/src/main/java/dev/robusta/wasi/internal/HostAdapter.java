package dev.robusta.wasi.internal;

import dev.robusta.runtime.Imports;
import dev.robusta.runtime.RawHostFunction;
import dev.robusta.wasm.ExitException;
import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * The one adapter between WASI functions and the guest: it finds the caller's memory, runs the function,
 * and turns every failure into the errno result ({@link ErrnoException}, host I/O exceptions through
 * {@link ErrnoMapping}). Only {@link ExitException} (from {@code proc_exit}) unwinds the guest; any other
 * exception is a bug of the host and becomes a trap. With a trace stream it logs each call and its errno.
 */
public final class HostAdapter {
    private static final long[] NO_RESULTS = RawHostFunction.NO_RESULTS;

    private HostAdapter() {
    }

    /** Registers {@code functions} (in their order) under the context's module name. */
    public static Imports.Builder register(Imports.Builder builder, List<WasiFunction> functions, WasiContext ctx) {
        for (WasiFunction f : functions) {
            builder.rawFunction(ctx.abi().moduleName(), f.name(), f.type(), adapt(f, ctx));
        }
        return builder;
    }

    /** The raw host function running {@code f} on {@code ctx}. */
    public static RawHostFunction adapt(WasiFunction f, WasiContext ctx) {
        boolean hasResult = !f.type().results().isEmpty();
        return (caller, args) -> {
            PrintStream trace = ctx.trace();
            if (trace != null) {
                trace.println("==> " + ctx.abi().moduleName() + "." + f.name() + formatArgs(f, args));
            }
            Errno errno;
            String detail = null;
            try {
                int code = f.body().call(ctx, ctx.memoryOf(caller), args);
                errno = Errno.of(code);
            } catch (ExitException e) {
                if (trace != null) {
                    trace.println("<== exit(" + e.exitCode() + ")");
                }
                throw e;
            } catch (TrapException e) {
                if (e.trap() != Trap.OUT_OF_BOUNDS_MEMORY_ACCESS) {
                    throw e;
                }
                errno = Errno.EFAULT;
            } catch (IOException | RuntimeException e) {
                errno = ErrnoMapping.of(e);
                if (errno == null) {
                    throw (RuntimeException) e;
                }
                detail = e.getMessage();
            }
            if (trace != null) {
                trace.println("<== errno=" + errno + (detail == null || detail.equals(errno.name()) ? "" : " (" + detail + ")"));
            }
            return hasResult ? new long[] {errno.code()} : NO_RESULTS;
        };
    }

    private static String formatArgs(WasiFunction f, long[] args) {
        StringBuilder sb = new StringBuilder("(");
        List<String> names = f.paramNames();
        for (int i = 0; i < names.size() && i < args.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(names.get(i)).append('=');
            if (f.type().params().get(i).equals(dev.robusta.wasm.ValType.I32)) {
                sb.append(Integer.toUnsignedString((int) args[i]));
            } else {
                sb.append(args[i]);
            }
        }
        return sb.append(')').toString();
    }
}
