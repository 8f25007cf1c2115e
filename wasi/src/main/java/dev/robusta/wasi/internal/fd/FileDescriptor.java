package dev.robusta.wasi.internal.fd;

import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.abi.FdFlags;
import dev.robusta.wasi.internal.abi.Whence;
import dev.robusta.wasi.internal.fs.Beneath;
import dev.robusta.wasi.internal.fs.FileStats;
import dev.robusta.wasi.internal.fs.Filestat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;

/**
 * An open regular file of any {@link java.nio.file.FileSystem}, through a {@link SeekableByteChannel}
 * ({@link FileChannel} features are used when the file system gives one). {@code append} is implemented
 * here, by moving to the end before each write, so that it can be turned on and off with
 * {@code fd_fdstat_set_flags} and combined with reading (which {@code APPEND} channels refuse).
 */
public final class FileDescriptor extends Descriptor {
    private static final int SYNC_FLAGS = FdFlags.DSYNC | FdFlags.RSYNC | FdFlags.SYNC;

    private final SeekableByteChannel channel;
    private final Path preopenRoot;
    private final Path path;
    private final int filetype;

    /**
     * @param preopenRoot the host directory of the preopen the file was opened beneath
     * @param path        the host path it was opened at
     * @param filetype    what it is: a regular file, or a device the host let us open as a channel
     */
    public FileDescriptor(SeekableByteChannel channel, Path preopenRoot, Path path, int filetype, long rightsBase,
                          long rightsInheriting, int flags) {
        super(rightsBase, rightsInheriting, flags);
        this.channel = channel;
        this.preopenRoot = preopenRoot;
        this.path = path;
        this.filetype = filetype;
    }

    /** The host path the file was opened at. */
    public Path path() {
        return path;
    }

    @Override
    public int filetype() {
        return filetype;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = channel.read(ByteBuffer.wrap(buf, off, len));
        return Math.max(n, 0);
    }

    @Override
    public int write(byte[] buf, int off, int len) throws IOException {
        if ((flags() & FdFlags.APPEND) != 0) {
            channel.position(channel.size());
        }
        int n = writeFully(ByteBuffer.wrap(buf, off, len));
        syncIfAsked();
        return n;
    }

    @Override
    public int pread(byte[] buf, int off, int len, long position) throws IOException {
        if (position < 0) {
            throw Errno.EINVAL.exception();
        }
        ByteBuffer bb = ByteBuffer.wrap(buf, off, len);
        int n;
        if (channel instanceof FileChannel) {
            n = ((FileChannel) channel).read(bb, position);
        } else {
            long saved = channel.position();
            try {
                channel.position(position);
                n = channel.read(bb);
            } finally {
                channel.position(saved);
            }
        }
        return Math.max(n, 0);
    }

    @Override
    public int pwrite(byte[] buf, int off, int len, long position) throws IOException {
        if (position < 0) {
            throw Errno.EINVAL.exception();
        }
        ByteBuffer bb = ByteBuffer.wrap(buf, off, len);
        int n = 0;
        if (channel instanceof FileChannel) {
            FileChannel fc = (FileChannel) channel;
            while (bb.hasRemaining()) {
                n += fc.write(bb, position + n);
            }
        } else {
            long saved = channel.position();
            try {
                channel.position(position);
                n = writeFully(bb);
            } finally {
                channel.position(saved);
            }
        }
        syncIfAsked();
        return n;
    }

    private int writeFully(ByteBuffer bb) throws IOException {
        int n = 0;
        while (bb.hasRemaining()) {
            n += channel.write(bb);
        }
        return n;
    }

    private void syncIfAsked() throws IOException {
        if ((flags() & SYNC_FLAGS) != 0 && channel instanceof FileChannel) {
            ((FileChannel) channel).force((flags() & FdFlags.SYNC) != 0);
        }
    }

    @Override
    public long seek(long offset, int whence) throws IOException {
        long base;
        switch (whence) {
            case Whence.SET: base = 0; break;
            case Whence.CUR: base = channel.position(); break;
            case Whence.END: base = channel.size(); break;
            default: throw Errno.EINVAL.exception("whence " + whence);
        }
        long target = base + offset;
        if (((base ^ target) & (offset ^ target)) < 0 || target < 0) {
            throw Errno.EINVAL.exception("position " + base + " + " + offset);
        }
        channel.position(target);
        return target;
    }

    @Override
    public long tell() throws IOException {
        return channel.position();
    }

    @Override
    public Filestat stat() throws IOException {
        long size = channel.size();
        try {
            if (isStillAFile(Beneath.check(preopenRoot, path))) {
                Filestat s = FileStats.of(path, false);
                return new Filestat(s.dev(), s.ino(), filetype, s.nlink(), size, s.atim(), s.mtim(), s.ctim());
            }
        } catch (IOException | RuntimeException e) {
            // unlinked or replaced while open: fall through to what the channel still knows
        }
        return new Filestat(0, 0, filetype, 0, size, 0, 0, 0);
    }

    @Override
    public void setSize(long size) throws IOException {
        if (size < 0) {
            throw Errno.EINVAL.exception();
        }
        long current = channel.size();
        if (size < current) {
            channel.truncate(size);
        } else if (size > current) {
            extendTo(size);
        }
    }

    @Override
    public void allocate(long offset, long len) throws IOException {
        if (offset < 0 || len <= 0) {
            throw Errno.EINVAL.exception();
        }
        long end = offset + len;
        if (end < 0) {
            throw Errno.EFBIG.exception();
        }
        if (end > channel.size()) {
            extendTo(end);
        }
    }

    private void extendTo(long size) throws IOException {
        ByteBuffer zero = ByteBuffer.allocate(1);
        if (channel instanceof FileChannel) {
            ((FileChannel) channel).write(zero, size - 1);
        } else {
            long saved = channel.position();
            try {
                channel.position(size - 1);
                channel.write(zero);
            } finally {
                channel.position(saved);
            }
        }
    }

    @Override
    public void setTimes(FileTime atim, FileTime mtim) throws IOException {
        if (!isStillAFile(Beneath.check(preopenRoot, path))) {
            throw Errno.ENOENT.exception(path + " was replaced since it was opened");
        }
        Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(mtim, atim, null);
    }

    /** Whether the path still names a file (not a link or directory put in its place). */
    private static boolean isStillAFile(java.nio.file.attribute.BasicFileAttributes a) {
        return !a.isSymbolicLink() && !a.isDirectory();
    }

    @Override
    public void sync(boolean metadata) throws IOException {
        if (channel instanceof FileChannel) {
            ((FileChannel) channel).force(metadata);
        }
    }

    @Override
    public long readableBytes() throws IOException {
        return Math.max(0, channel.size() - channel.position());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
