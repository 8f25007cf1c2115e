package dev.robusta.wasi.internal.preview1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.runtime.Module;
import dev.robusta.runtime.RuntimeConfig;
import dev.robusta.text.WatParser;
import dev.robusta.wasi.Wasi;
import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.abi.Signal;
import dev.robusta.wasm.ExitException;
import org.junit.jupiter.api.Test;

class ProcTest {
    @Test
    void procExit_throwsExitExceptionWithTheCode() {
        WasiHarness h = WasiHarness.of();
        ExitException e = assertThrows(ExitException.class, () -> h.function("proc_exit").call(42));
        assertEquals(42, e.exitCode());
        assertTrue(h.trace().matches("wasi_snapshot_preview1\\.proc_exit\\(rval=42\\) = exit\\(42\\) \\S+\n"), h.trace());
        assertEquals(0, e.getStackTrace().length);
    }

    @Test
    void procExit_codeIsU32() {
        WasiHarness h = WasiHarness.of();
        ExitException e = assertThrows(ExitException.class, () -> h.function("proc_exit").call(0xFFFF_FFFFL));
        assertEquals(-1, e.exitCode());
    }

    @Test
    void procRaise_terminatingSignals_exitWith128PlusTheLinuxNumber() {
        int[][] cases = {
            {Signal.HUP, 129}, {Signal.INT, 130}, {Signal.QUIT, 131}, {Signal.ILL, 132}, {Signal.TRAP, 133},
            {Signal.ABRT, 134}, {Signal.BUS, 135}, {Signal.FPE, 136}, {Signal.KILL, 137}, {Signal.USR1, 138},
            {Signal.SEGV, 139}, {Signal.USR2, 140}, {Signal.PIPE, 141}, {Signal.ALRM, 142}, {Signal.TERM, 143},
            {Signal.XCPU, 152}, {Signal.XFSZ, 153}, {Signal.VTALRM, 154}, {Signal.PROF, 155}, {Signal.POLL, 157},
            {Signal.PWR, 158}, {Signal.SYS, 159},
        };
        for (int[] c : cases) {
            WasiHarness h = WasiHarness.of();
            ExitException e = assertThrows(ExitException.class, () -> h.call("proc_raise", c[0]), "signal " + c[0]);
            assertEquals(c[1], e.exitCode(), "signal " + c[0]);
            assertTrue(h.trace().contains("proc_raise(sig=" + c[0] + ") = exit(" + c[1] + ")"), h.trace());
        }
    }

    @Test
    void procRaise_ignoredStopAndContinueSignals_doNothing() {
        WasiHarness h = WasiHarness.of();
        for (int sig : new int[] {Signal.NONE, Signal.CHLD, Signal.CONT, Signal.STOP, Signal.TSTP, Signal.TTIN,
                Signal.TTOU, Signal.URG, Signal.WINCH}) {
            assertEquals(Errno.SUCCESS, h.call("proc_raise", sig), "signal " + sig);
        }
    }

    @Test
    void procRaise_everySignalIsClassified() {
        int terminating = 0;
        for (int sig = Signal.NONE; sig <= Signal.SYS; sig++) {
            if (Proc.terminates(sig)) {
                terminating++;
            }
        }
        assertEquals(22, terminating); // 30 signals, less chld, cont, stop, tstp, ttin, ttou, urg, winch
    }

    @Test
    void procRaise_terminatesAProgram_withTheStatus() {
        Wasi wasi = Wasi.builder().build();
        String wat = "(module (import \"wasi_snapshot_preview1\" \"proc_raise\" (func $raise (param i32) (result i32)))"
                + " (memory (export \"memory\") 1)"
                + " (func (export \"_start\") (drop (call $raise (i32.const 17))) (drop (call $raise (i32.const 15)))"
                + " unreachable))";
        Module m = Module.of(WatParser.parseModule(wat), RuntimeConfig.DEFAULT);
        assertEquals(143, wasi.start(m.instantiate(wasi.importObject())));
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
