package dev.robusta.wasi.internal.abi;

/**
 * The WASI {@code signal} enum (u8) of {@code wasi_snapshot_preview1}. Generated from
 * {@code wasi_preview1_constants.tsv}; {@code ConstantsTest} checks every value against it.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md">WASI preview1</a>
 */
public final class Signal {
    /** The type's name in the witx files. */
    public static final String WITX_NAME = "signal";

    public static final int NONE = 0;
    public static final int HUP = 1;
    public static final int INT = 2;
    public static final int QUIT = 3;
    public static final int ILL = 4;
    public static final int TRAP = 5;
    public static final int ABRT = 6;
    public static final int BUS = 7;
    public static final int FPE = 8;
    public static final int KILL = 9;
    public static final int USR1 = 10;
    public static final int SEGV = 11;
    public static final int USR2 = 12;
    public static final int PIPE = 13;
    public static final int ALRM = 14;
    public static final int TERM = 15;
    public static final int CHLD = 16;
    public static final int CONT = 17;
    public static final int STOP = 18;
    public static final int TSTP = 19;
    public static final int TTIN = 20;
    public static final int TTOU = 21;
    public static final int URG = 22;
    public static final int XCPU = 23;
    public static final int XFSZ = 24;
    public static final int VTALRM = 25;
    public static final int PROF = 26;
    public static final int WINCH = 27;
    public static final int POLL = 28;
    public static final int PWR = 29;
    public static final int SYS = 30;

    private Signal() {
    }
}
