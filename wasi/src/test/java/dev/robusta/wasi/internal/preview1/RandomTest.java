package dev.robusta.wasi.internal.preview1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.robusta.wasi.internal.Errno;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

class RandomTest {
    @Test
    void randomGet_fillsExactlyTheBuffer() {
        WasiHarness h = WasiHarness.of();
        h.memory.writeByte(99, (byte) 0x55);
        h.memory.writeByte(164, (byte) 0x55);
        assertEquals(Errno.SUCCESS, h.call("random_get", 100, 64));
        byte[] a = h.memory.readBytes(100, 64);
        assertFalse(Arrays.equals(new byte[64], a)); // 2^-512
        assertEquals(0x55, h.u8(99));
        assertEquals(0x55, h.u8(164));
        assertEquals(Errno.SUCCESS, h.call("random_get", 100, 64));
        assertFalse(Arrays.equals(a, h.memory.readBytes(100, 64)));
    }

    @Test
    void randomGet_largeAndEmptyBuffers() {
        WasiHarness h = WasiHarness.of();
        assertEquals(Errno.SUCCESS, h.call("random_get", 0, 100_000));
        assertFalse(Arrays.equals(new byte[1000], h.memory.readBytes(99_000, 1000)));
        assertEquals(Errno.SUCCESS, h.call("random_get", h.memory.byteSize(), 0));
    }

    @Test
    void randomGet_errors() {
        WasiHarness h = WasiHarness.of();
        assertEquals(Errno.EFAULT, h.call("random_get", h.memory.byteSize() - 3, 4));
        assertEquals(Errno.EFAULT, h.call("random_get", 0, 0xFFFF_FFFFL));
    }
}
