package dev.robusta.wasi.internal.fd;

import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.abi.RiFlags;
import dev.robusta.wasi.internal.abi.SdFlags;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * A connected TCP socket (from {@code sock_accept}). Reads and writes block unless the descriptor has the
 * {@code nonblock} fdflag, in which case they fail with {@code EAGAIN} when nothing can be done at once.
 *
 * <p>Java channels cannot peek, so the descriptor keeps a buffer of bytes received but not yet consumed:
 * {@code recv_peek} and {@code poll_oneoff} fill it (poll reads what is there, to report {@code nbytes} and
 * notice the end of the stream), and every read takes from it first. The end of the stream, once seen, stays
 * (a TCP stream ends once).
 */
public final class ConnectionDescriptor extends SocketDescriptor {
    /** The most {@code poll_oneoff} reads ahead into the buffer. */
    private static final int POLL_READ_AHEAD = 64 * 1024;

    private final SocketChannel channel;
    private byte[] pending = new byte[0];
    private int pendingOff;
    private int pendingLen;
    private boolean eof;
    private IOException error;
    private boolean outputShut;

    /** @param channel a connected channel; it is put in non-blocking mode */
    public ConnectionDescriptor(SocketChannel channel, SocketSelector selector, long rightsBase,
            long rightsInheriting, int flags) throws IOException {
        super(selector, rightsBase, rightsInheriting, flags);
        this.channel = channel;
        channel.configureBlocking(false);
    }

    @Override
    public SelectableChannel channel() {
        return channel;
    }

    @Override
    public ConnectionDescriptor accept(int fdflags) {
        throw Errno.EINVAL.exception("not a listening socket");
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        return recv(buf, off, len, 0);
    }

    /**
     * Reads as POSIX {@code recv}: at least one byte (waiting for it unless non-blocking), or 0 at the end
     * of the stream. {@code recv_peek} leaves the bytes to be read again; {@code recv_waitall} waits until
     * {@code len} bytes came or the stream ended (on a non-blocking socket it is ignored, as in Linux).
     */
    @Override
    public int recv(byte[] buf, int off, int len, int riflags) throws IOException {
        if (len == 0) {
            return 0;
        }
        boolean peek = (riflags & RiFlags.RECV_PEEK) != 0;
        boolean waitAll = (riflags & RiFlags.RECV_WAITALL) != 0 && !nonblocking();
        if (peek) {
            if (pendingLen < len && !eof && error == null) {
                readAhead(len - pendingLen); // what has come already, without waiting
            }
            fillTo(waitAll ? len : 1, len);
            if (pendingLen == 0 && error != null) {
                IOException e = error;
                error = null;
                throw e;
            }
            int n = Math.min(len, pendingLen);
            System.arraycopy(pending, pendingOff, buf, off, n);
            return n;
        }
        int total = take(buf, off, len);
        if (total == 0 && error != null) {
            IOException e = error;
            error = null;
            throw e;
        }
        ByteBuffer bb = ByteBuffer.wrap(buf, off + total, len - total);
        while (bb.hasRemaining() && !eof && error == null) {
            int n = channel.read(bb);
            if (n > 0) {
                total += n;
            } else if (n < 0) {
                eof = true;
            } else if (total > 0 && !waitAll) {
                break; // nothing more has come yet
            } else if (nonblocking()) {
                if (total == 0) {
                    throw Errno.EAGAIN.exception("no data");
                }
                break;
            } else {
                selector.await(channel, SelectionKey.OP_READ);
            }
        }
        return total;
    }

    /** Moves up to {@code len} buffered bytes to {@code buf}; returns how many. */
    private int take(byte[] buf, int off, int len) {
        int n = Math.min(len, pendingLen);
        System.arraycopy(pending, pendingOff, buf, off, n);
        pendingOff = pendingLen == n ? 0 : pendingOff + n;
        pendingLen -= n;
        return n;
    }

    /**
     * Buffers until at least {@code want} bytes (reading up to {@code max}) are pending or the stream ended,
     * waiting unless non-blocking (then {@code EAGAIN} when nothing at all is pending).
     */
    private void fillTo(int want, int max) throws IOException {
        while (pendingLen < want && !eof && error == null) {
            int n = readAhead(max - pendingLen);
            if (n == 0 && !eof && error == null) {
                if (nonblocking()) {
                    if (pendingLen == 0) {
                        throw Errno.EAGAIN.exception("no data");
                    }
                    return;
                }
                selector.await(channel, SelectionKey.OP_READ);
            }
        }
    }

    /** One non-blocking read of up to {@code max} bytes into the buffer; returns how many came (0 at the end). */
    private int readAhead(int max) throws IOException {
        if (pendingOff + pendingLen + max > pending.length) {
            byte[] to = pendingLen + max > pending.length ? new byte[Math.max(pendingLen + max, 2 * pending.length)]
                    : pending;
            System.arraycopy(pending, pendingOff, to, 0, pendingLen);
            pending = to;
            pendingOff = 0;
        }
        int n;
        try {
            n = channel.read(ByteBuffer.wrap(pending, pendingOff + pendingLen, max));
        } catch (IOException e) {
            if (pendingLen == 0) {
                throw e;
            }
            error = e; // reported once the buffered bytes are read
            return 0;
        }
        if (n < 0) {
            eof = true;
            return 0;
        }
        pendingLen += n;
        return n;
    }

    /**
     * Writes as POSIX {@code send}: everything, waiting for room unless non-blocking (then what fits at
     * once, or {@code EAGAIN} when nothing does). {@code EPIPE} after {@code sock_shutdown} of writing, or
     * when the peer has gone.
     */
    @Override
    public int write(byte[] buf, int off, int len) throws IOException {
        if (outputShut) {
            throw Errno.EPIPE.exception("writing was shut down");
        }
        ByteBuffer bb = ByteBuffer.wrap(buf, off, len);
        int total = 0;
        while (bb.hasRemaining()) {
            int n = channel.write(bb);
            total += n;
            if (n == 0) {
                if (nonblocking()) {
                    if (total == 0) {
                        throw Errno.EAGAIN.exception("the send buffer is full");
                    }
                    break;
                }
                selector.await(channel, SelectionKey.OP_WRITE);
            }
        }
        return total;
    }

    /**
     * Shuts down reading (later reads give what was already received, then the end of the stream) and/or
     * writing (later writes are {@code EPIPE}; the peer sees the end of the stream).
     */
    @Override
    public void shutdown(int how) throws IOException {
        if ((how & SdFlags.RD) != 0) {
            channel.shutdownInput();
        }
        if ((how & SdFlags.WR) != 0) {
            channel.shutdownOutput();
            outputShut = true;
        }
    }

    @Override
    public int interestOps(boolean read) {
        return read ? SelectionKey.OP_READ : SelectionKey.OP_WRITE;
    }

    /**
     * Readable when bytes are buffered or the stream ended, or when the selector says so and a read-ahead
     * finds bytes or the end; writable when the selector says so or writing was shut down (a write fails
     * at once).
     */
    @Override
    public boolean pollReady(boolean read, int readyOps) throws IOException {
        if (!read) {
            return outputShut || (readyOps & SelectionKey.OP_WRITE) != 0;
        }
        if (pendingLen == 0 && !eof && error == null && (readyOps & SelectionKey.OP_READ) != 0) {
            try {
                readAhead(POLL_READ_AHEAD);
            } catch (IOException e) {
                error = e; // the next read reports it
            }
        }
        return readReady();
    }

    @Override
    public boolean readReady() {
        return pendingLen > 0 || eof || error != null;
    }

    /** The bytes buffered (poll reads ahead what has arrived). */
    @Override
    public long readableBytes() {
        return pendingLen;
    }

    /** Whether the peer closed its side (the end of the stream was seen). */
    @Override
    public boolean hungUp() {
        return eof;
    }
}
