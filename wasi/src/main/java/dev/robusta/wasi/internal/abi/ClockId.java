package dev.robusta.wasi.internal.abi;

/**
 * The WASI {@code clockid} enum (u32) of {@code wasi_snapshot_preview1}. Generated from
 * {@code wasi_preview1_constants.tsv}; {@code ConstantsTest} checks every value against it.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md">WASI preview1</a>
 */
public final class ClockId {
    /** The type's name in the witx files. */
    public static final String WITX_NAME = "clockid";

    public static final int REALTIME = 0;
    public static final int MONOTONIC = 1;
    public static final int PROCESS_CPUTIME_ID = 2;
    public static final int THREAD_CPUTIME_ID = 3;

    private ClockId() {
    }
}
