package dev.robusta.wasi.internal.preview1;

import static dev.robusta.wasi.internal.abi.OFlags.CREAT;
import static dev.robusta.wasi.internal.abi.OFlags.DIRECTORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.wasi.Wasi;
import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.abi.FileType;
import dev.robusta.wasi.internal.abi.LookupFlags;
import dev.robusta.wasi.internal.abi.RightSets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A preopen on a non-default file system: a zip file through jdk.zipfs. */
class ZipFileSystemTest {
    static final long FILE = RightSets.REGULAR_FILE_BASE;

    @TempDir
    Path tmp;
    FileSystem zip;
    WasiHarness h;

    @BeforeEach
    void setUp() throws Exception {
        zip = FileSystems.newFileSystem(tmp.resolve("fs.zip"), Map.of("create", "true"));
        Files.createDirectory(zip.getPath("/docs"));
        Files.writeString(zip.getPath("/docs/readme.txt"), "zipped");
        h = WasiHarness.of(Wasi.builder().preopen("/zip", zip.getPath("/")));
    }

    @AfterEach
    void tearDown() throws Exception {
        h.wasi.close();
        zip.close();
    }

    @Test
    void zip_readWriteListAndStat() throws Exception {
        int fd = h.open(3, "docs/readme.txt", 0, FILE, 0);
        assertEquals("zipped", h.read(fd, 100));
        assertEquals(Errno.SUCCESS, h.call("fd_filestat_get", fd, 64));
        assertEquals(FileType.REGULAR_FILE, h.u8(64 + 16));
        assertEquals(6, h.i64(64 + 32));
        assertEquals(Errno.SUCCESS, h.call("fd_close", fd));

        int out = h.open(3, "docs/new.txt", CREAT, FILE, 0);
        assertEquals(Errno.SUCCESS, h.write(out, "written in a zip"));
        assertEquals(Errno.SUCCESS, h.call("fd_close", out));
        assertEquals("written in a zip", Files.readString(zip.getPath("/docs/new.txt")));

        assertEquals(Errno.SUCCESS, h.path("path_create_directory", 3, "made"));
        assertTrue(Files.isDirectory(zip.getPath("/made")));

        int dir = h.open(3, "docs", DIRECTORY, RightSets.DIRECTORY_BASE, 0);
        assertEquals(Errno.SUCCESS, h.call("fd_readdir", dir, WasiHarness.BUF, 4096, 0, 0));
        String listing = h.string(WasiHarness.BUF, h.i32(0));
        assertTrue(listing.contains("new.txt") && listing.contains("readme.txt"), listing);

        int len = h.put(WasiHarness.PATH, "docs/readme.txt");
        assertEquals(Errno.SUCCESS, h.call("path_filestat_get", 3, 0, WasiHarness.PATH, len, 64));
        assertEquals(6, h.i64(64 + 32));
    }

    @Test
    void zip_escapesAreRefused() {
        assertEquals(Errno.ENOTCAPABLE, h.pathOpen(3, LookupFlags.SYMLINK_FOLLOW, "../x", 0, FILE, FILE, 0));
        assertEquals(Errno.ENOTCAPABLE, h.pathOpen(3, LookupFlags.SYMLINK_FOLLOW, "/docs/readme.txt", 0, FILE, FILE, 0));
    }
}
