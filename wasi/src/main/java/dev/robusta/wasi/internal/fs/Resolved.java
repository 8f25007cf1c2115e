package dev.robusta.wasi.internal.fs;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A guest path resolved beneath a directory by {@link PathResolver}.
 *
 * @param path          the host path (a symbolic link when the final component was not followed)
 * @param depth         how many components below the directory it is (0: the directory itself)
 * @param last          the final component as resolved: a name, {@code "."} or {@code ".."}
 * @param attributes    the attributes of {@code path} without following it, or null when it does not exist
 * @param trailingSlash whether the guest path ended in {@code /} (the target must be a directory)
 */
public record Resolved(Path path, int depth, String last, BasicFileAttributes attributes, boolean trailingSlash) {
    /** Whether the file exists (as a link when a final link was not followed). */
    public boolean exists() {
        return attributes != null;
    }

    /** Whether it is an existing directory (not a link to one). */
    public boolean isDirectory() {
        return attributes != null && attributes.isDirectory();
    }

    /** Whether it is an existing symbolic link (only when the final link was not followed). */
    public boolean isSymbolicLink() {
        return attributes != null && attributes.isSymbolicLink();
    }

    /** Whether the path names the starting directory itself or ends in {@code .} or {@code ..}. */
    public boolean isDotOrDirectoryItself() {
        return depth == 0 || last.equals(".") || last.equals("..");
    }
}
