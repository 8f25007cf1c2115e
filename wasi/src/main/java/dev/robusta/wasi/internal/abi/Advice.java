package dev.robusta.wasi.internal.abi;

/**
 * The WASI {@code advice} enum (u8) of {@code wasi_snapshot_preview1}. Generated from
 * {@code wasi_preview1_constants.tsv}; {@code ConstantsTest} checks every value against it.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md">WASI preview1</a>
 */
public final class Advice {
    /** The type's name in the witx files. */
    public static final String WITX_NAME = "advice";

    public static final int NORMAL = 0;
    public static final int SEQUENTIAL = 1;
    public static final int RANDOM = 2;
    public static final int WILLNEED = 3;
    public static final int DONTNEED = 4;
    public static final int NOREUSE = 5;

    private Advice() {
    }
}
