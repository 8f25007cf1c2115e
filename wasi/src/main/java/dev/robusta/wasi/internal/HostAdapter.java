package dev.robusta.wasi.internal;

import dev.robusta.runtime.Imports;
import dev.robusta.runtime.RawHostFunction;
import dev.robusta.wasm.ExitException;
import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;

import java.io.IOException;
import java.util.List;

/**
 * The one adapter between WASI functions and the guest: it finds the caller's memory, runs the function,
 * and turns every failure into the errno result ({@link ErrnoException}, host I/O exceptions through
 * {@link ErrnoMapping}). Only {@link ExitException} (from {@code proc_exit}) unwinds the guest; any other
 * exception is a bug of the host and becomes a trap. With a {@link CallTrace} it logs and times each call.
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
            CallTrace trace = ctx.trace();
            long start = trace != null ? System.nanoTime() : 0;
            Errno errno;
            String detail = null;
            try {
                int code = f.body().call(ctx, ctx.memoryOf(caller), args);
                errno = Errno.of(code);
            } catch (ExitException e) {
                if (trace != null) {
                    trace.call(f.name(), f.name() + formatArgs(f, args), "exit(" + e.exitCode() + ")", false,
                            System.nanoTime() - start);
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
                detail = e instanceof ErrnoException ? ((ErrnoException) e).detail() : e.getMessage();
            }
            if (trace != null) {
                String outcome = errno + (detail == null ? "" : " (" + detail + ")");
                trace.call(f.name(), f.name() + formatArgs(f, args), outcome, errno != Errno.SUCCESS,
                        System.nanoTime() - start);
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
