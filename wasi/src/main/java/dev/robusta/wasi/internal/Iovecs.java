package dev.robusta.wasi.internal;

/**
 * The buffers of an {@code iovec} or {@code ciovec} array, checked to lie in memory. Data moves between
 * them and the host through one contiguous byte array ({@link #gather}, {@link #scatter}).
 */
public final class Iovecs {
    private final GuestMemory mem;
    private final long[] bufs;
    private final long[] lens;
    private final long total;

    Iovecs(GuestMemory mem, long[] bufs, long[] lens, long total) {
        this.mem = mem;
        this.bufs = bufs;
        this.lens = lens;
        this.total = total;
    }

    /** The sum of the buffer lengths. */
    public long total() {
        return total;
    }

    /** The number of buffers. */
    public int count() {
        return bufs.length;
    }

    /** The first {@code max} bytes of the buffers, concatenated. */
    public byte[] gather(int max) {
        int n = (int) Math.min(max, total);
        byte[] out = new byte[n];
        int at = 0;
        for (int i = 0; i < bufs.length && at < n; i++) {
            int len = (int) Math.min(lens[i], n - at);
            mem.memory().readBytes(bufs[i], out, at, len);
            at += len;
        }
        return out;
    }

    /** Copies {@code data[0..length)} into the buffers in order. */
    public void scatter(byte[] data, int length) {
        int at = 0;
        for (int i = 0; i < bufs.length && at < length; i++) {
            int len = (int) Math.min(lens[i], length - at);
            mem.memory().writeBytes(bufs[i], data, at, len);
            at += len;
        }
    }
}
