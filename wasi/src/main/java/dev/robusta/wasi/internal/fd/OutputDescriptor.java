package dev.robusta.wasi.internal.fd;

import dev.robusta.wasi.internal.abi.FileType;
import dev.robusta.wasi.internal.abi.RightSets;
import dev.robusta.wasi.internal.fs.Filestat;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output or error: an {@link OutputStream} of the host, flushed after every write so the guest's
 * output appears as it writes it. Reported as a character device. Closing the descriptor does not close
 * the stream, which belongs to the embedder.
 */
public final class OutputDescriptor extends Descriptor {
    private final OutputStream out;

    public OutputDescriptor(OutputStream out) {
        super(RightSets.STDOUT, 0, 0);
        this.out = out;
    }

    @Override
    public int filetype() {
        return FileType.CHARACTER_DEVICE;
    }

    @Override
    public int write(byte[] buf, int off, int len) throws IOException {
        out.write(buf, off, len);
        out.flush();
        return len;
    }

    @Override
    public Filestat stat() {
        return new Filestat(0, 0, FileType.CHARACTER_DEVICE, 1, 0, 0, 0, 0);
    }

    @Override
    public void sync(boolean metadata) throws IOException {
        out.flush();
    }
}
