package dev.robusta.wasi.internal.preview1;

import static dev.robusta.wasi.internal.GuestMemory.u32;

import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.GuestMemory;
import dev.robusta.wasi.internal.WasiContext;
import dev.robusta.wasi.internal.WasiFunction;
import dev.robusta.wasi.internal.abi.Rights;
import dev.robusta.wasi.internal.abi.Struct;
import dev.robusta.wasi.internal.fd.Descriptor;
import dev.robusta.wasi.internal.fd.DirectoryDescriptor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * {@code fd_readdir}.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md#-fd_readdirfd-fd-buf-pointeru8-buf_len-size-cookie-dircookie---resultsize-errno">fd_readdir</a>
 */
final class FdReaddir implements WasiFunction.Body {
    private final int op;

    private FdReaddir(int op) {
        this.op = op;
    }

    /**
     * {@code fd_readdir(fd, buf, buf_len, cookie) -> size}: fills the buffer with {@code dirent} headers
     * each followed by its name (no terminator), starting after the entry whose {@code d_next} was
     * {@code cookie} (0: the start, which re-reads the directory). The last entry is cut off when the buffer
     * is full; a result equal to {@code buf_len} thus means "maybe more": the caller reads again from the
     * last whole entry's {@code d_next}. Entries: {@code .}, {@code ..}, then the names in code-point order
     * ({@link DirectoryDescriptor}); {@code d_type} of a link is {@code symbolic_link}.
     *
     * <p>Errors: {@code EBADF}, {@code ENOTDIR} (not a directory), {@code ENOTCAPABLE} without
     * {@code fd_readdir}, {@code EFAULT}.
     */
    static final WasiFunction FD_READDIR = WasiFunction.of("fd_readdir",
            "fd:i32 buf:i32 buf_len:i32 cookie:i64 result.bufused:i32", new FdReaddir(0));

    private static int fdReaddir(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        int fd = (int) a[0];
        Descriptor d = ctx.fds().get(fd);
        if (!(d instanceof DirectoryDescriptor)) {
            throw Errno.ENOTDIR.exception("fd " + fd);
        }
        ctx.fds().get(fd, Rights.FD_READDIR);
        long buf = u32(a[1]);
        long len = u32(a[2]);
        long cookie = a[3];
        long out = u32(a[4]);
        mem.check(buf, len);
        mem.check(out, 4);
        List<DirectoryDescriptor.Entry> entries = ((DirectoryDescriptor) d).listing(cookie == 0);
        Struct dirent = ctx.abi().layouts().dirent;
        long used = 0;
        for (long i = cookie; i >= 0 && i < entries.size() && used < len; i++) {
            byte[] record = record(dirent, entries.get((int) i), i + 1);
            int n = (int) Math.min(record.length, len - used);
            mem.write(buf + used, record, 0, n);
            used += n;
        }
        mem.writeI32(out, (int) used);
        return 0;
    }

    /** The {@code dirent} header of an entry followed by its name. */
    private static byte[] record(Struct dirent, DirectoryDescriptor.Entry e, long next) {
        ByteBuffer bb = ByteBuffer.allocate(dirent.size() + e.name().length).order(ByteOrder.LITTLE_ENDIAN);
        bb.putLong(dirent.get("d_next").offset(), next);
        bb.putLong(dirent.get("d_ino").offset(), e.ino());
        bb.putInt(dirent.get("d_namlen").offset(), e.name().length);
        bb.put(dirent.get("d_type").offset(), (byte) e.type());
        bb.position(dirent.size());
        bb.put(e.name());
        return bb.array();
    }

    /** Runs the function this value stands for (a class per family, not a lambda class per function). */
    @Override
    public int call(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        switch (op) {
            case 0: return fdReaddir(ctx, mem, a);
            default: throw new AssertionError(op);
        }
    }
}
