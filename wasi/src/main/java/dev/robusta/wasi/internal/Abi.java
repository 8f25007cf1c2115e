package dev.robusta.wasi.internal;

import dev.robusta.wasi.internal.abi.Layouts;
import dev.robusta.wasi.internal.abi.Whence;

/**
 * What differs between the two WASI ABI versions Robusta implements with the same functions: the import
 * module name, the struct layouts, and the numbering of {@code whence}.
 */
public enum Abi {
    /** {@code wasi_snapshot_preview1}. */
    PREVIEW1("wasi_snapshot_preview1", Layouts.PREVIEW1, new int[] {Whence.SET, Whence.CUR, Whence.END}),
    /** {@code wasi_unstable} (snapshot 0): {@code whence} is {@code cur=0, end=1, set=2}. */
    UNSTABLE("wasi_unstable", Layouts.UNSTABLE, new int[] {Whence.CUR, Whence.END, Whence.SET});

    private final String moduleName;
    private final Layouts layouts;
    private final int[] whence;

    Abi(String moduleName, Layouts layouts, int[] whence) {
        this.moduleName = moduleName;
        this.layouts = layouts;
        this.whence = whence;
    }

    /** The import module name. */
    public String moduleName() {
        return moduleName;
    }

    public Layouts layouts() {
        return layouts;
    }

    /**
     * The preview1 {@link Whence} for a guest's {@code whence} value of this version.
     *
     * @throws ErrnoException {@link Errno#EINVAL} for an unknown value
     */
    public int whence(int guestValue) {
        if (guestValue < 0 || guestValue >= whence.length) {
            throw Errno.EINVAL.exception("whence " + guestValue);
        }
        return whence[guestValue];
    }
}
