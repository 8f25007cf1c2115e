package dev.robusta.wasi.internal.preview1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.robusta.wasi.Wasi;
import dev.robusta.wasi.internal.Errno;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

class EnvironTest {
    @Test
    void environ_givesVariablesInOrderAsNameEqualsValue() {
        Map<String, String> more = new LinkedHashMap<>();
        more.put("B", "2");
        more.put("EMPTY", "");
        WasiHarness h = WasiHarness.of(Wasi.builder().env("A", "x=y").env(more).env("A", "1"));
        assertEquals(Errno.SUCCESS, h.call("environ_sizes_get", 0, 4));
        assertEquals(3, h.i32(0));
        assertEquals(4 + 4 + 7, h.i32(4));
        assertEquals(Errno.SUCCESS, h.call("environ_get", 100, 200));
        assertEquals(200, h.i32(100));
        assertEquals(204, h.i32(104));
        assertEquals(208, h.i32(108));
        assertEquals("A=1\0B=2\0EMPTY=\0", h.string(200, 15));
    }

    @Test
    void environ_emptyByDefault() {
        WasiHarness h = WasiHarness.of();
        assertEquals(Errno.SUCCESS, h.call("environ_sizes_get", 0, 4));
        assertEquals(0, h.i32(0));
        assertEquals(0, h.i32(4));
    }

    @Test
    void environ_errors() {
        WasiHarness h = WasiHarness.of(Wasi.builder().env("K", "v"));
        long end = h.memory.byteSize();
        assertEquals(Errno.EFAULT, h.call("environ_get", end - 3, 0));
        assertEquals(Errno.EFAULT, h.call("environ_get", 0, end - 3));
        assertEquals(Errno.EFAULT, h.call("environ_sizes_get", 0, end - 2));
    }
}
