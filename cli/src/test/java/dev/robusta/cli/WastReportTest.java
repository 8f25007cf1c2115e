package dev.robusta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.testsuite.Outcome;
import dev.robusta.testsuite.Outcome.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WastReportTest {
    @TempDir
    Path dir;

    @Test
    void command_allScriptsOfAFolder_isWrittenAsAGlob() throws Exception {
        String a = Files.writeString(dir.resolve("a.wast"), "").toString();
        String b = Files.writeString(dir.resolve("b.wast"), "").toString();
        assertEquals("bin/robusta wast --report r.md " + dir + "/*.wast",
                WastReport.command(List.of("--report", "r.md", a, b)));
    }

    @Test
    void command_someScriptsOfAFolder_areListed() throws Exception {
        String a = Files.writeString(dir.resolve("a.wast"), "").toString();
        Files.writeString(dir.resolve("b.wast"), "");
        assertEquals("bin/robusta wast --dry-run " + a, WastReport.command(List.of("--dry-run", a)));
    }

    @Test
    void markdown_escapesPipesAndCutsLongReasons() {
        ScriptTally t = new ScriptTally("x/s.wast");
        t.add(new Outcome("x/s.wast", 3, "assert_return", Status.FAILED, "unexpected IllegalStateException: a|b"));
        t.add(new Outcome("x/s.wast", 4, "module", Status.FAILED, "unexpected Error: " + "z".repeat(300)));
        String md = WastReport.markdown(List.of(t), "bin/robusta wast x/s.wast", "interpreter");
        String row = md.lines().filter(l -> l.startsWith("| s.wast |")).findFirst().orElseThrow();
        assertTrue(row.startsWith("| s.wast | 0 | 2 | 0 | failed: a\\|b; failed: zzz"), row);
        assertTrue(row.endsWith("z… |"), row);
        assertEquals(WastReport.MAX_REASON_LENGTH, row.substring(row.indexOf("failed: zzz"), row.length() - 2).length());
    }

    @Test
    void markdown_listsAFewReasonsThenCountsTheRest() {
        ScriptTally t = new ScriptTally("s.wast");
        for (int i = 0; i < WastReport.MAX_REASONS + 2; i++) {
            t.add(new Outcome("s.wast", i, "module", Status.FAILED, "reason " + (char) ('a' + i)));
        }
        t.add(new Outcome("s.wast", 99, "module", Status.FAILED, "reason a"));
        String md = WastReport.markdown(List.of(t), "c", "interpreter");
        assertTrue(md.contains("| s.wast | 0 | 7 | 0 | failed: module: reason a (2×); failed: module: reason b; "
                + "failed: module: reason c; failed: module: reason d; and 2 more reasons |"), md);
        assertTrue(md.contains("**Total: 1 script, 7 commands: 0 passed, 7 failed, 0 skipped.**"), md);
    }
}
