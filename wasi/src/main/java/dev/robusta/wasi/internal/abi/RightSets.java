package dev.robusta.wasi.internal.abi;

import static dev.robusta.wasi.internal.abi.Rights.*;

/**
 * The sets of {@link Rights} each kind of descriptor can hold (those that mean something for it), as in
 * the original wasi-common: a descriptor never holds more than its kind's set, whatever was requested.
 */
public final class RightSets {
    /** Rights that only make sense on a regular file. */
    public static final long REGULAR_FILE_BASE = FD_DATASYNC | FD_READ | FD_SEEK | FD_FDSTAT_SET_FLAGS | FD_SYNC
            | FD_TELL | FD_WRITE | FD_ADVISE | FD_ALLOCATE | FD_FILESTAT_GET | FD_FILESTAT_SET_SIZE
            | FD_FILESTAT_SET_TIMES | POLL_FD_READWRITE;

    /** Rights that only make sense on a directory. */
    public static final long DIRECTORY_BASE = FD_FDSTAT_SET_FLAGS | FD_SYNC | FD_ADVISE | PATH_CREATE_DIRECTORY
            | PATH_CREATE_FILE | PATH_LINK_SOURCE | PATH_LINK_TARGET | PATH_OPEN | FD_READDIR | PATH_READLINK
            | PATH_RENAME_SOURCE | PATH_RENAME_TARGET | PATH_FILESTAT_GET | PATH_FILESTAT_SET_SIZE
            | PATH_FILESTAT_SET_TIMES | FD_FILESTAT_GET | FD_FILESTAT_SET_TIMES | PATH_SYMLINK
            | PATH_UNLINK_FILE | PATH_REMOVE_DIRECTORY | POLL_FD_READWRITE;

    /** What a directory passes on to the descriptors opened beneath it. */
    public static final long DIRECTORY_INHERITING = DIRECTORY_BASE | REGULAR_FILE_BASE;

    /** Standard input. */
    public static final long STDIN = FD_READ | FD_FDSTAT_SET_FLAGS | FD_FILESTAT_GET | POLL_FD_READWRITE;

    /** Standard output and error. */
    public static final long STDOUT = FD_WRITE | FD_FDSTAT_SET_FLAGS | FD_FILESTAT_GET | POLL_FD_READWRITE;

    /** A connected socket (as wasmtime gives: read, write, poll, fdflags, stat; plus shutdown). */
    public static final long SOCKET_CONNECTION = FD_READ | FD_WRITE | FD_FDSTAT_SET_FLAGS | FD_FILESTAT_GET
            | POLL_FD_READWRITE | SOCK_SHUTDOWN;

    /**
     * A listening socket: accept, poll (readable when a connection waits), fdflags, stat, read and shutdown
     * (both {@code ENOTCONN} on a listener, as in POSIX). It passes {@link #SOCKET_CONNECTION} on to the
     * connections it accepts.
     */
    public static final long SOCKET_LISTENER = SOCK_ACCEPT | FD_READ | FD_FDSTAT_SET_FLAGS | FD_FILESTAT_GET
            | POLL_FD_READWRITE | SOCK_SHUTDOWN;

    /** Rights that change a file system; a read-only preopen holds none of them. */
    public static final long MUTATING = FD_WRITE | FD_ALLOCATE | FD_FILESTAT_SET_SIZE
            | FD_FILESTAT_SET_TIMES | PATH_CREATE_DIRECTORY | PATH_CREATE_FILE | PATH_LINK_TARGET
            | PATH_RENAME_SOURCE | PATH_RENAME_TARGET | PATH_FILESTAT_SET_SIZE | PATH_FILESTAT_SET_TIMES
            | PATH_SYMLINK | PATH_UNLINK_FILE | PATH_REMOVE_DIRECTORY;

    private RightSets() {
    }
}
