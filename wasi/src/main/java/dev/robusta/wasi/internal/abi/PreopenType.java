package dev.robusta.wasi.internal.abi;

/**
 * The WASI {@code preopentype} enum (u8) of {@code wasi_snapshot_preview1}. Generated from
 * {@code wasi_preview1_constants.tsv}; {@code ConstantsTest} checks every value against it.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md">WASI preview1</a>
 */
public final class PreopenType {
    /** The type's name in the witx files. */
    public static final String WITX_NAME = "preopentype";

    public static final int DIR = 0;

    private PreopenType() {
    }
}
