package dev.robusta.wasi.internal.preview1;

import static dev.robusta.wasi.internal.GuestMemory.u32;

import dev.robusta.wasi.internal.GuestMemory;
import dev.robusta.wasi.internal.WasiContext;
import dev.robusta.wasi.internal.fd.DirectoryDescriptor;
import dev.robusta.wasi.internal.fs.PathResolver;
import dev.robusta.wasi.internal.fs.Resolved;

import java.io.IOException;

/** The common first step of the {@code path_*} functions: a directory with rights, and a path beneath it. */
final class PathArgs {
    private PathArgs() {
    }

    /**
     * Checks {@code fd} is a directory holding {@code rights}, reads the path at {@code ptr}/{@code len}
     * and resolves it beneath the directory.
     */
    static Resolved resolve(WasiContext ctx, GuestMemory mem, long fd, long rights, long ptr, long len,
                            boolean follow) throws IOException {
        DirectoryDescriptor dir = ctx.fds().directory((int) fd, rights);
        String path = mem.readPath(u32(ptr), u32(len));
        return PathResolver.resolve(dir.preopenRoot(), dir.path(), path, follow);
    }
}
