package dev.robusta.wasi.internal.fs;

/**
 * The WASI {@code filestat} of a file, before it is written in either ABI's layout.
 *
 * @param dev      device id
 * @param ino      inode (file serial number)
 * @param filetype a {@link dev.robusta.wasi.internal.abi.FileType} value
 * @param nlink    number of hard links
 * @param size     size in bytes
 * @param atim     last access, ns since the epoch
 * @param mtim     last modification, ns since the epoch
 * @param ctim     last status change, ns since the epoch
 */
public record Filestat(long dev, long ino, int filetype, long nlink, long size, long atim, long mtim, long ctim) {
}
