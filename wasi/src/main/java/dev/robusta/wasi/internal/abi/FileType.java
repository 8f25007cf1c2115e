package dev.robusta.wasi.internal.abi;

/**
 * The WASI {@code filetype} enum (u8) of {@code wasi_snapshot_preview1}. Generated from
 * {@code wasi_preview1_constants.tsv}; {@code ConstantsTest} checks every value against it.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md">WASI preview1</a>
 */
public final class FileType {
    /** The type's name in the witx files. */
    public static final String WITX_NAME = "filetype";

    public static final int UNKNOWN = 0;
    public static final int BLOCK_DEVICE = 1;
    public static final int CHARACTER_DEVICE = 2;
    public static final int DIRECTORY = 3;
    public static final int REGULAR_FILE = 4;
    public static final int SOCKET_DGRAM = 5;
    public static final int SOCKET_STREAM = 6;
    public static final int SYMBOLIC_LINK = 7;

    private FileType() {
    }
}
