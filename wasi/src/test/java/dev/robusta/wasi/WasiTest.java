package dev.robusta.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.runtime.Imports;
import dev.robusta.runtime.Instance;
import dev.robusta.runtime.Module;
import dev.robusta.runtime.RuntimeConfig;
import dev.robusta.text.WatParser;
import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class WasiTest {
    static final String HELLO = "(module\n"
            + "  (import \"wasi_snapshot_preview1\" \"fd_write\" (func $fd_write (param i32 i32 i32 i32) (result i32)))\n"
            + "  (memory (export \"memory\") 1)\n"
            + "  (data (i32.const 16) \"Hello, world!\\n\")\n"
            + "  (func (export \"_start\")\n"
            + "    (i32.store (i32.const 0) (i32.const 16))\n"
            + "    (i32.store (i32.const 4) (i32.const 14))\n"
            + "    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))";

    static final String EXIT_7 = "(module\n"
            + "  (import \"wasi_snapshot_preview1\" \"proc_exit\" (func $exit (param i32)))\n"
            + "  (memory (export \"memory\") 1)\n"
            + "  (func (export \"_start\") (call $exit (i32.const 7)) unreachable))";

    static Module module(String wat) {
        return Module.of(WatParser.parseModule(wat), RuntimeConfig.DEFAULT);
    }

    @Test
    void start_hello_writesToStdoutAndReturnsZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Wasi wasi = Wasi.builder().stdout(out).build();
        Instance instance = module(HELLO).instantiate(wasi.importObject());
        assertEquals(0, wasi.start(instance));
        assertEquals("Hello, world!\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void start_wasiUnstableModule() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Wasi wasi = Wasi.builder().version(WasiVersion.UNSTABLE).stdout(out).build();
        Instance instance = module(HELLO.replace("wasi_snapshot_preview1", "wasi_unstable"))
                .instantiate(wasi.importObject());
        assertEquals(0, wasi.start(instance));
        assertEquals("Hello, world!\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void start_procExit_returnsTheExitCodeWithoutRunningOn() {
        Wasi wasi = Wasi.builder().build();
        assertEquals(7, wasi.start(module(EXIT_7).instantiate(wasi.importObject())));
    }

    @Test
    void start_trap_propagates() {
        Wasi wasi = Wasi.builder().build();
        Instance instance = module("(module (memory (export \"memory\") 1) (func (export \"_start\") unreachable))")
                .instantiate(wasi.importObject());
        TrapException e = assertThrows(TrapException.class, () -> wasi.start(instance));
        assertEquals(Trap.UNREACHABLE, e.trap());
    }

    @Test
    void start_errors() {
        Wasi noMemory = Wasi.builder().build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> noMemory.start(
                module("(module (func (export \"_start\")))").instantiate(noMemory.importObject())));
        assertTrue(e.getMessage().contains("memory"), e.getMessage());

        Wasi noStart = Wasi.builder().build();
        e = assertThrows(IllegalArgumentException.class, () -> noStart.start(
                module("(module (memory (export \"memory\") 1))").instantiate(noStart.importObject())));
        assertTrue(e.getMessage().contains("_start"), e.getMessage());

        Wasi reactor = Wasi.builder().build();
        e = assertThrows(IllegalArgumentException.class, () -> reactor.start(module(
                "(module (memory (export \"memory\") 1) (func (export \"_start\")) (func (export \"_initialize\")))")
                .instantiate(reactor.importObject())));
        assertTrue(e.getMessage().contains("_initialize"), e.getMessage());

        Wasi badType = Wasi.builder().build();
        e = assertThrows(IllegalArgumentException.class, () -> badType.start(module(
                "(module (memory (export \"memory\") 1) (func (export \"_start\") (param i32)))")
                .instantiate(badType.importObject())));
        assertTrue(e.getMessage().contains("_start"), e.getMessage());

        Wasi twice = Wasi.builder().build();
        Instance instance = module(HELLO).instantiate(twice.importObject());
        twice.start(instance);
        assertThrows(IllegalStateException.class, () -> twice.start(instance));
    }

    @Test
    void initialize_callsInitializeOnce() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Wasi wasi = Wasi.builder().stdout(out).build();
        String reactor = HELLO.replace("\"_start\"", "\"_initialize\"");
        Instance instance = module(reactor).instantiate(wasi.importObject());
        wasi.initialize(instance);
        assertEquals("Hello, world!\n", out.toString(StandardCharsets.UTF_8));
        assertThrows(IllegalStateException.class, () -> wasi.initialize(instance));
    }

    @Test
    void initialize_withoutInitializeExport_justBinds() {
        Wasi wasi = Wasi.builder().build();
        wasi.initialize(module("(module (memory (export \"memory\") 1))").instantiate(wasi.importObject()));
    }

    @Test
    void initialize_errors() {
        Wasi command = Wasi.builder().build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> command.initialize(module(HELLO).instantiate(command.importObject())));
        assertTrue(e.getMessage().contains("_start"), e.getMessage());
        Wasi noMemory = Wasi.builder().build();
        assertThrows(IllegalArgumentException.class,
                () -> noMemory.initialize(module("(module)").instantiate(noMemory.importObject())));
    }

    @Test
    void importObject_hasEveryFunctionOfTheVersionInSpecOrder() {
        Imports p1 = Wasi.builder().build().importObject();
        List<String> names = List.copyOf(p1.asMap().get("wasi_snapshot_preview1").keySet());
        assertEquals(46, names.size());
        assertEquals("args_get", names.get(0));
        assertEquals("sock_shutdown", names.get(45));
        Imports unstable = Wasi.builder().version(WasiVersion.UNSTABLE).build().importObject();
        assertEquals(45, unstable.asMap().get("wasi_unstable").size());
        assertFalse(unstable.asMap().get("wasi_unstable").containsKey("sock_accept"));
        assertEquals(1, unstable.asMap().size());
    }

    @Test
    void addTo_combinesWithOtherImports() {
        Imports.Builder b = Imports.builder();
        Wasi.builder().build().addTo(b);
        assertEquals(46, b.build().asMap().get("wasi_snapshot_preview1").size());
    }

    @Test
    void detect_findsTheImportedVersion() {
        assertEquals(WasiVersion.PREVIEW1, WasiVersion.detect(module(HELLO)).orElseThrow());
        assertEquals(WasiVersion.UNSTABLE, WasiVersion.detect(module(
                HELLO.replace("wasi_snapshot_preview1", "wasi_unstable"))).orElseThrow());
        assertTrue(WasiVersion.detect(module("(module)")).isEmpty());
    }

    @Test
    void builder_errors(@TempDir Path dir) throws Exception {
        Wasi.Builder b = Wasi.builder();
        assertThrows(IllegalArgumentException.class, () -> b.env("A=B", "x"));
        assertThrows(IllegalArgumentException.class, () -> b.env("", "x"));
        assertThrows(IllegalArgumentException.class, () -> b.env("A", "x\0y"));
        assertThrows(IllegalArgumentException.class, () -> b.args("a\0"));
        assertThrows(IllegalArgumentException.class, () -> b.preopen("/x", dir.resolve("missing")));
        Path file = Files.createFile(dir.resolve("file"));
        assertThrows(IllegalArgumentException.class, () -> b.preopen("/x", file));
        assertThrows(NullPointerException.class, () -> b.stdout(null));
    }

    @Test
    void trace_logsCallsAndErrnos() {
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        Wasi wasi = Wasi.builder().trace(new java.io.PrintStream(trace, true, StandardCharsets.UTF_8)).build();
        wasi.start(module(HELLO).instantiate(wasi.importObject()));
        String out = trace.toString(StandardCharsets.UTF_8);
        assertTrue(out.matches("wasi_snapshot_preview1\\.fd_write\\(fd=1,iovs=0,iovs_len=1,result\\.nwritten=8\\)"
                + " = SUCCESS \\d+\\.\\d(us|\\dms)\n"
                + "WASI calls \\(wasi_snapshot_preview1\\):\n"
                + "function +calls +errors +total\\(us\\)\n"
                + "fd_write +1 +0 +\\d+\\.\\d\n"
                + "total +1 +0 +\\d+\\.\\d\n"), out);
        wasi.close();
        assertEquals(out, trace.toString(StandardCharsets.UTF_8), "the summary is printed once");
    }

    @Test
    void trace_summaryAfterProcExit() {
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        Wasi wasi = Wasi.builder().trace(new java.io.PrintStream(trace, true, StandardCharsets.UTF_8)).build();
        assertEquals(7, wasi.start(module(EXIT_7).instantiate(wasi.importObject())));
        String out = trace.toString(StandardCharsets.UTF_8);
        assertTrue(out.matches("(?s)wasi_snapshot_preview1\\.proc_exit\\(rval=7\\) = exit\\(7\\) [^\n]+\n"
                + "WASI calls.*\nproc_exit +1 +0 .*"), out);
    }
}
