package dev.robusta.wasi.internal.abi;

/**
 * The WASI {@code sdflags} flags (u8) of {@code wasi_snapshot_preview1}. Generated from
 * {@code wasi_preview1_constants.tsv}; {@code ConstantsTest} checks every value against it.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md">WASI preview1</a>
 */
public final class SdFlags {
    /** The type's name in the witx files. */
    public static final String WITX_NAME = "sdflags";

    public static final int RD = 1;
    public static final int WR = 2;

    /** Every flag defined by the type (not a WASI constant). */
    public static final int ALL_FLAGS = 0x3;

    private SdFlags() {
    }
}
