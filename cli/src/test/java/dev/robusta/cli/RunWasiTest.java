package dev.robusta.cli;

import static dev.robusta.cli.Robusta.NL;
import static dev.robusta.cli.Robusta.run;
import static dev.robusta.cli.Robusta.runWithInput;
import static dev.robusta.cli.Robusta.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.cli.Robusta.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code robusta run} with modules that import WASI. */
class RunWasiTest {
    private static final String IMPORTS = ""
            + "  (import \"wasi_snapshot_preview1\" \"fd_write\" (func $fd_write (param i32 i32 i32 i32) (result i32)))\n"
            + "  (import \"wasi_snapshot_preview1\" \"fd_read\" (func $fd_read (param i32 i32 i32 i32) (result i32)))\n"
            + "  (import \"wasi_snapshot_preview1\" \"proc_exit\" (func $proc_exit (param i32)))\n"
            + "  (import \"wasi_snapshot_preview1\" \"args_sizes_get\" (func $args_sizes_get (param i32 i32) (result i32)))\n"
            + "  (import \"wasi_snapshot_preview1\" \"args_get\" (func $args_get (param i32 i32) (result i32)))\n"
            + "  (import \"wasi_snapshot_preview1\" \"environ_sizes_get\" "
            + "(func $environ_sizes_get (param i32 i32) (result i32)))\n"
            + "  (import \"wasi_snapshot_preview1\" \"environ_get\" (func $environ_get (param i32 i32) (result i32)))\n"
            + "  (import \"wasi_snapshot_preview1\" \"path_open\" (func $path_open "
            + "(param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))\n"
            + "  (memory (export \"memory\") 1)\n"
            // write(ptr, len): fd_write of one iovec at 0 to standard output
            + "  (func $write (param $ptr i32) (param $len i32)\n"
            + "    (i32.store (i32.const 0) (local.get $ptr)) (i32.store (i32.const 4) (local.get $len))\n"
            + "    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))\n"
            // cat(fd): copies one read of fd to standard output, through the buffer at 1024
            + "  (func $cat (param $fd i32)\n"
            + "    (i32.store (i32.const 0) (i32.const 1024)) (i32.store (i32.const 4) (i32.const 4096))\n"
            + "    (drop (call $fd_read (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 8)))\n"
            + "    (call $write (i32.const 1024) (i32.load (i32.const 8))))\n";

    @TempDir
    Path dir;

    private String program(String name, String body) {
        return write(dir, name, "(module\n" + IMPORTS + body + ")\n");
    }

    @Test
    void helloWorld_writesToStandardOutput() {
        String file = program("hello.wat", "  (data (i32.const 16) \"Hello, world!\\n\")\n"
                + "  (func (export \"_start\") (call $write (i32.const 16) (i32.const 14)))");
        Result r = run("run", file);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("Hello, world!\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void procExit_isTheExitCode() {
        String file = program("exit.wat", "  (func (export \"_start\") (call $proc_exit (i32.const 7)) unreachable)");
        Result r = run("run", file);
        assertEquals(7, r.exitCode(), r.err());
        assertEquals("", r.out() + r.err());
    }

    @Test
    void procExitInTheStartFunction_isTheExitCode() {
        String file = program("exit.wat", "  (func $init (call $proc_exit (i32.const 3))) (start $init)");
        assertEquals(3, run("run", file).exitCode());
    }

    /** Writes the argument strings (each ending in NUL) to standard output. */
    private String echoArgs() {
        return program("echo.wat", "  (func (export \"_start\")\n"
                + "    (drop (call $args_sizes_get (i32.const 16) (i32.const 20)))\n"
                + "    (drop (call $args_get (i32.const 256) (i32.const 2048)))\n"
                + "    (call $write (i32.const 2048) (i32.load (i32.const 20))))");
    }

    @Test
    void arguments_areTheFileNameThenArgs() {
        Result r = run("run", echoArgs(), "one", "-two", "--three");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("echo.wat\0one\0-two\0--three\0", r.out());
    }

    @Test
    void environment_onlyWhatIsGiven() {
        String file = program("env.wat", "  (func (export \"_start\")\n"
                + "    (drop (call $environ_sizes_get (i32.const 16) (i32.const 20)))\n"
                + "    (drop (call $environ_get (i32.const 256) (i32.const 2048)))\n"
                + "    (call $write (i32.const 2048) (i32.load (i32.const 20))))");
        assertEquals("", run("run", file).out());
        Result r = run("run", "--env", "K=v", "--env", "EMPTY=", "--env", "ROBUSTA_SURELY_UNSET", file);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("K=v\0EMPTY=\0", r.out());
        String path = System.getenv("PATH");
        if (path != null) {
            assertEquals("PATH=" + path + "\0", run("run", "--env", "PATH", file).out());
        }
    }

    @Test
    void standardInput_isRobustas() {
        String file = program("cat.wat", "  (func (export \"_start\") (call $cat (i32.const 0)))");
        Result r = runWithInput("from stdin".getBytes(StandardCharsets.UTF_8), "run", file);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("from stdin", r.out());
    }

    /** Exits with the errno of fd_read on descriptor 3, the first preopened directory (if any). */
    private String readFd3() {
        return program("fd3.wat", "  (func (export \"_start\")\n"
                + "    (i32.store (i32.const 0) (i32.const 1024)) (i32.store (i32.const 4) (i32.const 16))\n"
                + "    (call $proc_exit (call $fd_read (i32.const 3) (i32.const 0) (i32.const 1) (i32.const 8))))");
    }

    @Test
    void dir_hostAndGuestPaths() {
        assertEquals(new RunCommand.Preopen(Path.of("data"), "/sandbox"), RunCommand.Preopen.parse("data::/sandbox"));
        assertEquals(new RunCommand.Preopen(Path.of("./data"), "./data"), RunCommand.Preopen.parse("./data"));
        assertEquals(new RunCommand.Preopen(Path.of("c:x"), "y::z"), RunCommand.Preopen.parse("c:x::y::z"));
    }

    @Test
    void withoutDir_thereIsNoDescriptor3() {
        assertEquals(8, run("run", readFd3()).exitCode()); // EBADF
    }

    @Test
    void dir_thatDoesNotExist_isAUsageError() {
        String missing = dir.resolve("missing").toString();
        Result r = run("run", "--dir", missing, readFd3());
        assertEquals(1, r.exitCode());
        assertEquals("robusta: --dir " + missing + ": " + missing + " is not a directory (see 'robusta help run')"
                + NL, r.err());
    }

    @Test
    void dir_withAnEmptyGuestPath_isAUsageError() {
        Result r = run("run", "--dir", dir + "::", readFd3());
        assertEquals(1, r.exitCode());
        assertEquals("robusta: --dir expects HOST or HOST::GUEST, not '" + dir + "::' (see 'robusta help run')" + NL,
                r.err());
    }

    @Test
    void traceWasi_logsCallsToStandardError() {
        String file = program("exit.wat", "  (func (export \"_start\") (call $proc_exit (i32.const 0)))");
        Result r = run("run", "--trace-wasi", file);
        assertEquals(0, r.exitCode());
        assertTrue(r.err().matches("wasi_snapshot_preview1\\.proc_exit\\(rval=0\\) = exit\\(0\\) \\d+\\.\\d+(us|ms)\n"
                + "WASI calls \\(wasi_snapshot_preview1\\):\n"
                + "function +calls +errors +total\\(us\\)\n"
                + "proc_exit +1 +0 +\\d+\\.\\d\n"
                + "total +1 +0 +\\d+\\.\\d\n"), r.err());
        assertEquals("", run("run", file).err());
    }

    @Test
    void traceWasi_afterATrap_stillSummarizes() {
        String file = program("trap.wat", "  (func (export \"_start\") (call $write (i32.const 0) (i32.const 0)) unreachable)");
        Result r = run("run", "--trace-wasi", file);
        assertEquals(134, r.exitCode());
        assertTrue(r.err().matches("(?s)wasi_snapshot_preview1\\.fd_write\\(fd=1,[^\n]*\\) = SUCCESS [^\n]+\n"
                + "WASI calls .*\nfd_write +1 +0 .*robusta: trap: unreachable.*"), r.err());
    }

    @Test
    void trap_inAWasiProgram_exits134() {
        String file = program("trap.wat", "  (func (export \"_start\") unreachable)");
        Result r = run("run", file);
        assertEquals(134, r.exitCode());
        assertTrue(r.err().startsWith("robusta: trap: unreachable" + NL), r.err());
    }

    @Test
    void invoke_onAWasiModule_canUseWasi() {
        String file = program("lib.wat", "  (data (i32.const 16) \"hi\")\n"
                + "  (func (export \"_start\") unreachable)\n"
                + "  (func (export \"greet\") (param i32) (result i32)\n"
                + "    (call $write (i32.const 16) (i32.const 2)) (i32.mul (local.get 0) (i32.const 2)))");
        Result r = run("run", "--invoke", "greet", file, "21");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("hi42" + NL, r.out());
    }

    @Test
    void reactor_isInitializedBeforeInvoke() {
        String file = program("reactor.wat", "  (global $ready (mut i32) (i32.const 0))\n"
                + "  (func (export \"_initialize\") (global.set $ready (i32.const 1)))\n"
                + "  (func (export \"ready\") (result i32) (global.get $ready))");
        assertEquals("1" + NL, run("run", "--invoke", "ready", file).out());
        assertEquals(0, run("run", file).exitCode());
    }

    @Test
    void wasiProgramWithoutMemoryExport_exits1() {
        String file = write(dir, "nomem.wat", "(module (import \"wasi_snapshot_preview1\" \"proc_exit\" "
                + "(func (param i32))) (memory 1) (func (export \"_start\")))");
        Result r = run("run", file);
        assertEquals(1, r.exitCode());
        assertEquals("robusta: cannot run this WASI program: it does not export its memory as \"memory\"" + NL,
                r.err());
    }

    @Test
    void commandAndReactorAtOnce_exits1() {
        String file = program("both.wat", "  (func (export \"_start\")) (func (export \"_initialize\"))");
        Result r = run("run", file);
        assertEquals(1, r.exitCode());
        assertEquals("robusta: cannot run this WASI program: it exports both _start (a command) and _initialize "
                + "(a reactor)" + NL, r.err());
    }

    @Test
    void unknownImportBesideWasi_isALinkError() {
        String file = write(dir, "env.wat", "(module (import \"wasi_snapshot_preview1\" \"proc_exit\" "
                + "(func (param i32))) (import \"env\" \"f\" (func)) (memory (export \"memory\") 1))");
        Result r = run("run", file);
        assertEquals(1, r.exitCode());
        assertEquals("robusta: link error: unknown import \"env\" \"f\"" + NL, r.err());
    }

    @Test
    void wasiUnstable_isProvidedToo() {
        String file = write(dir, "old.wat", "(module (import \"wasi_unstable\" \"proc_exit\" (func $exit (param i32)))"
                + " (memory (export \"memory\") 1) (func (export \"_start\") (call $exit (i32.const 5))))");
        assertEquals(5, run("run", file).exitCode());
    }
}
