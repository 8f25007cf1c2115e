package dev.robusta.wasi.internal.fd;

import dev.robusta.wasi.internal.Errno;

import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The one {@link Selector} of a WASI instance, on which its sockets wait: a blocking {@code sock_accept},
 * {@code sock_recv} or {@code sock_send} waits for its socket alone, {@code poll_oneoff} for all the sockets
 * it subscribes to at once. Socket channels stay in non-blocking mode all their life (a channel registered
 * with a selector cannot block); blocking is done here, so nothing ever busy-waits.
 *
 * <p>Interest is set only for the length of one wait, then cleared, so a wait never wakes for a socket it
 * does not ask about. {@link #wakeup()} may be called from any thread (the standard input helper does, so
 * that a {@code poll_oneoff} on sockets and standard input wakes for either). The selector is opened at the
 * first socket wait. Only the guest's thread selects; other threads may only call {@link #wakeup()}.
 */
public final class SocketSelector implements AutoCloseable {
    private volatile Selector selector;

    /**
     * Waits until {@code channel} is ready for one of {@code ops}, without a time limit.
     *
     * @throws dev.robusta.wasi.internal.ErrnoException {@code EINTR} when the thread is interrupted
     */
    public void await(SelectableChannel channel, int ops) throws IOException {
        int[] ready;
        do {
            ready = select(new SelectableChannel[] {channel}, new int[] {ops}, Long.MAX_VALUE);
            if (Thread.currentThread().isInterrupted()) {
                throw Errno.EINTR.exception();
            }
        } while (ready[0] == 0);
    }

    /**
     * One selection: which of {@code ops[i]} each {@code channels[i]} is ready for, waiting up to
     * {@code timeoutNanos} (0: not at all; {@link Long#MAX_VALUE}: without limit) for at least one of them
     * (or a {@link #wakeup()}, or an interrupt). A channel may appear several times. Waits are rounded up to
     * whole milliseconds, the selector's unit.
     *
     * @return the ready operations of each channel, 0 for those not ready
     */
    public int[] select(SelectableChannel[] channels, int[] ops, long timeoutNanos) throws IOException {
        Selector sel = selector();
        SelectionKey[] keys = new SelectionKey[channels.length];
        Map<SelectionKey, Integer> interest = new IdentityHashMap<>();
        for (int i = 0; i < channels.length; i++) {
            keys[i] = key(sel, channels[i]);
            interest.merge(keys[i], ops[i], (x, y) -> x | y);
        }
        int[] ready = new int[channels.length];
        try {
            interest.forEach(SelectionKey::interestOps);
            if (timeoutNanos <= 0) {
                sel.selectNow();
            } else if (timeoutNanos == Long.MAX_VALUE) {
                sel.select();
            } else {
                sel.select(Math.max(1, timeoutNanos / 1_000_000 + (timeoutNanos % 1_000_000 == 0 ? 0 : 1)));
            }
            for (int i = 0; i < keys.length; i++) {
                if (keys[i].isValid() && sel.selectedKeys().contains(keys[i])) {
                    ready[i] = keys[i].readyOps() & ops[i];
                }
            }
        } finally {
            sel.selectedKeys().clear();
            for (SelectionKey k : keys) {
                if (k.isValid()) {
                    k.interestOps(0);
                }
            }
        }
        return ready;
    }

    /** Wakes a thread waiting in {@link #select} or {@link #await} (or makes its next wait return at once). */
    public void wakeup() {
        Selector sel = selector;
        if (sel != null) {
            sel.wakeup();
        }
    }

    /**
     * Completes the deregistration of channels closed since the last selection: a channel registered with a
     * selector releases its socket (so the peer sees the connection end, and a listener's port is freed)
     * only when the selector next selects.
     */
    public void flush() throws IOException {
        if (selector != null && selector.isOpen()) {
            selector.selectNow();
            selector.selectedKeys().clear();
        }
    }

    /** Closes the selector (the channels are closed by their descriptors). */
    @Override
    public void close() throws IOException {
        if (selector != null) {
            selector.close();
        }
    }

    private Selector selector() throws IOException {
        if (selector == null) {
            selector = Selector.open();
        }
        return selector;
    }

    private static SelectionKey key(Selector sel, SelectableChannel channel) throws IOException {
        SelectionKey key = channel.keyFor(sel);
        return key != null ? key : channel.register(sel, 0);
    }
}
