package dev.robusta.wasi.internal.abi;

/**
 * The WASI {@code eventtype} enum (u8) of {@code wasi_snapshot_preview1}. Generated from
 * {@code wasi_preview1_constants.tsv}; {@code ConstantsTest} checks every value against it.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md">WASI preview1</a>
 */
public final class EventType {
    /** The type's name in the witx files. */
    public static final String WITX_NAME = "eventtype";

    public static final int CLOCK = 0;
    public static final int FD_READ = 1;
    public static final int FD_WRITE = 2;

    private EventType() {
    }
}
