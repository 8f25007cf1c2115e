package dev.robusta.wasi.internal.fd;

import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.fs.Filestat;

import java.io.IOException;
import java.nio.file.attribute.FileTime;

/**
 * An open WASI file descriptor: what it refers to, its rights and its {@code fdflags}. The operations
 * fail with the errno POSIX gives for the kind of descriptor unless a subclass supports them. Rights are
 * checked by {@link FdTable}, before an operation is called.
 */
public abstract class Descriptor {
    private long rightsBase;
    private long rightsInheriting;
    private int flags;

    protected Descriptor(long rightsBase, long rightsInheriting, int flags) {
        this.rightsBase = rightsBase;
        this.rightsInheriting = rightsInheriting;
        this.flags = flags;
    }

    /** The {@link dev.robusta.wasi.internal.abi.FileType} reported by {@code fd_fdstat_get}. */
    public abstract int filetype();

    public final long rightsBase() {
        return rightsBase;
    }

    public final long rightsInheriting() {
        return rightsInheriting;
    }

    /** Replaces the rights (the caller checks that they only shrink). */
    public final void setRights(long base, long inheriting) {
        this.rightsBase = base;
        this.rightsInheriting = inheriting;
    }

    /** The {@link dev.robusta.wasi.internal.abi.FdFlags}. */
    public final int flags() {
        return flags;
    }

    public void setFlags(int flags) {
        this.flags = flags;
    }

    /** Reads up to {@code len} bytes at the current position; 0 at end of file. */
    public int read(byte[] buf, int off, int len) throws IOException {
        throw Errno.EBADF.exception("not readable");
    }

    /** Writes up to {@code len} bytes; returns how many were written. */
    public int write(byte[] buf, int off, int len) throws IOException {
        throw Errno.EBADF.exception("not writable");
    }

    /** Reads at {@code position} without moving the file position. */
    public int pread(byte[] buf, int off, int len, long position) throws IOException {
        throw Errno.ESPIPE.exception();
    }

    /** Writes at {@code position} without moving the file position. */
    public int pwrite(byte[] buf, int off, int len, long position) throws IOException {
        throw Errno.ESPIPE.exception();
    }

    /**
     * Moves the file position.
     *
     * @param whence a preview1 {@link dev.robusta.wasi.internal.abi.Whence} value
     * @return the new position
     */
    public long seek(long offset, int whence) throws IOException {
        throw Errno.ESPIPE.exception();
    }

    /** The current position. */
    public long tell() throws IOException {
        throw Errno.ESPIPE.exception();
    }

    /** The file's attributes. */
    public abstract Filestat stat() throws IOException;

    /** Truncates or extends the file. */
    public void setSize(long size) throws IOException {
        throw Errno.EINVAL.exception("not a regular file");
    }

    /** Sets the access and modification times; null leaves one unchanged. */
    public void setTimes(FileTime atim, FileTime mtim) throws IOException {
        throw Errno.EINVAL.exception();
    }

    /** Flushes data (and metadata when {@code metadata}) to storage. */
    public void sync(boolean metadata) throws IOException {
        throw Errno.EINVAL.exception();
    }

    /** Makes sure the file is at least {@code offset + len} bytes long. */
    public void allocate(long offset, long len) throws IOException {
        throw Errno.EINVAL.exception("not a regular file");
    }

    /** Whether a read would not block now. */
    public boolean readReady() throws IOException {
        return true;
    }

    /** The bytes that can be read without blocking, for {@code poll_oneoff}'s event (0 when unknown). */
    public long readableBytes() throws IOException {
        return 0;
    }

    /**
     * Waits up to {@code timeoutNanos} for a read to be possible without blocking; streams that can be
     * empty override it. Must not busy-wait.
     *
     * @return whether a read would not block now
     */
    public boolean awaitReadable(long timeoutNanos) throws IOException, InterruptedException {
        return readReady();
    }

    /**
     * Makes sure {@code wake} runs (on any thread) once a read would not block, for a {@code poll_oneoff}
     * that waits on sockets and on this descriptor at once; called only when {@link #readReady()} is false.
     * Streams that can be empty override it; the others are always ready.
     */
    public void onReadable(Runnable wake) {
    }

    /** Releases the host resource. */
    public void close() throws IOException {
    }
}
