package dev.robusta.wasi.internal.fd;

import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.abi.FdFlags;
import dev.robusta.wasi.internal.abi.FileType;
import dev.robusta.wasi.internal.fs.Filestat;

import java.io.IOException;
import java.nio.channels.SelectableChannel;

/**
 * A TCP socket: a listener ({@link ListenerDescriptor}) or a connection ({@link ConnectionDescriptor}).
 * Both are reported as {@code socket_stream}. The channel is always in non-blocking mode; a blocking
 * operation (without the {@code nonblock} fdflag) waits on the instance's {@link SocketSelector}. The only
 * fdflag a socket takes is {@code nonblock} ({@code EINVAL} for the others, as in wasmtime).
 */
public abstract sealed class SocketDescriptor extends Descriptor permits ListenerDescriptor, ConnectionDescriptor {
    protected final SocketSelector selector;

    protected SocketDescriptor(SocketSelector selector, long rightsBase, long rightsInheriting, int flags) {
        super(rightsBase, rightsInheriting, flags);
        this.selector = selector;
    }

    /** The channel, for the selector. */
    public abstract SelectableChannel channel();

    /** Whether operations fail with {@code EAGAIN} rather than wait. */
    protected final boolean nonblocking() {
        return (flags() & FdFlags.NONBLOCK) != 0;
    }

    @Override
    public final int filetype() {
        return FileType.SOCKET_STREAM;
    }

    @Override
    public final void setFlags(int flags) {
        if ((flags & ~FdFlags.NONBLOCK) != 0) {
            throw Errno.EINVAL.exception("a socket takes no fdflag but nonblock");
        }
        super.setFlags(flags);
    }

    @Override
    public final Filestat stat() {
        return new Filestat(0, 0, FileType.SOCKET_STREAM, 1, 0, 0, 0, 0);
    }

    /**
     * {@code sock_accept}: the next connection, as a new descriptor with the given fdflags.
     *
     * @throws dev.robusta.wasi.internal.ErrnoException {@code EINVAL} on a connection (not listening),
     *         {@code EAGAIN} with {@code nonblock} when no connection is waiting
     */
    public abstract ConnectionDescriptor accept(int fdflags) throws IOException;

    /**
     * {@code sock_recv}: reads into {@code buf[off, off + len)}.
     *
     * @param riflags {@code recv_peek} and {@code recv_waitall}
     * @return the number of bytes read, 0 at the end of the stream
     */
    public abstract int recv(byte[] buf, int off, int len, int riflags) throws IOException;

    /** {@code sock_shutdown}: shuts down reading ({@code rd}), writing ({@code wr}) or both. */
    public abstract void shutdown(int how) throws IOException;

    /**
     * For {@code poll_oneoff}: the selector operations an {@code fd_read} ({@code read}) or {@code fd_write}
     * subscription waits for; 0 when it can never be ready.
     */
    public abstract int interestOps(boolean read);

    /**
     * For {@code poll_oneoff}: whether a subscription is ready, given the operations the selector found
     * ready (0 when it did not look or found none).
     */
    public abstract boolean pollReady(boolean read, int readyOps) throws IOException;

    /** For {@code poll_oneoff}'s event: whether the peer has closed its side (hang-up). */
    public boolean hungUp() {
        return false;
    }

    @Override
    public void close() throws IOException {
        try {
            channel().close();
        } finally {
            selector.flush();
        }
    }
}
