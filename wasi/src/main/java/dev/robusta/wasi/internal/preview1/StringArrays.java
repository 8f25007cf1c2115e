package dev.robusta.wasi.internal.preview1;

import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.GuestMemory;

import java.util.List;

/**
 * The layout shared by {@code args_*} and {@code environ_*}: an array of u32 pointers and a buffer of
 * NUL-terminated strings.
 */
final class StringArrays {
    private StringArrays() {
    }

    /** Writes the count and the buffer size (with terminators) to the two out-pointers. */
    static int sizesGet(GuestMemory mem, List<byte[]> strings, long countPtr, long bufSizePtr) {
        long size = bufferSize(strings);
        if (size > 0xFFFF_FFFFL) {
            throw Errno.E2BIG.exception();
        }
        mem.check(countPtr, 4);
        mem.check(bufSizePtr, 4);
        mem.writeI32(countPtr, strings.size());
        mem.writeI32(bufSizePtr, (int) size);
        return 0;
    }

    /** Writes the pointers at {@code ptrs} and the strings at {@code buf}. */
    static int get(GuestMemory mem, List<byte[]> strings, long ptrs, long buf) {
        mem.check(ptrs, 4L * strings.size());
        mem.check(buf, bufferSize(strings));
        long at = buf;
        for (int i = 0; i < strings.size(); i++) {
            byte[] s = strings.get(i);
            mem.writeI32(ptrs + 4L * i, (int) at);
            mem.write(at, s);
            mem.writeU8(at + s.length, 0);
            at += s.length + 1;
        }
        return 0;
    }

    private static long bufferSize(List<byte[]> strings) {
        long size = 0;
        for (byte[] s : strings) {
            size += s.length + 1;
        }
        return size;
    }
}
