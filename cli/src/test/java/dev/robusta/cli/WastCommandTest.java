package dev.robusta.cli;

import static dev.robusta.cli.Robusta.NL;
import static dev.robusta.cli.Robusta.run;
import static dev.robusta.cli.Robusta.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.cli.Robusta.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WastCommandTest {
    private static final String PASSING = "(module\n"
            + "  (func (export \"add\") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))\n"
            + "(assert_return (invoke \"add\" (i32.const 1) (i32.const 2)) (i32.const 3))\n"
            + "(assert_trap (module (func $f unreachable) (start $f)) \"unreachable\")\n"
            + "(assert_invalid (module (func (result i32) (i64.const 0))) \"type mismatch\")\n"
            + "(assert_malformed (module quote \"(func (i32.frobnicate))\") \"unknown operator\")\n";

    /** Line 3 and line 4 fail (a wrong result and a wrong trap message), line 5 is skipped. */
    private static final String FAILING = "(module\n"
            + "  (func (export \"one\") (result i32) (i32.const 1)))\n"
            + "(assert_return (invoke \"one\") (i32.const 2))\n"
            + "(assert_trap (invoke \"one\") \"unreachable\")\n"
            + "(assert_exception (invoke \"one\"))\n";

    @TempDir
    Path dir;

    @Test
    void passingScript_printsTheTotalAndExits0() {
        Result r = run("wast", write(dir, "ok.wast", PASSING));
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals("5 passed, 0 failed" + NL, r.out());
        assertEquals("", r.err());
    }

    @Test
    void failures_oneLineEach_thenTheTotal_exit1() {
        String file = write(dir, "bad.wast", FAILING);
        Result r = run("wast", file);
        assertEquals(1, r.exitCode());
        List<String> lines = r.lines();
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith(file + ":3: assert_return: result 0: expected "), r.out());
        assertTrue(lines.get(1).startsWith(file + ":4: assert_trap: expected trap \"unreachable\""), r.out());
        assertEquals("1 passed, 2 failed, 1 skipped", lines.get(2));
    }

    @Test
    void verbose_alsoPrintsSkipsAndATotalPerScript() {
        String ok = write(dir, "ok.wast", PASSING);
        String bad = write(dir, "bad.wast", FAILING);
        Result r = run("wast", "--verbose", ok, bad);
        assertEquals(1, r.exitCode());
        List<String> lines = r.lines();
        assertEquals(ok + ": 5 passed, 0 failed", lines.get(0));
        assertTrue(lines.get(3).startsWith(bad + ":5: assert_exception: skipped: "), r.out());
        assertEquals(bad + ": 1 passed, 2 failed, 1 skipped", lines.get(4));
        assertEquals("6 passed, 2 failed, 1 skipped", lines.get(5));
    }

    @Test
    void malformedScript_isOneFailure_andTheOthersStillRun() {
        String broken = write(dir, "broken.wast", "(module (func)\n(assert_return");
        String ok = write(dir, "ok.wast", PASSING);
        Result r = run("wast", broken, ok);
        assertEquals(1, r.exitCode());
        assertTrue(r.lines().get(0).startsWith(broken + ": script: malformed script: "), r.out());
        assertEquals("5 passed, 1 failed", r.lines().get(1));
    }

    @Test
    void dryRun_parsesAndEncodesWithoutRunning() {
        // the assert_return would fail if it ran
        String file = write(dir, "bad.wast", FAILING);
        Result r = run("wast", "--dry-run", file);
        assertEquals(0, r.exitCode(), r.out());
        assertEquals("1 passed, 0 failed" + NL, r.out());
    }

    @Test
    void dryRun_failsOnTextThatDoesNotParse() {
        String file = write(dir, "bad.wast", "(module (func (i32.frobnicate)))\n");
        Result r = run("wast", "--dry-run", file);
        assertEquals(1, r.exitCode());
        assertTrue(r.lines().get(0).startsWith(file + ":1: module: "), r.out());
        assertEquals("0 passed, 1 failed", r.lines().get(1));
    }

    @Test
    void features_overrideThoseOfThePath() {
        String file = write(dir, "multi.wast", "(module (memory 1) (memory 1))\n");
        assertEquals(0, run("wast", file).exitCode());
        Result r = run("wast", "--features", "2.0", file);
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("multi-memory"), r.out());
    }

    @Test
    void scriptsUnderWasm20_runWith20Features() throws IOException {
        Files.createDirectories(dir.resolve("wasm-2.0"));
        String file = write(dir.resolve("wasm-2.0"), "multi.wast", "(module (memory 1) (memory 1))\n");
        assertEquals(1, run("wast", file).exitCode());
    }

    @Test
    void missingFile_exits1BeforeRunningAnything() {
        String ok = write(dir, "ok.wast", PASSING);
        Result r = run("wast", ok, dir.resolve("missing.wast").toString());
        assertEquals(1, r.exitCode());
        assertEquals("", r.out());
        assertEquals("robusta: no such file: " + dir.resolve("missing.wast") + NL, r.err());
    }

    @Test
    void compilerEngine_runsTheScript() {
        Result r = run("wast", "--engine", "compiler", write(dir, "ok.wast", PASSING));
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void noFiles_isAUsageError() {
        Result r = run("wast");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("robusta: missing required parameter"), r.err());
    }

    @Test
    void report_writesAMarkdownTable() throws IOException {
        String ok = write(dir, "ok.wast", PASSING);
        String bad = write(dir, "bad.wast", FAILING);
        Path report = dir.resolve("conformance.md");
        Result r = run("wast", "--report", report.toString(), ok, bad);
        assertEquals(1, r.exitCode());
        String md = Files.readString(report);
        assertTrue(md.startsWith("# Conformance\n\nGenerated by `bin/robusta wast --report " + report + " "
                + dir + "/*.wast` on "), md);
        assertTrue(md.contains(" on " + LocalDate.now(ZoneOffset.UTC) + " "), md);
        assertTrue(md.contains("**Total: 2 scripts, 9 commands: 6 passed, 2 failed, 1 skipped.**"), md);
        assertTrue(md.contains("Scripts in `" + dir + "/`."), md);
        assertTrue(md.contains("| script | passed | failed | skipped | reasons |\n|---|---:|---:|---:|---|\n"), md);
        assertTrue(md.contains("| ok.wast | 5 | 0 | 0 |  |\n"), md);
        assertTrue(md.contains("| bad.wast | 1 | 2 | 1 | failed: assert_return: wrong result; "
                + "failed: assert_trap: expected trap \"unreachable\", got [(i32.const N)]; "
                + "skipped: assert_exception: "), md);
        assertTrue(md.endsWith("| **total** | **6** | **2** | **1** | |\n"), md);
    }

    @Test
    void report_isWrittenOnSuccessToo() throws IOException {
        Path report = dir.resolve("r.md");
        assertEquals(0, run("wast", "--report", report.toString(), write(dir, "ok.wast", PASSING)).exitCode());
        assertFalse(Files.readString(report).isEmpty());
    }
}
