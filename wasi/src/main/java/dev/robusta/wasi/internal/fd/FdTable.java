package dev.robusta.wasi.internal.fd;

import dev.robusta.wasi.internal.Errno;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The open descriptors of one WASI instance, by number. New descriptors take the lowest free number, as in
 * POSIX. Lookups check the rights an operation needs: no descriptor is {@link Errno#EBADF}, missing rights
 * {@link Errno#ENOTCAPABLE}.
 */
public final class FdTable {
    /** The most descriptors a guest may have open at once. */
    public static final int MAX_FDS = 1 << 16;

    private final List<Descriptor> fds = new ArrayList<>();

    /** Adds {@code d} at the lowest free number and returns it. */
    public int insert(Descriptor d) {
        for (int i = 0; i < fds.size(); i++) {
            if (fds.get(i) == null) {
                fds.set(i, d);
                return i;
            }
        }
        if (fds.size() >= MAX_FDS) {
            throw Errno.EMFILE.exception();
        }
        fds.add(d);
        return fds.size() - 1;
    }

    /** The descriptor {@code fd}, or null. */
    public Descriptor find(int fd) {
        return fd >= 0 && fd < fds.size() ? fds.get(fd) : null;
    }

    /** The descriptor {@code fd}; {@link Errno#EBADF} when there is none. */
    public Descriptor get(int fd) {
        Descriptor d = find(fd);
        if (d == null) {
            throw Errno.EBADF.exception("fd " + fd);
        }
        return d;
    }

    /**
     * The descriptor {@code fd}, which must hold every right in {@code rights}.
     *
     * @throws dev.robusta.wasi.internal.ErrnoException EBADF, or ENOTCAPABLE when a right is missing
     */
    public Descriptor get(int fd, long rights) {
        Descriptor d = get(fd);
        if ((d.rightsBase() & rights) != rights) {
            throw Errno.ENOTCAPABLE.exception("fd " + fd + " lacks rights 0x" + Long.toHexString(rights & ~d.rightsBase()));
        }
        return d;
    }

    /** The directory {@code fd} with {@code rights}; {@link Errno#ENOTDIR} when it is not a directory. */
    public DirectoryDescriptor directory(int fd, long rights) {
        Descriptor d = get(fd);
        if (!(d instanceof DirectoryDescriptor)) {
            throw Errno.ENOTDIR.exception("fd " + fd);
        }
        return (DirectoryDescriptor) get(fd, rights);
    }

    /** Removes and closes {@code fd}. */
    public void close(int fd) throws IOException {
        Descriptor d = get(fd);
        fds.set(fd, null);
        d.close();
    }

    /** Moves {@code from} to {@code to}, closing what {@code to} held; both must be open. */
    public void renumber(int from, int to) throws IOException {
        Descriptor d = get(from);
        Descriptor old = get(to);
        if (from == to) {
            return;
        }
        fds.set(to, d);
        fds.set(from, null);
        old.close();
    }

    /** Closes every descriptor (errors ignored). */
    public void closeAll() {
        for (int i = 0; i < fds.size(); i++) {
            Descriptor d = fds.get(i);
            fds.set(i, null);
            if (d != null) {
                try {
                    d.close();
                } catch (IOException ignored) {
                    // nothing useful to do at teardown
                }
            }
        }
    }
}
