package dev.robusta.cli;

import static dev.robusta.cli.Robusta.NL;
import static dev.robusta.cli.Robusta.run;
import static dev.robusta.cli.Robusta.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.cli.Robusta.Result;
import dev.robusta.text.WatParser;
import dev.robusta.wasm.binary.BinaryEncoder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    private static final String MATH = "(module\n"
            + "  (func (export \"add\") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))\n"
            + "  (func (export \"add64\") (param i64 i64) (result i64) (i64.add (local.get 0) (local.get 1)))\n"
            + "  (func (export \"neg32\") (param f32) (result f32) (f32.neg (local.get 0)))\n"
            + "  (func (export \"half\") (param f64) (result f64) (f64.mul (local.get 0) (f64.const 0.5)))\n"
            + "  (func (export \"div\") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))\n"
            + "  (func (export \"three\") (result i32 i64 f64) (i32.const -1) (i64.const 2) (f64.const 3.5))\n"
            + "  (func (export \"null\") (result funcref) (ref.null func))\n"
            + "  (func (export \"vec\") (result v128) (v128.const i64x2 1 1))\n"
            + "  (func (export \"spin\") (loop $l (br $l)))\n"
            + "  (func (export \"grow\") (param i32) (result i32) (memory.grow (local.get 0)))\n"
            + "  (memory 1))\n";

    @TempDir
    Path dir;

    private String math() {
        return write(dir, "math.wat", MATH);
    }

    @Test
    void run_aModuleWithGcInstructions_isRefusedAtCompileTime() {
        String file = write(dir, "gc.wat", "(module (type $p (struct (field i32)))\n"
                + "  (func (export \"f\") (result i32) (struct.get $p 0 (struct.new $p (i32.const 7)))))\n");
        Result r = run("run", "--features", "3.0", "--invoke", "f", file);
        assertEquals(1, r.exitCode());
        assertEquals("robusta: unsupported module: unsupported instruction struct.new: the interpreter does not run it"
                + " yet (function 0)" + NL, r.err());
    }

    @Test
    void cache_marksABinaryModuleValidated_forTheNextRun() throws java.io.IOException {
        Path cache = dir.resolve("cache");
        String wasm = write(dir, "math.wasm", BinaryEncoder.encode(WatParser.parseModule(MATH)));
        Result first = run("run", "--engine", "compiler", "--cache", cache.toString(), "--invoke", "add", wasm, "2", "3");
        assertEquals("5" + NL, first.out(), first.err());
        try (java.util.stream.Stream<Path> marks = java.nio.file.Files.list(cache.resolve("validated"))) {
            assertEquals(1, marks.count());
        }
        Result second = run("run", "--engine", "compiler", "--cache", cache.toString(), "--invoke", "add", wasm, "4", "5");
        assertEquals("9" + NL, second.out());
        assertEquals("", second.err());
    }

    @Test
    void cache_storesTheGeneratedClasses_andTheNextRunUsesThem() throws java.io.IOException {
        Path cache = dir.resolve("cache");
        Result first = run("run", "--engine", "compiler", "--cache", cache.toString(), "--invoke", "add", math(), "2", "3");
        assertEquals(0, first.exitCode(), first.err());
        assertEquals("5" + NL, first.out());
        List<Path> stored;
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(cache)) {
            stored = s.filter(p -> p.toString().endsWith(".class")).sorted().collect(java.util.stream.Collectors.toList());
        }
        assertTrue(stored.size() >= 2, stored.toString());
        java.nio.file.attribute.FileTime written = java.nio.file.Files.getLastModifiedTime(stored.get(0));
        Result second = run("run", "--engine", "compiler", "--cache", cache.toString(), "--invoke", "add", math(), "4", "5");
        assertEquals("9" + NL, second.out());
        assertEquals("", second.err());
        assertEquals(written, java.nio.file.Files.getLastModifiedTime(stored.get(0)));
    }

    @Test
    void help_describesCache() {
        Result r = run("run", "--help");
        assertTrue(r.out().contains("--cache=DIR"), r.out());
    }

    @Test
    void invoke_i32_printsTheResult() {
        Result r = run("run", "--invoke", "add", math(), "2", "3");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("5" + NL, r.out());
        assertEquals("", r.err());
    }

    @Test
    void invoke_negativeAndHexArguments_areNotTakenForOptions() {
        Result r = run("run", "--invoke", "add", math(), "-5", "0x10");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("11" + NL, r.out());
    }

    @Test
    void invoke_unsignedI32_wrapsToSigned() {
        Result r = run("run", "--invoke", "add", math(), "4294967295", "0");
        assertEquals("-1" + NL, r.out());
    }

    @Test
    void invoke_i64_printsSignedDecimal() {
        Result r = run("run", "--invoke", "add64", math(), "9223372036854775807", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("-9223372036854775808" + NL, r.out());
    }

    @Test
    void invoke_floats_printShortestDecimal() {
        assertEquals("-0.1" + NL, run("run", "--invoke", "neg32", math(), "0.1").out());
        assertEquals("inf" + NL, run("run", "--invoke", "neg32", math(), "-inf").out());
        assertEquals("NaN" + NL, run("run", "--invoke", "neg32", math(), "nan").out());
        assertEquals("1.5" + NL, run("run", "--invoke", "half", math(), "3").out());
        assertEquals("0.75" + NL, run("run", "--invoke", "half", math(), "0x1.8p0").out());
    }

    @Test
    void invoke_multipleResults_oneALine() {
        Result r = run("run", "--invoke", "three", math());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("-1", "2", "3.5"), r.lines());
    }

    @Test
    void invoke_referenceAndVectorResults() {
        assertEquals("<null funcref>" + NL, run("run", "--invoke", "null", math()).out());
        assertEquals("18446744073709551617" + NL, run("run", "--invoke", "vec", math()).out());
    }

    @Test
    void invoke_binaryModule_sameAsText() {
        byte[] binary = BinaryEncoder.encode(WatParser.parseModule(MATH));
        String file = write(dir, "math.wasm", binary);
        Result r = run("run", "--invoke", "add", file, "40", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("42" + NL, r.out());
    }

    @Test
    void invoke_textFileWithWasmExtension_isReadAsText() {
        String file = write(dir, "really-text.wasm", MATH);
        assertEquals("7" + NL, run("run", "--invoke", "add", file, "3", "4").out());
    }

    @Test
    void trap_exits134WithMessageAndStackTrace() {
        Result r = run("run", "--invoke", "div", math(), "1", "0");
        assertEquals(134, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("robusta: trap: integer divide by zero" + NL + "    at "), r.err());
    }

    @Test
    void invoke_unknownExport_exits1() {
        Result r = run("run", "--invoke", "nope", math());
        assertEquals(1, r.exitCode());
        assertEquals("robusta: the module exports no function named 'nope'" + NL, r.err());
    }

    @Test
    void invoke_wrongArgumentCount_isAUsageError() {
        Result r = run("run", "--invoke", "add", math(), "1");
        assertEquals(1, r.exitCode());
        assertEquals("robusta: 'add' takes 2 arguments [i32, i32], not 1 (see 'robusta help run')" + NL, r.err());
    }

    @Test
    void invoke_badArgument_isAUsageError() {
        Result r = run("run", "--invoke", "add", math(), "1", "one");
        assertEquals(1, r.exitCode());
        assertEquals("robusta: argument 2 of 'add', 'one', is not a valid i32: not an integer "
                + "(see 'robusta help run')" + NL, r.err());
    }

    @Test
    void invoke_outOfRangeArgument_isAUsageError() {
        Result r = run("run", "--invoke", "add", math(), "1", "4294967296");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("out of range for i32"), r.err());
    }

    @Test
    void start_runsAndExits0() {
        String file = write(dir, "start.wat", "(module (global $g (mut i32) (i32.const 0))"
                + " (func (export \"_start\") (global.set $g (i32.const 1))))");
        Result r = run("run", file);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertEquals("", r.err());
    }

    @Test
    void start_thatTraps_exits134() {
        String file = write(dir, "start.wat", "(module (func $main (export \"_start\") unreachable))");
        Result r = run("run", file);
        assertEquals(134, r.exitCode());
        assertTrue(r.err().startsWith("robusta: trap: unreachable" + NL), r.err());
        assertTrue(r.err().contains("main"), r.err());
    }

    @Test
    void startFunction_runsAtInstantiation() {
        String file = write(dir, "start.wat", "(module (func $s unreachable) (start $s))");
        assertEquals(134, run("run", file).exitCode());
    }

    @Test
    void moduleWithoutStart_exits0() {
        assertEquals(0, run("run", math()).exitCode());
    }

    @Test
    void startWithParameters_exits1() {
        String file = write(dir, "start.wat", "(module (func (export \"_start\") (param i32)))");
        Result r = run("run", file);
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("robusta: _start must take no parameters and return no results"), r.err());
    }

    @Test
    void missingImport_isALinkError() {
        String file = write(dir, "env.wat", "(module (import \"env\" \"log\" (func (param i32))))");
        Result r = run("run", file);
        assertEquals(1, r.exitCode());
        assertEquals("robusta: link error: unknown import \"env\" \"log\"" + NL, r.err());
    }

    @Test
    void malformedText_exits1WithOneLine() {
        String file = write(dir, "bad.wat", "(module (func (i32.frobnicate)))");
        Result r = run("run", file);
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("robusta: malformed module: "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void invalidModule_exits1() {
        String file = write(dir, "bad.wat", "(module (func (result i32) (i64.const 0)))");
        Result r = run("run", file);
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("robusta: invalid module: type mismatch"), r.err());
    }

    @Test
    void missingFile_exits1() {
        Result r = run("run", dir.resolve("missing.wasm").toString());
        assertEquals(1, r.exitCode());
        assertEquals("robusta: no such file: " + dir.resolve("missing.wasm") + NL, r.err());
    }

    @Test
    void features_decideWhatCompiles() {
        String file = write(dir, "multi.wat", "(module (memory 1) (memory 1))");
        assertEquals(1, run("run", file).exitCode());
        Result r = run("run", "--features", "3.0", file);
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void everyEngine_givesTheSameResult() {
        for (String engine : List.of("auto", "interpreter", "compiler")) {
            Result r = run("run", "--engine", engine, "--invoke", "add", math(), "40", "2");
            assertEquals(0, r.exitCode(), engine + ": " + r.err());
            assertEquals("42" + NL, r.out(), engine);
        }
    }

    @Test
    void fuel_stopsAnEndlessLoop() {
        Result r = run("run", "--fuel", "100000", "--invoke", "spin", math());
        assertEquals(134, r.exitCode());
        assertTrue(r.err().startsWith("robusta: trap: fuel exhausted" + NL), r.err());
    }

    @Test
    void negativeFuel_isAUsageError() {
        Result r = run("run", "--fuel", "-1", "--invoke", "spin", math());
        assertEquals(1, r.exitCode());
        assertEquals("robusta: --fuel must not be negative: -1 (see 'robusta help run')" + NL, r.err());
    }

    @Test
    void timeout_stopsAnEndlessLoop() {
        Result r = run("run", "--timeout", "200ms", "--invoke", "spin", math());
        assertEquals(134, r.exitCode());
        assertTrue(r.err().startsWith("robusta: trap: deadline exceeded" + NL), r.err());
    }

    @Test
    void maxMemory_capsGrowth() {
        // one page to start with; 128K allows one more
        assertEquals("1" + NL, run("run", "--max-memory", "128K", "--invoke", "grow", math(), "1").out());
        assertEquals("-1" + NL, run("run", "--max-memory", "128K", "--invoke", "grow", math(), "2").out());
        assertEquals("1" + NL, run("run", "--invoke", "grow", math(), "2").out());
    }

    @Test
    void maxMemory_belowTheInitialSize_failsToInstantiate() {
        Result r = run("run", "--max-memory", "1000", "--invoke", "add", math(), "1", "2");
        assertEquals(134, r.exitCode());
        assertTrue(r.err().startsWith("robusta: trap: out of memory"), r.err());
    }

    @Test
    void maxMemory_beyond4G_isAUsageError() {
        Result r = run("run", "--max-memory", "5G", math());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("robusta: --max-memory must be at most 4G"), r.err());
    }

    @Test
    void badOptionValues_areUsageErrors() {
        Result timeout = run("run", "--timeout", "10", math());
        assertEquals(1, timeout.exitCode());
        assertTrue(timeout.err().startsWith("robusta: invalid value for option '--timeout': "), timeout.err());
        Result memory = run("run", "--max-memory", "lots", math());
        assertEquals(1, memory.exitCode());
        assertTrue(memory.err().startsWith("robusta: invalid value for option '--max-memory': "), memory.err());
        Result engine = run("run", "--engine", "jit", math());
        assertEquals(1, engine.exitCode());
        assertTrue(engine.err().startsWith("robusta: invalid value for option '--engine': "), engine.err());
    }

    @Test
    void missingFileArgument_isAUsageError() {
        Result r = run("run");
        assertEquals(1, r.exitCode());
        assertEquals("robusta: missing required parameter: 'FILE' (see 'robusta help run')" + NL, r.err());
    }
}
