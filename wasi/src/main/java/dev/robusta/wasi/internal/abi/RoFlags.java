package dev.robusta.wasi.internal.abi;

/**
 * The WASI {@code roflags} flags (u16) of {@code wasi_snapshot_preview1}. Generated from
 * {@code wasi_preview1_constants.tsv}; {@code ConstantsTest} checks every value against it.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md">WASI preview1</a>
 */
public final class RoFlags {
    /** The type's name in the witx files. */
    public static final String WITX_NAME = "roflags";

    public static final int RECV_DATA_TRUNCATED = 1;

    /** Every flag defined by the type (not a WASI constant). */
    public static final int ALL_FLAGS = 0x1;

    private RoFlags() {
    }
}
