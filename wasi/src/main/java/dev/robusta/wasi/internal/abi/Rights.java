package dev.robusta.wasi.internal.abi;

/**
 * The WASI {@code rights} flags (u64) of {@code wasi_snapshot_preview1}. Generated from
 * {@code wasi_preview1_constants.tsv}; {@code ConstantsTest} checks every value against it.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md">WASI preview1</a>
 */
public final class Rights {
    /** The type's name in the witx files. */
    public static final String WITX_NAME = "rights";

    public static final long FD_DATASYNC = 1L;
    public static final long FD_READ = 2L;
    public static final long FD_SEEK = 4L;
    public static final long FD_FDSTAT_SET_FLAGS = 8L;
    public static final long FD_SYNC = 16L;
    public static final long FD_TELL = 32L;
    public static final long FD_WRITE = 64L;
    public static final long FD_ADVISE = 128L;
    public static final long FD_ALLOCATE = 256L;
    public static final long PATH_CREATE_DIRECTORY = 512L;
    public static final long PATH_CREATE_FILE = 1024L;
    public static final long PATH_LINK_SOURCE = 2048L;
    public static final long PATH_LINK_TARGET = 4096L;
    public static final long PATH_OPEN = 8192L;
    public static final long FD_READDIR = 16384L;
    public static final long PATH_READLINK = 32768L;
    public static final long PATH_RENAME_SOURCE = 65536L;
    public static final long PATH_RENAME_TARGET = 131072L;
    public static final long PATH_FILESTAT_GET = 262144L;
    public static final long PATH_FILESTAT_SET_SIZE = 524288L;
    public static final long PATH_FILESTAT_SET_TIMES = 1048576L;
    public static final long FD_FILESTAT_GET = 2097152L;
    public static final long FD_FILESTAT_SET_SIZE = 4194304L;
    public static final long FD_FILESTAT_SET_TIMES = 8388608L;
    public static final long PATH_SYMLINK = 16777216L;
    public static final long PATH_REMOVE_DIRECTORY = 33554432L;
    public static final long PATH_UNLINK_FILE = 67108864L;
    public static final long POLL_FD_READWRITE = 134217728L;
    public static final long SOCK_SHUTDOWN = 268435456L;
    public static final long SOCK_ACCEPT = 536870912L;

    /** Every flag defined by the type (not a WASI constant). */
    public static final long ALL_FLAGS = 0x3FFFFFFFL;

    private Rights() {
    }
}
