package dev.robusta.wasi.internal.preview1;

import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.WasiFunction;
import dev.robusta.wasi.internal.abi.Signal;
import dev.robusta.wasm.ExitException;

/**
 * {@code proc_exit} and {@code proc_raise}.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md#-proc_exitrval-exitcode">proc_exit</a>
 */
final class Proc {
    private Proc() {
    }

    /**
     * {@code proc_exit(rval)}: ends the program with exit code {@code rval} (u32). The only WASI function
     * that unwinds the guest: it throws {@link ExitException}, which passes through the engine to
     * {@code Wasi.start}.
     */
    static final WasiFunction PROC_EXIT = WasiFunction.noReturn("proc_exit", "rval:i32", (ctx, mem, a) -> {
        throw new ExitException((int) a[0]);
    });

    /**
     * {@code proc_raise(sig) -> errno}: signals cannot be delivered to a guest on the JVM, so this reports
     * that it is not supported: {@code ESUCCESS} for the null signal {@code none} (which only checks),
     * {@code ENOSYS} for a defined signal, {@code EINVAL} for an unknown one. (wasmtime traps here and
     * wazero reports ENOSYS; the function is gone from later WASI versions.)
     */
    static final WasiFunction PROC_RAISE = WasiFunction.of("proc_raise", "sig:i32", (ctx, mem, a) -> {
        int sig = (int) a[0];
        if (sig < Signal.NONE || sig > Signal.SYS) {
            throw Errno.EINVAL.exception("signal " + sig);
        }
        if (sig == Signal.NONE) {
            return 0;
        }
        throw Errno.ENOSYS.exception("signals are not supported");
    });
}
