package dev.robusta.wasi.internal.preview1;

import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.WasiContext;
import dev.robusta.wasi.internal.WasiFunction;

/**
 * {@code sock_accept}, {@code sock_recv}, {@code sock_send}, {@code sock_shutdown}. Robusta has no
 * socket preopens yet, so no descriptor is ever a socket: every call returns {@code EBADF} for a number
 * that is not open and {@code ENOTSOCK} for any open descriptor, before touching memory. Real sockets
 * (preopened listeners, as wasmtime's {@code --tcplisten}) can be added behind these without changing the
 * ABI.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md#-sock_acceptfd-fd-flags-fdflags---resultfd-errno">sock_accept</a>
 */
final class Sock {
    private Sock() {
    }

    /** {@code sock_accept(fd, flags) -> fd}: {@code EBADF} or {@code ENOTSOCK} (see the class). */
    static final WasiFunction SOCK_ACCEPT = WasiFunction.of("sock_accept", "fd:i32 flags:i32 result.fd:i32",
            (ctx, mem, a) -> notASocket(ctx, a[0]));

    /** {@code sock_recv(fd, ri_data, ri_flags) -> (size, roflags)}: {@code EBADF} or {@code ENOTSOCK}. */
    static final WasiFunction SOCK_RECV = WasiFunction.of("sock_recv",
            "fd:i32 ri_data:i32 ri_data_len:i32 ri_flags:i32 result.ro_datalen:i32 result.ro_flags:i32",
            (ctx, mem, a) -> notASocket(ctx, a[0]));

    /** {@code sock_send(fd, si_data, si_flags) -> size}: {@code EBADF} or {@code ENOTSOCK}. */
    static final WasiFunction SOCK_SEND = WasiFunction.of("sock_send",
            "fd:i32 si_data:i32 si_data_len:i32 si_flags:i32 result.so_datalen:i32",
            (ctx, mem, a) -> notASocket(ctx, a[0]));

    /** {@code sock_shutdown(fd, how)}: {@code EBADF} or {@code ENOTSOCK}. */
    static final WasiFunction SOCK_SHUTDOWN = WasiFunction.of("sock_shutdown", "fd:i32 how:i32",
            (ctx, mem, a) -> notASocket(ctx, a[0]));

    private static int notASocket(WasiContext ctx, long fd) {
        ctx.fds().get((int) fd);
        throw Errno.ENOTSOCK.exception("fd " + fd + " is not a socket");
    }
}
