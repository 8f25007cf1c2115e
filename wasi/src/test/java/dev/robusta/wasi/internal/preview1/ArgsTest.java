package dev.robusta.wasi.internal.preview1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.wasi.Wasi;
import dev.robusta.wasi.internal.Errno;
import org.junit.jupiter.api.Test;

class ArgsTest {
    @Test
    void argsSizesGet_countsArgumentsAndTerminators() {
        WasiHarness h = WasiHarness.of(Wasi.builder().args("prog", "-v", "héllo"));
        assertEquals(Errno.SUCCESS, h.call("args_sizes_get", 0, 4));
        assertEquals(3, h.i32(0));
        assertEquals(5 + 3 + 7, h.i32(4)); // "héllo" is 6 bytes of UTF-8
    }

    @Test
    void argsGet_writesPointersAndNulTerminatedStrings() {
        WasiHarness h = WasiHarness.of(Wasi.builder().args("prog", "", "a b"));
        assertEquals(Errno.SUCCESS, h.call("args_get", 100, 200));
        assertEquals(200, h.i32(100));
        assertEquals(205, h.i32(104));
        assertEquals(206, h.i32(108));
        assertEquals("prog\0\0a b\0", h.string(200, 10));
        assertEquals(0, h.u8(210)); // nothing beyond
    }

    @Test
    void argsGet_noArguments_writesNothing() {
        WasiHarness h = WasiHarness.of();
        h.memory.writeInt(0, 0x5A5A5A5A);
        assertEquals(Errno.SUCCESS, h.call("args_sizes_get", 8, 12));
        assertEquals(0, h.i32(8));
        assertEquals(0, h.i32(12));
        assertEquals(Errno.SUCCESS, h.call("args_get", 0, 0));
        assertEquals(0x5A5A5A5A, h.i32(0));
    }

    @Test
    void argsGet_errors() {
        WasiHarness h = WasiHarness.of(Wasi.builder().args("prog"));
        long end = h.memory.byteSize();
        assertEquals(Errno.EFAULT, h.call("args_get", end - 2, 0));
        assertEquals(Errno.EFAULT, h.call("args_get", 0, end - 4)); // "prog\0" needs 5 bytes
        assertEquals(Errno.EFAULT, h.call("args_get", 0xFFFF_FFFFL, 0));
        assertEquals(Errno.EFAULT, h.call("args_sizes_get", end - 3, 0));
        assertEquals(Errno.EFAULT, h.call("args_sizes_get", 0, end));
        assertEquals(Errno.SUCCESS, h.call("args_get", end - 4, end - 5));
    }

    @Test
    void argsSizesGet_traceNamesParametersAndErrno() {
        WasiHarness h = WasiHarness.of(Wasi.builder().args("p"));
        h.call("args_sizes_get", 0, 4);
        h.call("args_sizes_get", 0, 0xFFFF_FFF0L);
        assertEquals("wasi_snapshot_preview1.args_sizes_get(result.argc=0,result.argv_len=4) = SUCCESS T\n"
                + "wasi_snapshot_preview1.args_sizes_get(result.argc=0,result.argv_len=4294967280) = EFAULT "
                + "([4294967280, +4) is outside the memory) T\n", h.trace().replaceAll(" \\d+\\.\\d+(us|ms|s)\n", " T\n"));
        h.wasi.close(); // a reactor: the summary comes at close
        assertTrue(h.trace().matches("(?s).*\nWASI calls \\(wasi_snapshot_preview1\\):\n"
                + "function +calls +errors +total\\(us\\)\nargs_sizes_get +2 +1 +\\d+\\.\\d\ntotal +2 +1 .*"),
                h.trace());
    }
}
