package dev.robusta.wasi.internal.preview1;

import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.GuestMemory;
import dev.robusta.wasi.internal.WasiContext;
import dev.robusta.wasi.internal.WasiFunction;
import dev.robusta.wasi.internal.abi.Signal;
import dev.robusta.wasm.ExitException;

import java.io.IOException;

/**
 * {@code proc_exit} and {@code proc_raise}.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md#-proc_exitrval-exitcode">proc_exit</a>
 */
final class Proc implements WasiFunction.Body {
    private final int op;

    private Proc(int op) {
        this.op = op;
    }

    /**
     * {@code proc_exit(rval)}: ends the program with exit code {@code rval} (u32). The only WASI function
     * that unwinds the guest: it throws {@link ExitException}, which passes through the engine to
     * {@code Wasi.start}.
     */
    static final WasiFunction PROC_EXIT = WasiFunction.noReturn("proc_exit", "rval:i32", new Proc(0));

    private static int procExit(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        throw new ExitException((int) a[0]);
    }

    /**
     * {@code proc_raise(sig) -> errno}: does what the signal's default action would do to a process that
     * has no handlers (the only kind a WASI guest can be, since preview1 cannot install one):
     * <ul>
     * <li>a signal that terminates ({@code hup}, {@code int}, {@code kill}, {@code term}, {@code abrt},
     *     {@code segv}, ...) ends the program as {@code proc_exit} does, with the status a POSIX shell
     *     reports for a process killed by it: 128 + its number on Linux (so {@code term} gives 143 and
     *     {@code abrt} 134, the status of a trap);</li>
     * <li>a signal that is ignored by default ({@code chld}, {@code urg}, {@code winch}) or continues a
     *     process ({@code cont}) does nothing; so do the stop signals ({@code stop}, {@code tstp},
     *     {@code ttin}, {@code ttou}): there is no job control to continue a stopped guest;</li>
     * <li>{@code none} (0) only checks, as {@code kill(pid, 0)}.</li>
     * </ul>
     * Errors: {@code EINVAL} for a number that is no WASI signal.
     *
     * @see <a href="https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/signal.h.html">signal.h</a>
     */
    static final WasiFunction PROC_RAISE = WasiFunction.of("proc_raise", "sig:i32", new Proc(1));

    private static int procRaise(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        int sig = (int) a[0];
        if (sig < Signal.NONE || sig > Signal.SYS) {
            throw Errno.EINVAL.exception("signal " + sig);
        }
        if (terminates(sig)) {
            throw new ExitException(128 + linuxNumber(sig));
        }
        return 0;
    }

    /** Whether the signal's default action ends the process (with or without a core dump). */
    static boolean terminates(int sig) {
        switch (sig) {
            case Signal.NONE:
            case Signal.CHLD:
            case Signal.URG:
            case Signal.WINCH:
            case Signal.CONT:
            case Signal.STOP:
            case Signal.TSTP:
            case Signal.TTIN:
            case Signal.TTOU:
                return false;
            default:
                return true;
        }
    }

    /**
     * The signal's number on Linux: the WASI numbering is Linux's up to {@code term} (15), then skips
     * Linux's {@code SIGSTKFLT} (16), so {@code chld} is 16 in WASI and 17 on Linux.
     */
    static int linuxNumber(int sig) {
        return sig <= Signal.TERM ? sig : sig + 1;
    }

    /** Runs the function this value stands for (a class per family, not a lambda class per function). */
    @Override
    public int call(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        switch (op) {
            case 0: return procExit(ctx, mem, a);
            case 1: return procRaise(ctx, mem, a);
            default: throw new AssertionError(op);
        }
    }
}
