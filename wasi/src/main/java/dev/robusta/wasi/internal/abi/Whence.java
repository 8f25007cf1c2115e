package dev.robusta.wasi.internal.abi;

/**
 * The WASI {@code whence} enum (u8) of {@code wasi_snapshot_preview1}. Generated from
 * {@code wasi_preview1_constants.tsv}; {@code ConstantsTest} checks every value against it.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md">WASI preview1</a>
 */
public final class Whence {
    /** The type's name in the witx files. */
    public static final String WITX_NAME = "whence";

    public static final int SET = 0;
    public static final int CUR = 1;
    public static final int END = 2;

    private Whence() {
    }
}
