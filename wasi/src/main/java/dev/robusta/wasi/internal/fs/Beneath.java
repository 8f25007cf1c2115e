package dev.robusta.wasi.internal.fs;

import dev.robusta.wasi.internal.Errno;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Checks that an open descriptor's host path still leads to it through real directories beneath its
 * preopen. Descriptors are kept as paths (java.nio has no {@code openat}), and the guest can rename
 * directories and create links: without this check, replacing a directory on the way by a link would let
 * the host follow the link outside. Every path-based use of an open descriptor checks first.
 */
public final class Beneath {
    private Beneath() {
    }

    /**
     * Checks every component of {@code path} below {@code root}: each must exist and none may be a
     * symbolic link; all but the last must be directories.
     *
     * @return the attributes of {@code path} (not following it)
     * @throws dev.robusta.wasi.internal.ErrnoException ENOENT when something is missing or no longer a
     *         directory, ENOTCAPABLE when a link now stands on the way
     */
    public static BasicFileAttributes check(Path root, Path path) throws IOException {
        Path rel = root.relativize(path);
        Path current = root;
        BasicFileAttributes a = read(root);
        int n = rel.toString().isEmpty() ? 0 : rel.getNameCount();
        for (int i = 0; i < n; i++) {
            String name = rel.getName(i).toString();
            if (name.equals("..") || name.equals(".")) {
                throw Errno.ENOTCAPABLE.exception(path + " is not beneath " + root);
            }
            if (!a.isDirectory()) {
                throw Errno.ENOENT.exception(current + " is no longer a directory");
            }
            current = current.resolve(name);
            a = read(current);
            if (a.isSymbolicLink()) {
                throw Errno.ENOTCAPABLE.exception(current + " is now a symbolic link");
            }
        }
        return a;
    }

    private static BasicFileAttributes read(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw Errno.ENOENT.exception(p + " no longer exists");
        }
    }
}
