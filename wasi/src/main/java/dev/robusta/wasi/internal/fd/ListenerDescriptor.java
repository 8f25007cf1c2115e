package dev.robusta.wasi.internal.fd;

import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.abi.FdFlags;
import dev.robusta.wasi.internal.abi.RightSets;

import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A listening TCP socket given to the guest (a preopened socket, wasmtime's {@code --tcplisten}). It
 * accepts connections and is ready for {@code fd_read} when one is waiting; reading, writing and shutting
 * it down are {@code ENOTCONN}, as for a listening socket in POSIX.
 */
public final class ListenerDescriptor extends SocketDescriptor {
    private final ServerSocketChannel channel;

    /**
     * @param channel a bound channel; it is put in non-blocking mode
     * @param flags   the initial fdflags ({@code nonblock} or 0)
     */
    public ListenerDescriptor(ServerSocketChannel channel, SocketSelector selector, long rightsBase,
            long rightsInheriting, int flags) throws IOException {
        super(selector, rightsBase, rightsInheriting, flags);
        this.channel = channel;
        channel.configureBlocking(false);
    }

    @Override
    public SelectableChannel channel() {
        return channel;
    }

    /**
     * Accepts a connection, waiting for one unless this listener is non-blocking. The connection gets this
     * listener's inheriting rights (those a connection can hold) and no inheriting rights.
     *
     * @param fdflags {@code nonblock} or 0 ({@code EINVAL} otherwise)
     */
    @Override
    public ConnectionDescriptor accept(int fdflags) throws IOException {
        if ((fdflags & ~FdFlags.NONBLOCK) != 0) {
            throw Errno.EINVAL.exception("sock_accept takes no fdflag but nonblock");
        }
        while (true) {
            SocketChannel c = channel.accept();
            if (c != null) {
                try {
                    return new ConnectionDescriptor(c, selector, rightsInheriting() & RightSets.SOCKET_CONNECTION,
                            0, fdflags);
                } catch (IOException | RuntimeException e) {
                    c.close();
                    throw e;
                }
            }
            if (nonblocking()) {
                throw Errno.EAGAIN.exception("no connection is waiting");
            }
            selector.await(channel, SelectionKey.OP_ACCEPT);
        }
    }

    @Override
    public int read(byte[] buf, int off, int len) {
        throw Errno.ENOTCONN.exception("a listening socket");
    }

    @Override
    public int recv(byte[] buf, int off, int len, int riflags) {
        throw Errno.ENOTCONN.exception("a listening socket");
    }

    @Override
    public int write(byte[] buf, int off, int len) {
        throw Errno.ENOTCONN.exception("a listening socket");
    }

    @Override
    public void shutdown(int how) {
        throw Errno.ENOTCONN.exception("a listening socket");
    }

    /** Readable when a connection is waiting; never writable (as POSIX {@code poll} says). */
    @Override
    public int interestOps(boolean read) {
        return read ? SelectionKey.OP_ACCEPT : 0;
    }

    @Override
    public boolean pollReady(boolean read, int readyOps) {
        return read && (readyOps & SelectionKey.OP_ACCEPT) != 0;
    }
}
