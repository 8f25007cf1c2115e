package dev.robusta.wasi.internal.preview1;

import dev.robusta.wasi.internal.Abi;
import dev.robusta.wasi.internal.WasiFunction;

import java.util.ArrayList;
import java.util.List;

/**
 * Every WASI function, registered in the order of the specification ({@code wasi_snapshot_preview1}'s
 * witx). {@code wasi_unstable} has the same functions, with its own layouts and {@code whence} numbering
 * (handled through {@link Abi}), except {@code sock_accept}.
 */
public final class Functions {
    private static final List<WasiFunction> PREVIEW1 = List.of(
                Args.ARGS_GET,
                Args.ARGS_SIZES_GET,
                Environ.ENVIRON_GET,
                Environ.ENVIRON_SIZES_GET,
                Clock.CLOCK_RES_GET,
                Clock.CLOCK_TIME_GET,
                FdMisc.FD_ADVISE,
                FdMisc.FD_ALLOCATE,
                FdMisc.FD_CLOSE,
                FdMisc.FD_DATASYNC,
                FdStat.FD_FDSTAT_GET,
                FdStat.FD_FDSTAT_SET_FLAGS,
                FdStat.FD_FDSTAT_SET_RIGHTS,
                FdStat.FD_FILESTAT_GET,
                FdStat.FD_FILESTAT_SET_SIZE,
                FdStat.FD_FILESTAT_SET_TIMES,
                FdIo.FD_PREAD,
                FdStat.FD_PRESTAT_GET,
                FdStat.FD_PRESTAT_DIR_NAME,
                FdIo.FD_PWRITE,
                FdIo.FD_READ,
                FdReaddir.FD_READDIR,
                FdMisc.FD_RENUMBER,
                FdIo.FD_SEEK,
                FdMisc.FD_SYNC,
                FdIo.FD_TELL,
                FdIo.FD_WRITE,
                PathFiles.PATH_CREATE_DIRECTORY,
                PathStat.PATH_FILESTAT_GET,
                PathStat.PATH_FILESTAT_SET_TIMES,
                PathFiles.PATH_LINK,
                PathOpen.PATH_OPEN,
                PathFiles.PATH_READLINK,
                PathFiles.PATH_REMOVE_DIRECTORY,
                PathFiles.PATH_RENAME,
                PathFiles.PATH_SYMLINK,
                PathFiles.PATH_UNLINK_FILE,
                Poll.POLL_ONEOFF,
                Proc.PROC_EXIT,
                Proc.PROC_RAISE,
                Sched.SCHED_YIELD,
                Random.RANDOM_GET,
                Sock.SOCK_ACCEPT,
                Sock.SOCK_RECV,
                Sock.SOCK_SEND,
                Sock.SOCK_SHUTDOWN);

    private Functions() {
    }

    /** The functions of {@code abi}, in specification order. */
    public static List<WasiFunction> of(Abi abi) {
        if (abi == Abi.PREVIEW1) {
            return PREVIEW1;
        }
        List<WasiFunction> out = new ArrayList<>(PREVIEW1);
        out.removeIf(f -> f.name().equals("sock_accept"));
        return List.copyOf(out);
    }
}
