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
                Stubs.nosys("fd_advise", "fd:i32 offset:i64 len:i64 advice:i32"),
                Stubs.nosys("fd_allocate", "fd:i32 offset:i64 len:i64"),
                Stubs.nosys("fd_close", "fd:i32"),
                Stubs.nosys("fd_datasync", "fd:i32"),
                Stubs.nosys("fd_fdstat_get", "fd:i32 retptr0:i32"),
                Stubs.nosys("fd_fdstat_set_flags", "fd:i32 flags:i32"),
                Stubs.nosys("fd_fdstat_set_rights", "fd:i32 fs_rights_base:i64 fs_rights_inheriting:i64"),
                Stubs.nosys("fd_filestat_get", "fd:i32 retptr0:i32"),
                Stubs.nosys("fd_filestat_set_size", "fd:i32 size:i64"),
                Stubs.nosys("fd_filestat_set_times", "fd:i32 atim:i64 mtim:i64 fst_flags:i32"),
                FdIo.FD_PREAD,
                Stubs.nosys("fd_prestat_get", "fd:i32 retptr0:i32"),
                Stubs.nosys("fd_prestat_dir_name", "fd:i32 path:i32 path_len:i32"),
                FdIo.FD_PWRITE,
                FdIo.FD_READ,
                Stubs.nosys("fd_readdir", "fd:i32 buf:i32 buf_len:i32 cookie:i64 retptr0:i32"),
                Stubs.nosys("fd_renumber", "fd:i32 to:i32"),
                FdIo.FD_SEEK,
                Stubs.nosys("fd_sync", "fd:i32"),
                FdIo.FD_TELL,
                FdIo.FD_WRITE,
                Stubs.nosys("path_create_directory", "fd:i32 path_ptr:i32 path_len:i32"),
                Stubs.nosys("path_filestat_get", "fd:i32 flags:i32 path_ptr:i32 path_len:i32 retptr0:i32"),
                Stubs.nosys("path_filestat_set_times", "fd:i32 flags:i32 path_ptr:i32 path_len:i32 atim:i64 mtim:i64 fst_flags:i32"),
                Stubs.nosys("path_link", "old_fd:i32 old_flags:i32 old_path_ptr:i32 old_path_len:i32 new_fd:i32 new_path_ptr:i32 new_path_len:i32"),
                Stubs.nosys("path_open", "fd:i32 dirflags:i32 path_ptr:i32 path_len:i32 oflags:i32 fs_rights_base:i64 fs_rights_inheriting:i64 fdflags:i32 retptr0:i32"),
                Stubs.nosys("path_readlink", "fd:i32 path_ptr:i32 path_len:i32 buf:i32 buf_len:i32 retptr0:i32"),
                Stubs.nosys("path_remove_directory", "fd:i32 path_ptr:i32 path_len:i32"),
                Stubs.nosys("path_rename", "fd:i32 old_path_ptr:i32 old_path_len:i32 new_fd:i32 new_path_ptr:i32 new_path_len:i32"),
                Stubs.nosys("path_symlink", "old_path_ptr:i32 old_path_len:i32 fd:i32 new_path_ptr:i32 new_path_len:i32"),
                Stubs.nosys("path_unlink_file", "fd:i32 path_ptr:i32 path_len:i32"),
                Stubs.nosys("poll_oneoff", "in:i32 out:i32 nsubscriptions:i32 retptr0:i32"),
                Proc.PROC_EXIT,
                Proc.PROC_RAISE,
                Sched.SCHED_YIELD,
                Random.RANDOM_GET,
                Stubs.nosys("sock_accept", "fd:i32 flags:i32 retptr0:i32"),
                Stubs.nosys("sock_recv", "fd:i32 ri_data_ptr:i32 ri_data_len:i32 ri_flags:i32 retptr0:i32 retptr1:i32"),
                Stubs.nosys("sock_send", "fd:i32 si_data_ptr:i32 si_data_len:i32 si_flags:i32 retptr0:i32"),
                Stubs.nosys("sock_shutdown", "fd:i32 how:i32"));

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
