package dev.robusta.wasi.internal.preview1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.robusta.wasi.Wasi;
import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.abi.FileType;
import dev.robusta.wasi.internal.abi.OFlags;
import dev.robusta.wasi.internal.abi.RightSets;
import dev.robusta.wasi.internal.abi.Rights;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

class FdReaddirTest {
    static final long BUF = 20000;

    @TempDir
    Path root;
    WasiHarness h;

    record Dirent(long next, long ino, String name, int type) {
    }

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(root.resolve("b"), "b");
        Files.writeString(root.resolve("a"), "a");
        Files.createDirectory(root.resolve("c"));
        Files.createSymbolicLink(root.resolve("l"), Path.of("a"));
        h = WasiHarness.of(Wasi.builder().preopen(".", root));
    }

    /** Reads once; returns bufused. */
    int readdir(int fd, long len, long cookie) {
        assertEquals(Errno.SUCCESS, h.call("fd_readdir", fd, BUF, len, cookie, 0));
        return h.i32(0);
    }

    /** The whole entries in {@code used} bytes at BUF. */
    List<Dirent> parse(int used) {
        List<Dirent> out = new ArrayList<>();
        long at = BUF;
        while (at + 24 <= BUF + used) {
            int namlen = h.i32(at + 16);
            if (at + 24 + namlen > BUF + used) {
                break;
            }
            out.add(new Dirent(h.i64(at), h.i64(at + 8), h.string(at + 24, namlen), h.u8(at + 20)));
            at += 24 + namlen;
        }
        return out;
    }

    @Test
    void fdReaddir_listsDotDotDotThenNamesInOrder() throws Exception {
        List<Dirent> all = parse(readdir(3, 4096, 0));
        List<String> names = new ArrayList<>();
        all.forEach(d -> names.add(d.name()));
        assertEquals(List.of(".", "..", "a", "b", "c", "l"), names);
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i + 1, all.get(i).next());
        }
        assertEquals(FileType.DIRECTORY, all.get(0).type());
        assertEquals(FileType.DIRECTORY, all.get(1).type());
        assertEquals(FileType.REGULAR_FILE, all.get(2).type());
        assertEquals(FileType.DIRECTORY, all.get(4).type());
        assertEquals(FileType.SYMBOLIC_LINK, all.get(5).type());
        long rootIno = ((Number) Files.getAttribute(root, "unix:ino")).longValue();
        assertEquals(rootIno, all.get(0).ino());
        assertEquals(rootIno, all.get(1).ino()); // the preopen is its own parent
        assertEquals(Files.getAttribute(root.resolve("a"), "unix:ino"), all.get(2).ino());
    }

    @Test
    void fdReaddir_ofASubdirectory_givesTheParentsInode() throws Exception {
        Files.writeString(root.resolve("c/x"), "");
        int fd = h.open(3, "c", OFlags.DIRECTORY, Rights.FD_READDIR, 0);
        List<Dirent> all = parse(readdir(fd, 4096, 0));
        assertEquals(3, all.size());
        assertEquals(Files.getAttribute(root.resolve("c"), "unix:ino"), all.get(0).ino());
        assertEquals(Files.getAttribute(root, "unix:ino"), all.get(1).ino());
        assertEquals("x", all.get(2).name());
    }

    @Test
    void fdReaddir_cutsTheLastEntryAndResumesFromItsCookie() {
        // "." takes 25 bytes, ".." 26: a 30-byte buffer holds "." and 5 bytes of ".."
        assertEquals(30, readdir(3, 30, 0));
        List<Dirent> first = parse(30);
        assertEquals(1, first.size());
        assertEquals(".", first.get(0).name());
        assertEquals(2, h.u8(BUF + 25)); // the first bytes of the cut entry: d_next of ".."
        List<String> names = new ArrayList<>();
        long cookie = 0;
        for (int round = 0; round < 20; round++) {
            int used = readdir(3, 40, cookie);
            List<Dirent> got = parse(used);
            for (Dirent d : got) {
                names.add(d.name());
                cookie = d.next();
            }
            if (used < 40) {
                break;
            }
        }
        assertEquals(List.of(".", "..", "a", "b", "c", "l"), names);
    }

    @Test
    void fdReaddir_keepsItsSnapshotUntilCookieZero() throws Exception {
        List<Dirent> first = parse(readdir(3, 60, 0));
        Files.writeString(root.resolve("aa"), "");
        List<Dirent> rest = parse(readdir(3, 4096, first.get(first.size() - 1).next()));
        List<String> names = new ArrayList<>();
        first.forEach(d -> names.add(d.name()));
        rest.forEach(d -> names.add(d.name()));
        assertEquals(List.of(".", "..", "a", "b", "c", "l"), names);
        assertEquals(7, parse(readdir(3, 4096, 0)).size()); // a rewind sees "aa"
    }

    @Test
    void fdReaddir_pastTheEnd_isEmpty() {
        readdir(3, 4096, 0);
        assertEquals(0, readdir(3, 4096, 6));
        assertEquals(0, readdir(3, 4096, 1000));
        assertEquals(0, readdir(3, 4096, -1));
        assertEquals(0, readdir(3, 0, 0));
    }

    @Test
    void fdReaddir_errors() {
        assertEquals(Errno.EBADF, h.call("fd_readdir", 99, BUF, 100, 0, 0));
        assertEquals(Errno.ENOTDIR, h.call("fd_readdir", 1, BUF, 100, 0, 0));
        int file = h.open(3, "a", 0, Rights.FD_READ, 0);
        assertEquals(Errno.ENOTDIR, h.call("fd_readdir", file, BUF, 100, 0, 0));
        assertEquals(Errno.EFAULT, h.call("fd_readdir", 3, h.memory.byteSize() - 10, 100, 0, 0));
        assertEquals(Errno.EFAULT, h.call("fd_readdir", 3, BUF, 100, 0, h.memory.byteSize()));
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_set_rights", 3, RightSets.DIRECTORY_BASE & ~Rights.FD_READDIR,
                RightSets.DIRECTORY_INHERITING));
        assertEquals(Errno.ENOTCAPABLE, h.call("fd_readdir", 3, BUF, 100, 0, 0));
    }
}
