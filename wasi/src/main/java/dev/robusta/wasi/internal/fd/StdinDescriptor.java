package dev.robusta.wasi.internal.fd;

import dev.robusta.wasi.internal.abi.FileType;
import dev.robusta.wasi.internal.abi.RightSets;
import dev.robusta.wasi.internal.fs.Filestat;

import java.io.IOException;
import java.io.InputStream;

/**
 * Standard input: an {@link InputStream} of the host, reported as a character device.
 *
 * <p>{@code poll_oneoff} must wait for input without busy waiting, but a stream has no readiness
 * notification. So when the guest waits on it and {@link InputStream#available()} says nothing is
 * buffered, one daemon thread is started that blocks in {@code read} and hands over what it got (or the end
 * of the stream); the next {@code fd_read} returns those bytes first. The thread ends after that one
 * read. Closing the descriptor does not close the stream, which belongs to the embedder.
 */
public final class StdinDescriptor extends Descriptor {
    private final InputStream in;
    private final Object lock = new Object();
    private byte[] pending = new byte[0];
    private int pendingOff;
    private int pendingLen;
    private boolean eof;
    private IOException error;
    private boolean reading;
    private Runnable waiter;

    public StdinDescriptor(InputStream in) {
        super(RightSets.STDIN, 0, 0);
        this.in = in;
    }

    @Override
    public int filetype() {
        return FileType.CHARACTER_DEVICE;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        synchronized (lock) {
            awaitPumpLocked(Long.MAX_VALUE);
            if (pendingLen > 0) {
                int n = Math.min(len, pendingLen);
                System.arraycopy(pending, pendingOff, buf, off, n);
                pendingOff += n;
                pendingLen -= n;
                return n;
            }
            if (eof) {
                eof = false;
                return 0;
            }
            if (error != null) {
                IOException e = error;
                error = null;
                throw e;
            }
        }
        int n = in.read(buf, off, len);
        return Math.max(n, 0);
    }

    @Override
    public Filestat stat() {
        return new Filestat(0, 0, FileType.CHARACTER_DEVICE, 1, 0, 0, 0, 0);
    }

    @Override
    public boolean readReady() {
        synchronized (lock) {
            if (pendingLen > 0 || eof || error != null) {
                return true;
            }
            if (reading) {
                return false;
            }
            try {
                return in.available() > 0;
            } catch (IOException e) {
                return true; // the read will report it
            }
        }
    }

    @Override
    public long readableBytes() {
        synchronized (lock) {
            if (pendingLen > 0) {
                return pendingLen;
            }
            if (reading) {
                return 0;
            }
            try {
                return Math.max(0, in.available());
            } catch (IOException e) {
                return 0;
            }
        }
    }

    /**
     * Waits up to {@code timeoutNanos} for input (or the end of the stream) to be ready, without busy
     * waiting.
     *
     * @return whether input is ready
     */
    @Override
    public boolean awaitReadable(long timeoutNanos) {
        if (readReady()) {
            return true;
        }
        synchronized (lock) {
            startPumpLocked();
            awaitPumpLocked(timeoutNanos);
            return pendingLen > 0 || eof || error != null;
        }
    }

    /** Starts the helper thread (unless it runs) and runs {@code wake} when it has read. */
    @Override
    public void onReadable(Runnable wake) {
        synchronized (lock) {
            if (pendingLen > 0 || eof || error != null) {
                wake.run();
                return;
            }
            waiter = wake;
            startPumpLocked();
        }
    }

    private void startPumpLocked() {
        if (!reading) {
            reading = true;
            Thread pump = new Thread(this::pump, "robusta-wasi-stdin");
            pump.setDaemon(true);
            pump.start();
        }
    }

    private void awaitPumpLocked(long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        boolean interrupted = false;
        while (reading) {
            long left = timeoutNanos == Long.MAX_VALUE ? 0 : deadline - System.nanoTime();
            if (timeoutNanos != Long.MAX_VALUE && left <= 0) {
                break;
            }
            try {
                lock.wait(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void pump() {
        byte[] buf = new byte[8192];
        int n;
        IOException failure = null;
        Runnable wake;
        try {
            n = in.read(buf);
        } catch (IOException e) {
            n = 0;
            failure = e;
        }
        synchronized (lock) {
            if (failure != null) {
                error = failure;
            } else if (n < 0) {
                eof = true;
            } else {
                pending = buf;
                pendingOff = 0;
                pendingLen = n;
            }
            reading = false;
            lock.notifyAll();
            wake = waiter;
            waiter = null;
        }
        if (wake != null) {
            wake.run();
        }
    }
}
