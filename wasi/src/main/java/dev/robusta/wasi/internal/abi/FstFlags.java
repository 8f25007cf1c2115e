package dev.robusta.wasi.internal.abi;

/**
 * The WASI {@code fstflags} flags (u16) of {@code wasi_snapshot_preview1}. Generated from
 * {@code wasi_preview1_constants.tsv}; {@code ConstantsTest} checks every value against it.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md">WASI preview1</a>
 */
public final class FstFlags {
    /** The type's name in the witx files. */
    public static final String WITX_NAME = "fstflags";

    public static final int ATIM = 1;
    public static final int ATIM_NOW = 2;
    public static final int MTIM = 4;
    public static final int MTIM_NOW = 8;

    /** Every flag defined by the type (not a WASI constant). */
    public static final int ALL_FLAGS = 0xF;

    private FstFlags() {
    }
}
