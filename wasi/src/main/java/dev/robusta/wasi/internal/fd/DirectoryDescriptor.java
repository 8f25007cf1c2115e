package dev.robusta.wasi.internal.fd;

import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.abi.FileType;
import dev.robusta.wasi.internal.fs.Beneath;
import dev.robusta.wasi.internal.fs.FileStats;
import dev.robusta.wasi.internal.fs.Filestat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An open directory: a preopen (with its guest name) or a directory opened beneath one. Paths given with
 * it are resolved beneath it by {@link dev.robusta.wasi.internal.fs.PathResolver}.
 *
 * <p>{@code fd_readdir} reads the listing once, when called with cookie 0, and serves later cookies from
 * that snapshot, so a guest that refills its buffer resumes exactly where it stopped. Entries are
 * {@code .}, {@code ..}, then the names in code-point order; cookie {@code n} is the position after the
 * n-th entry.
 */
public final class DirectoryDescriptor extends Descriptor {
    /** A directory entry of the snapshot. */
    public record Entry(byte[] name, long ino, int type) {
    }

    private final Path path;
    private final Path preopenRoot;
    private final String preopenName;
    private List<Entry> listing;

    /**
     * @param path        the directory on the host
     * @param preopenRoot the host directory of the preopen it descends from (itself for a preopen)
     * @param preopenName the guest path when this is a preopen, else null
     */
    public DirectoryDescriptor(Path path, Path preopenRoot, String preopenName, long rightsBase,
                               long rightsInheriting, int flags) {
        super(rightsBase, rightsInheriting, flags);
        this.path = path;
        this.preopenRoot = preopenRoot;
        this.preopenName = preopenName;
    }

    /** The directory on the host. */
    public Path path() {
        return path;
    }

    /** The host directory of the preopen this descends from. */
    public Path preopenRoot() {
        return preopenRoot;
    }

    /** The guest path of a preopen, or null when this directory was opened by the guest. */
    public String preopenName() {
        return preopenName;
    }

    @Override
    public int filetype() {
        return FileType.DIRECTORY;
    }

    @Override
    public Filestat stat() throws IOException {
        Beneath.check(preopenRoot, path);
        return FileStats.of(path, false);
    }

    @Override
    public void setTimes(FileTime atim, FileTime mtim) throws IOException {
        Beneath.check(preopenRoot, path);
        Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(mtim, atim, null);
    }

    @Override
    public void sync(boolean metadata) {
        // directories are synced by the host file system; nothing to flush through java.nio
    }

    /**
     * The listing snapshot; taken afresh when {@code refresh} (cookie 0) or when none was taken yet.
     */
    public List<Entry> listing(boolean refresh) throws IOException {
        if (listing == null || refresh) {
            listing = readListing();
        }
        return listing;
    }

    private List<Entry> readListing() throws IOException {
        List<Entry> out = new ArrayList<>();
        BasicFileAttributes self = Beneath.check(preopenRoot, path);
        if (!self.isDirectory()) {
            throw Errno.ENOTDIR.exception(path + " is no longer a directory");
        }
        long selfIno = FileStats.inode(path, self);
        out.add(new Entry(new byte[] {'.'}, selfIno, FileType.DIRECTORY));
        long parentIno = selfIno;
        Path parent = path.getParent();
        if (parent != null && !path.equals(preopenRoot)) {
            // only ever inside the preopen: its root reports itself as its parent
            parentIno = FileStats.inode(parent,
                    Files.readAttributes(parent, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        }
        out.add(new Entry(new byte[] {'.', '.'}, parentIno, FileType.DIRECTORY));
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(path)) {
            for (Path child : stream) {
                children.add(child);
            }
        }
        children.sort(Comparator.comparing(p -> p.getFileName().toString()));
        for (Path child : children) {
            byte[] name = child.getFileName().toString().getBytes(StandardCharsets.UTF_8);
            long ino;
            int type;
            try {
                BasicFileAttributes a = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                ino = FileStats.inode(child, a);
                type = FileStats.typeOf(child, a);
            } catch (IOException e) {
                // removed meanwhile: still listed, as the host listed it
                ino = 0;
                type = FileType.UNKNOWN;
            }
            out.add(new Entry(name, ino, type));
        }
        return out;
    }
}
