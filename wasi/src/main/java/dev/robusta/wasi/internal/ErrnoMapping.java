package dev.robusta.wasi.internal;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.NotYetConnectedException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.ProviderMismatchException;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Locale;

/**
 * The one mapping from host failures (java.io and java.nio exceptions) to WASI errno values. Every WASI
 * function reaches it through {@link HostAdapter}, so no host exception crosses the guest ABI.
 */
public final class ErrnoMapping {
    private ErrnoMapping() {
    }

    /**
     * The errno for a host failure, or null when the exception is not a host I/O failure (a bug, which the
     * adapter lets through as a trap).
     */
    public static Errno of(Throwable e) {
        if (e instanceof ErrnoException) {
            return ((ErrnoException) e).errno();
        }
        if (e instanceof NoSuchFileException) {
            return Errno.ENOENT;
        }
        if (e instanceof FileAlreadyExistsException) {
            return Errno.EEXIST;
        }
        if (e instanceof DirectoryNotEmptyException) {
            return Errno.ENOTEMPTY;
        }
        if (e instanceof NotDirectoryException) {
            return Errno.ENOTDIR;
        }
        if (e instanceof AccessDeniedException) {
            return Errno.EACCES;
        }
        if (e instanceof FileSystemLoopException) {
            return Errno.ELOOP;
        }
        if (e instanceof NotLinkException) {
            return Errno.EINVAL;
        }
        if (e instanceof AtomicMoveNotSupportedException) {
            return Errno.EXDEV;
        }
        if (e instanceof FileSystemException) {
            return ofReason(((FileSystemException) e).getReason());
        }
        if (e instanceof NotYetConnectedException) {
            return Errno.ENOTCONN;
        }
        if (e instanceof ClosedChannelException) {
            return Errno.EBADF;
        }
        if (e instanceof IOException) {
            return ofReason(e.getMessage());
        }
        if (e instanceof NonReadableChannelException || e instanceof NonWritableChannelException) {
            return Errno.EBADF;
        }
        if (e instanceof ReadOnlyFileSystemException) {
            return Errno.EROFS;
        }
        if (e instanceof UnsupportedOperationException) {
            return Errno.ENOTSUP;
        }
        if (e instanceof InvalidPathException) {
            return Errno.EINVAL;
        }
        if (e instanceof ProviderMismatchException) {
            return Errno.EXDEV;
        }
        if (e instanceof SecurityException) {
            return Errno.EACCES;
        }
        return null;
    }

    /** The errno for the reason text of a {@link FileSystemException} (the OS's strerror text on Unix). */
    static Errno ofReason(String reason) {
        if (reason == null) {
            return Errno.EIO;
        }
        String r = reason.toLowerCase(Locale.ROOT);
        if (r.contains("is a directory")) {
            return Errno.EISDIR;
        }
        if (r.contains("not a directory")) {
            return Errno.ENOTDIR;
        }
        if (r.contains("too many levels of symbolic links")) {
            return Errno.ELOOP;
        }
        if (r.contains("directory not empty")) {
            return Errno.ENOTEMPTY;
        }
        if (r.contains("file exists")) {
            return Errno.EEXIST;
        }
        if (r.contains("no such file")) {
            return Errno.ENOENT;
        }
        if (r.contains("permission denied")) {
            return Errno.EACCES;
        }
        if (r.contains("operation not permitted")) {
            return Errno.EPERM;
        }
        if (r.contains("cross-device")) {
            return Errno.EXDEV;
        }
        if (r.contains("no space left")) {
            return Errno.ENOSPC;
        }
        if (r.contains("file name too long")) {
            return Errno.ENAMETOOLONG;
        }
        if (r.contains("read-only file system")) {
            return Errno.EROFS;
        }
        if (r.contains("file too large")) {
            return Errno.EFBIG;
        }
        if (r.contains("invalid argument")) {
            return Errno.EINVAL;
        }
        if (r.contains("too many links")) {
            return Errno.EMLINK;
        }
        if (r.contains("too many open files")) {
            return Errno.EMFILE;
        }
        if (r.contains("device or resource busy")) {
            return Errno.EBUSY;
        }
        if (r.contains("broken pipe")) {
            return Errno.EPIPE;
        }
        if (r.contains("connection reset")) {
            return Errno.ECONNRESET;
        }
        if (r.contains("connection refused")) {
            return Errno.ECONNREFUSED;
        }
        if (r.contains("connection timed out")) {
            return Errno.ETIMEDOUT;
        }
        if (r.contains("not connected")) {
            return Errno.ENOTCONN;
        }
        if (r.contains("address already in use")) {
            return Errno.EADDRINUSE;
        }
        if (r.contains("operation not supported") || r.contains("not supported")) {
            return Errno.ENOTSUP;
        }
        return Errno.EIO;
    }
}
