package dev.robusta.wasi.internal.preview1;

import static dev.robusta.wasi.internal.GuestMemory.u32;

import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.ErrnoException;
import dev.robusta.wasi.internal.GuestMemory;
import dev.robusta.wasi.internal.Iovecs;
import dev.robusta.wasi.internal.WasiContext;
import dev.robusta.wasi.internal.WasiFunction;
import dev.robusta.wasi.internal.abi.RiFlags;
import dev.robusta.wasi.internal.abi.Rights;
import dev.robusta.wasi.internal.abi.SdFlags;
import dev.robusta.wasi.internal.fd.ConnectionDescriptor;
import dev.robusta.wasi.internal.fd.Descriptor;
import dev.robusta.wasi.internal.fd.ListenerDescriptor;
import dev.robusta.wasi.internal.fd.SocketDescriptor;

import java.io.IOException;

/**
 * {@code sock_accept}, {@code sock_recv}, {@code sock_send}, {@code sock_shutdown}, on the TCP sockets the
 * embedder preopens (wasmtime's {@code --tcplisten}) and the connections accepted from them. Preview1 cannot
 * create, bind or connect sockets. Every function checks, in this order: the descriptor ({@code EBADF}),
 * that it is a socket ({@code ENOTSOCK}), its rights ({@code ENOTCAPABLE}), the flags ({@code EINVAL}) and
 * the guest's buffers ({@code EFAULT}), before any I/O, so a bad pointer never loses a connection or data.
 * A socket without the {@code nonblock} fdflag waits (on a selector, never busy); with it, an operation that
 * would wait is {@code EAGAIN}.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md#-sock_acceptfd-fd-flags-fdflags---resultfd-errno">sock_accept</a>
 */
final class Sock implements WasiFunction.Body {
    private final int op;

    private Sock(int op) {
        this.op = op;
    }

    /**
     * {@code sock_accept(fd, flags) -> fd}: accepts a connection on a listening socket; the new descriptor
     * has the fdflags {@code flags} ({@code nonblock} or nothing) and the listener's inheriting rights.
     *
     * <p>Errors: {@code EBADF}, {@code ENOTSOCK}, {@code EINVAL} for a socket that is not listening,
     * {@code ENOTCAPABLE} without {@code sock_accept}, {@code EINVAL} for other fdflags, {@code EAGAIN} on a non-blocking
     * listener with no connection waiting, {@code EMFILE}, {@code EFAULT}, {@code EINTR}.
     */
    static final WasiFunction SOCK_ACCEPT = WasiFunction.of("sock_accept", "fd:i32 flags:i32 result.fd:i32",
            new Sock(0));

    private static int sockAccept(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        if (!(socket(ctx, (int) a[0], 0) instanceof ListenerDescriptor)) {
            throw Errno.EINVAL.exception("fd " + a[0] + " is not listening");
        }
        SocketDescriptor s = socket(ctx, (int) a[0], Rights.SOCK_ACCEPT);
        long out = u32(a[2]);
        mem.check(out, 4);
        ConnectionDescriptor c = s.accept((int) a[1]);
        int fd;
        try {
            fd = ctx.fds().insert(c);
        } catch (ErrnoException e) {
            c.close();
            throw e;
        }
        mem.writeI32(out, fd);
        return 0;
    }

    /**
     * {@code sock_recv(fd, ri_data, ri_flags) -> (size, roflags)}: reads into the buffers, as POSIX
     * {@code recv}: at least one byte, or 0 at the end of the stream. {@code recv_peek} leaves the data to be
     * read again; {@code recv_waitall} waits until the buffers are full (at most {@value FdIo#MAX_READ}
     * bytes) or the stream ends. {@code roflags} is always 0 (a stream never truncates).
     *
     * <p>Errors: {@code EBADF}, {@code ENOTSOCK}, {@code ENOTCAPABLE} without {@code fd_read},
     * {@code EINVAL} for unknown flags, {@code ENOTCONN} on a listener, {@code EAGAIN}, {@code ECONNRESET},
     * {@code EFAULT}, {@code EINTR}.
     */
    static final WasiFunction SOCK_RECV = WasiFunction.of("sock_recv",
            "fd:i32 ri_data:i32 ri_data_len:i32 ri_flags:i32 result.ro_datalen:i32 result.ro_flags:i32", new Sock(1));

    private static int sockRecv(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        SocketDescriptor s = socket(ctx, (int) a[0], Rights.FD_READ);
        int flags = (int) a[3];
        if ((flags & ~RiFlags.ALL_FLAGS) != 0) {
            throw Errno.EINVAL.exception("ri_flags 0x" + Integer.toHexString(flags));
        }
        Iovecs iovs = mem.iovecs(u32(a[1]), u32(a[2]));
        long size = u32(a[4]);
        long roflags = u32(a[5]);
        mem.check(size, 4);
        mem.check(roflags, 2);
        byte[] buf = new byte[(int) Math.min(iovs.total(), FdIo.MAX_READ)];
        int n = s.recv(buf, 0, buf.length, flags);
        iovs.scatter(buf, n);
        mem.writeI32(size, n);
        mem.writeU16(roflags, 0);
        return 0;
    }

    /**
     * {@code sock_send(fd, si_data, si_flags) -> size}: writes the buffers, as POSIX {@code send}: all of
     * them, or on a non-blocking socket what fits at once. {@code si_flags} has no flags defined.
     *
     * <p>Errors: {@code EBADF}, {@code ENOTSOCK}, {@code ENOTCAPABLE} without {@code fd_write} (a listener),
     * {@code EINVAL} for non-zero flags, {@code EPIPE} after {@code sock_shutdown} of writing or when the
     * peer has gone, {@code ECONNRESET}, {@code EAGAIN}, {@code EFAULT}, {@code EINTR}.
     */
    static final WasiFunction SOCK_SEND = WasiFunction.of("sock_send",
            "fd:i32 si_data:i32 si_data_len:i32 si_flags:i32 result.so_datalen:i32", new Sock(2));

    private static int sockSend(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        SocketDescriptor s = socket(ctx, (int) a[0], Rights.FD_WRITE);
        if ((int) a[3] != 0) {
            throw Errno.EINVAL.exception("si_flags must be 0");
        }
        Iovecs iovs = mem.iovecs(u32(a[1]), u32(a[2]));
        long out = u32(a[4]);
        mem.check(out, 4);
        byte[] data = iovs.gather((int) Math.min(iovs.total(), Integer.MAX_VALUE - 8));
        mem.writeI32(out, data.length == 0 ? 0 : s.write(data, 0, data.length));
        return 0;
    }

    /**
     * {@code sock_shutdown(fd, how)}: shuts down reading ({@code rd}), writing ({@code wr}) or both.
     *
     * <p>Errors: {@code EBADF}, {@code ENOTSOCK}, {@code ENOTCAPABLE} without {@code sock_shutdown},
     * {@code EINVAL} when {@code how} is 0 or has unknown bits, {@code ENOTCONN} on a listener.
     */
    static final WasiFunction SOCK_SHUTDOWN = WasiFunction.of("sock_shutdown", "fd:i32 how:i32", new Sock(3));

    private static int sockShutdown(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        SocketDescriptor s = socket(ctx, (int) a[0], Rights.SOCK_SHUTDOWN);
        int how = (int) a[1];
        if (how == 0 || (how & ~SdFlags.ALL_FLAGS) != 0) {
            throw Errno.EINVAL.exception("how " + how);
        }
        s.shutdown(how);
        return 0;
    }

    /** The socket {@code fd}, with {@code rights}. */
    private static SocketDescriptor socket(WasiContext ctx, int fd, long rights) {
        Descriptor d = ctx.fds().get(fd);
        if (!(d instanceof SocketDescriptor)) {
            throw Errno.ENOTSOCK.exception("fd " + fd + " is not a socket");
        }
        return (SocketDescriptor) ctx.fds().get(fd, rights);
    }

    /** Runs the function this value stands for (a class per family, not a lambda class per function). */
    @Override
    public int call(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        switch (op) {
            case 0: return sockAccept(ctx, mem, a);
            case 1: return sockRecv(ctx, mem, a);
            case 2: return sockSend(ctx, mem, a);
            case 3: return sockShutdown(ctx, mem, a);
            default: throw new AssertionError(op);
        }
    }
}
