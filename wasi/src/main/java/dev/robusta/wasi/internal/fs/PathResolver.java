package dev.robusta.wasi.internal.fs;

import dev.robusta.wasi.internal.Errno;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves a guest path beneath a directory descriptor, component by component, as Linux's
 * {@code openat2(RESOLVE_BENEATH)} does: the result never lies outside the directory.
 *
 * <ul>
 * <li>An absolute path is refused ({@link Errno#ENOTCAPABLE}); an empty one is {@link Errno#ENOENT}.</li>
 * <li>{@code .} and empty components are skipped; {@code ..} goes back one component and is
 *     {@link Errno#ENOTCAPABLE} when it would climb above the directory.</li>
 * <li>A symbolic link is read and its target spliced into the remaining components, relative to the
 *     link's directory; an absolute target is {@link Errno#ENOTCAPABLE}, and a target that climbs above
 *     the directory fails at its {@code ..}. More than {@value #MAX_SYMLINKS} links is
 *     {@link Errno#ELOOP}. The final component is followed only when asked, or when the path ends in
 *     {@code /}.</li>
 * <li>Every component before the last must exist ({@link Errno#ENOENT}) and be a directory
 *     ({@link Errno#ENOTDIR}).</li>
 * <li>Each component must be one name to the host file system: one that the host would read as
 *     several (a separator or drive of another platform) is {@link Errno#ENOTCAPABLE}.</li>
 * </ul>
 *
 * <p>Only attributes of files beneath the directory are read, and nothing is changed. java.nio has no
 * {@code openat}, so a host process that swaps a directory for a link while the guest runs could race with
 * the check; see RATIONALE.md.
 */
public final class PathResolver {
    /** The most symbolic links one resolution follows, as Linux's {@code MAXSYMLINKS}. */
    public static final int MAX_SYMLINKS = 40;

    private PathResolver() {
    }

    /**
     * Resolves {@code path} beneath {@code dir}, after checking that {@code dir} is still reached from its
     * preopen {@code root} through real directories ({@link Beneath}).
     *
     * @param followFinal whether a symbolic link in the final component is followed
     * @throws dev.robusta.wasi.internal.ErrnoException ENOENT, ENOTDIR, ENOTCAPABLE, ELOOP
     */
    public static Resolved resolve(Path root, Path dir, String path, boolean followFinal) throws IOException {
        if (!Beneath.check(root, dir).isDirectory()) {
            throw Errno.ENOTDIR.exception(dir + " is no longer a directory");
        }
        if (path.isEmpty()) {
            throw Errno.ENOENT.exception("empty path");
        }
        if (path.charAt(0) == '/') {
            throw Errno.ENOTCAPABLE.exception("absolute path " + path);
        }
        boolean trailingSlash = path.endsWith("/");
        Deque<String> pending = new ArrayDeque<>(components(path));
        List<String> stack = new ArrayList<>();
        Path current = dir;
        String last = ".";
        BasicFileAttributes attributes = null;
        boolean attributesKnown = false;
        int links = 0;
        while (!pending.isEmpty()) {
            String c = pending.removeFirst();
            boolean isLast = pending.isEmpty();
            if (c.equals(".")) {
                last = c;
                attributesKnown = false;
                continue;
            }
            if (c.equals("..")) {
                if (stack.isEmpty()) {
                    throw Errno.ENOTCAPABLE.exception(path + " leads outside the directory");
                }
                stack.remove(stack.size() - 1);
                current = dir;
                for (String name : stack) {
                    current = current.resolve(name);
                }
                last = c;
                attributesKnown = false;
                continue;
            }
            Path candidate = child(current, c);
            BasicFileAttributes a = readNoFollow(candidate);
            if (a == null) {
                if (!isLast) {
                    throw Errno.ENOENT.exception(path);
                }
                stack.add(c);
                current = candidate;
                last = c;
                attributes = null;
                attributesKnown = true;
                break;
            }
            if (a.isSymbolicLink() && (!isLast || followFinal || trailingSlash)) {
                if (++links > MAX_SYMLINKS) {
                    throw Errno.ELOOP.exception(path);
                }
                String target = Files.readSymbolicLink(candidate).toString();
                if (target.isEmpty()) {
                    throw Errno.ENOENT.exception("empty link " + c);
                }
                if (target.charAt(0) == '/' || candidate.getFileSystem().getPath(target).isAbsolute()) {
                    throw Errno.ENOTCAPABLE.exception("link " + c + " points to the absolute path " + target);
                }
                List<String> targetComponents = components(target);
                for (int i = targetComponents.size() - 1; i >= 0; i--) {
                    pending.addFirst(targetComponents.get(i));
                }
                if (isLast && target.endsWith("/")) {
                    trailingSlash = true;
                }
                if (targetComponents.isEmpty()) {
                    pending.addFirst(".");
                }
                continue;
            }
            if (!isLast && !a.isDirectory()) {
                throw Errno.ENOTDIR.exception(path);
            }
            stack.add(c);
            current = candidate;
            last = c;
            attributes = a;
            attributesKnown = true;
        }
        if (!attributesKnown) {
            attributes = readNoFollow(current);
        }
        if (trailingSlash && attributes != null && !attributes.isDirectory()) {
            throw Errno.ENOTDIR.exception(path + " is not a directory");
        }
        return new Resolved(current, stack.size(), last, attributes, trailingSlash);
    }

    /** The non-empty components of a path. */
    static List<String> components(String path) {
        List<String> out = new ArrayList<>();
        for (String c : path.split("/")) {
            if (!c.isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }

    /** {@code dir}'s child {@code name}, which must be one component to the host file system. */
    private static Path child(Path dir, String name) {
        Path p;
        try {
            p = dir.resolve(name);
        } catch (java.nio.file.InvalidPathException e) {
            throw Errno.EINVAL.exception("bad name " + name);
        }
        Path fileName = p.getFileName();
        if (!dir.equals(p.getParent()) || fileName == null || !fileName.toString().equals(name)) {
            throw Errno.ENOTCAPABLE.exception("name " + name + " is not one component on the host");
        }
        return p;
    }

    private static BasicFileAttributes readNoFollow(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
