package dev.robusta.wasi.internal.preview1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasm.ExitException;
import org.junit.jupiter.api.Test;

class ProcTest {
    @Test
    void procExit_throwsExitExceptionWithTheCode() {
        WasiHarness h = WasiHarness.of();
        ExitException e = assertThrows(ExitException.class, () -> h.function("proc_exit").call(42));
        assertEquals(42, e.exitCode());
        assertTrue(h.trace().endsWith("<== exit(42)\n"), h.trace());
        assertEquals(0, e.getStackTrace().length);
    }

    @Test
    void procExit_codeIsU32() {
        WasiHarness h = WasiHarness.of();
        ExitException e = assertThrows(ExitException.class, () -> h.function("proc_exit").call(0xFFFF_FFFFL));
        assertEquals(-1, e.exitCode());
    }

    @Test
    void procRaise_nullSignalSucceeds_othersAreNotSupported() {
        WasiHarness h = WasiHarness.of();
        assertEquals(Errno.SUCCESS, h.call("proc_raise", 0));
        assertEquals(Errno.ENOSYS, h.call("proc_raise", 15));
        assertEquals(Errno.ENOSYS, h.call("proc_raise", 30));
    }

    @Test
    void procRaise_errors() {
        WasiHarness h = WasiHarness.of();
        assertEquals(Errno.EINVAL, h.call("proc_raise", 31));
        assertEquals(Errno.EINVAL, h.call("proc_raise", -1));
    }

    @Test
    void schedYield_succeeds() {
        assertEquals(Errno.SUCCESS, WasiHarness.of().call("sched_yield"));
    }
}
