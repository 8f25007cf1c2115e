package dev.robusta.cli;

import static dev.robusta.cli.Robusta.run;
import static dev.robusta.cli.Robusta.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.cli.Robusta.Result;
import dev.robusta.text.WatParser;
import dev.robusta.wasm.binary.BinaryEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
    private static final String WAT = "(module $demo\n"
            + "  (import \"env\" \"log\" (func $log (param i32)))\n"
            + "  (import \"env\" \"base\" (global i32))\n"
            + "  (table 2 10 funcref)\n"
            + "  (memory 1 2)\n"
            + "  (global $counter (mut i64) (i64.const 0))\n"
            + "  (func $inc (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))\n"
            + "  (func $main (call $log (i32.const 1)))\n"
            + "  (export \"inc\" (func $inc))\n"
            + "  (export \"memory\" (memory 0))\n"
            + "  (export \"table\" (table 0))\n"
            + "  (export \"counter\" (global $counter))\n"
            + "  (start $main)\n"
            + "  (elem (i32.const 0) $inc $main)\n"
            + "  (data (i32.const 16) \"hello\"))\n";

    @TempDir
    Path dir;

    @Test
    void text_listsEverySection() {
        Result r = run("inspect", write(dir, "demo.wat", WAT));
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.lines();
        int size = BinaryEncoder.encode(WatParser.parseModule(WAT)).length;
        assertEquals(dir.resolve("demo.wat") + ": text module, " + size + " bytes in the binary format", lines.get(0));
        for (String kind : new String[] {"type", "import", "function", "table", "memory", "global", "export",
            "start", "elem", "code", "data"}) {
            assertTrue(lines.stream().anyMatch(l -> l.matches("  " + kind + " +start=0x[0-9a-f]{8} end=0x[0-9a-f]{8} "
                    + "size=\\d+ .*")), kind + "\n" + r.out());
        }
        assertLines(r, "Types[3]:",
                "  - type[0] (func (param i32))",
                "  - type[1] (func (param i32) (result i32))",
                "  - type[2] (func)");
        assertLines(r, "Imports[2]:",
                "  - func[0] <log> \"env\" \"log\" type=0 (func (param i32))",
                "  - global[0] \"env\" \"base\" i32");
        assertTrue(r.out().contains("  - func[1] <inc> type=1 size=7\n".replace("\n", Robusta.NL)), r.out());
        assertTrue(r.out().contains("  - func[2] <main> type=2 size="), r.out());
        assertLines(r, "Tables[1]:", "  - table[0] funcref min=2 max=10");
        assertLines(r, "Memories[1]:", "  - memory[0] pages: min=1 max=2");
        assertLines(r, "Globals[1]:", "  - global[1] (mut i64)");
        assertLines(r, "Exports[4]:",
                "  - \"inc\" -> func[1] <inc> (func (param i32) (result i32))",
                "  - \"memory\" -> memory[0] pages: min=1 max=2",
                "  - \"table\" -> table[0] funcref min=2 max=10",
                "  - \"counter\" -> global[1] (mut i64)");
        assertLines(r, "Start: func[2] <main>");
        assertLines(r, "Elements[1]:", "  - elem[0] active table=0 (ref func) count=2");
        assertLines(r, "Data[1]:", "  - data[0] active memory=0 size=5");
        assertTrue(lines.get(lines.size() - 2).matches("Code: 2 function bodies, \\d+ bytes"), r.out());
        assertEquals("Compiler: 2 of 2 functions compiled", lines.get(lines.size() - 1));
        assertTrue(lines.contains("module name: demo"), r.out());
    }

    @Test
    void binary_withNameAndCustomSections() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] module = BinaryEncoder.encode(WatParser.parseModule(
                "(module (func) (func (export \"f\") (result i32) (i32.const 7)))"));
        bytes.writeBytes(module);
        // a name section naming function 1 "seven", and a custom section "extra" of 3 bytes
        bytes.writeBytes(new byte[] {0, 15, 4, 'n', 'a', 'm', 'e', 1, 8, 1, 1, 5, 's', 'e', 'v', 'e', 'n'});
        bytes.writeBytes(new byte[] {0, 9, 5, 'e', 'x', 't', 'r', 'a', 1, 2, 3});
        byte[] binary = bytes.toByteArray();
        Result r = run("inspect", write(dir, "seven.wasm", binary));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(dir.resolve("seven.wasm") + ": binary module, " + binary.length + " bytes", r.lines().get(0));
        assertLines(r, "Functions[2]:", "  - func[0] type=0 size=2", "  - func[1] <seven> type=1 size=4");
        assertLines(r, "Exports[1]:", "  - \"f\" -> func[1] <seven> (func (result i32))");
        assertLines(r, "Custom sections[2]:", "  - \"name\" size=10", "  - \"extra\" size=3");
        int nameStart = module.length + 2;
        assertTrue(r.lines().contains(String.format("  custom    start=0x%08x end=0x%08x size=15       \"name\"",
                nameStart, nameStart + 15)), r.out());
        assertEquals(List.of("Code: 2 function bodies, 6 bytes", "Compiler: 2 of 2 functions compiled"),
                r.lines().subList(r.lines().size() - 2, r.lines().size()));
    }

    @Test
    void emptyModule() {
        Result r = run("inspect", write(dir, "empty.wat", "(module)"));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of(dir.resolve("empty.wat") + ": text module, 8 bytes in the binary format", "",
                "Sections:", "", "Code: 0 function bodies, 0 bytes"), r.lines());
    }

    @Test
    void invalidModule_isStillInspected() {
        String file = write(dir, "bad.wat", "(module (func (export \"f\") (result i32) (i64.const 1)))");
        Result r = run("inspect", file);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.lines().contains("  - \"f\" -> func[0] (func (result i32))"), r.out());
        String last = r.lines().get(r.lines().size() - 1);
        assertTrue(last.startsWith("Compiler: not compiled, the module is not valid: type mismatch"), last);
    }

    /**
     * A module of {@code fields}, a small function, and a function $sum the JVM cannot hold: a right-deep sum,
     * whose operand stack only grows, so that it cannot be split into pieces; over 64 KB of bytecode.
     */
    private static String withSumTooLargeForTheJvm(String fields) {
        StringBuilder wat = new StringBuilder("(module " + fields
                + " (func $small (export \"small\") (result i32) (i32.const 3))"
                + " (func $sum (export \"sum\") (param i32) (result i32) (local.get 0)");
        for (int k = 0; k < 20_000; k++) {
            wat.append(" (i32.const ").append(k).append(')');
        }
        return wat.append(" i32.add".repeat(20_000)).append("))").toString();
    }

    /** As below, in a module valid only beyond 2.0 (an extended constant), whose functions are compiled at once. */
    @Test
    void functionTheJvmCannotHold_beyond2_countedOnce() {
        String wat = withSumTooLargeForTheJvm("(global i32 (i32.add (i32.const 1) (i32.const 2)))");
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("dev.robusta.compiler");
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        Result r;
        try {
            r = run("inspect", write(dir, "big3.wat", wat));
        } finally {
            log.removeHandler(handler);
        }
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("Compiler: 1 of 2 functions compiled, 1 left to the interpreter: func[1] <sum>",
                r.lines().get(r.lines().size() - 1));
        assertEquals(1, warnings.stream().filter(w -> w.contains("func 1 (sum)")).count(),
                "compiled once, so warned once: " + warnings);
    }

    @Test
    void functionTheJvmCannotHold_countedAsLeftToTheInterpreter() {
        Result r = run("inspect", write(dir, "big.wat", withSumTooLargeForTheJvm("")));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("Compiler: 1 of 2 functions compiled, 1 left to the interpreter: func[1] <sum>",
                r.lines().get(r.lines().size() - 1));
    }

    @Test
    void exportOfAMissingFunction_isShownNotACrash() {
        // type (func), one function, export "f" of function 5 (invalid: there is no function 5)
        byte[] binary = {0, 'a', 's', 'm', 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0,
            7, 5, 1, 1, 'f', 0, 5, 10, 4, 1, 2, 0, 0x0b};
        Result r = run("inspect", write(dir, "bad.wasm", binary));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.lines().contains("  - \"f\" -> func[5] (no such func)"), r.out());
    }

    @Test
    void malformedModule_exits1() {
        Result r = run("inspect", write(dir, "bad.wasm", new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 1, 9}));
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("robusta: malformed module: "), r.err());
        assertEquals("", r.out());
    }

    /** {@code expected} appear in the output as consecutive lines. */
    private static void assertLines(Result r, String... expected) {
        String block = String.join(Robusta.NL, expected) + Robusta.NL;
        assertTrue(r.out().contains(block), "missing:\n" + block + "in:\n" + r.out());
        assertTrue(new String(r.outBytes(), StandardCharsets.UTF_8).contains(block));
    }
}
