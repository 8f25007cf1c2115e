package dev.robusta.cli;

import static dev.robusta.cli.Robusta.NL;
import static dev.robusta.cli.Robusta.run;
import static dev.robusta.cli.Robusta.runWithInput;
import static dev.robusta.cli.Robusta.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.cli.Robusta.Result;
import dev.robusta.text.WatParser;
import dev.robusta.wasm.binary.BinaryEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    private static final String VALID = "(module (func (export \"f\") (result i32) (i32.const 1)))";
    private static final String INVALID = "(module (func (result i32) (i64.const 1)))";

    @TempDir
    Path dir;

    @Test
    void validText_isSilentAndExits0() {
        Result r = run("validate", write(dir, "ok.wat", VALID));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertEquals("", r.err());
    }

    @Test
    void validBinary_isSilentAndExits0() {
        Result r = run("validate", write(dir, "ok.wasm", BinaryEncoder.encode(WatParser.parseModule(VALID))));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out() + r.err());
    }

    @Test
    void invalidBinary_exits1WithTheErrorAndItsOffset() {
        byte[] binary = BinaryEncoder.encode(WatParser.parseModule(INVALID));
        Result r = run("validate", write(dir, "bad.wasm", binary));
        assertEquals(1, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("robusta: invalid module: type mismatch"), r.err());
        assertTrue(r.err().matches("(?s).*\\(at offset 0x[0-9a-f]+\\)" + NL), r.err());
    }

    @Test
    void invalidText_exits1() {
        Result r = run("validate", write(dir, "bad.wat", INVALID));
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("robusta: invalid module: type mismatch"), r.err());
    }

    @Test
    void malformedBinary_exits1() {
        Result r = run("validate", write(dir, "bad.wasm", new byte[] {0, 'a', 's', 'm', 2, 0, 0, 0}));
        assertEquals(1, r.exitCode());
        assertEquals("robusta: malformed module: unknown binary version (at offset 0x4)" + NL, r.err());
    }

    @Test
    void features_defaultIs2AndCanBeRaised() {
        String file = write(dir, "multi.wat", "(module (memory 1) (memory 1))");
        Result v2 = run("validate", file);
        assertEquals(1, v2.exitCode());
        assertTrue(v2.err().contains("multi-memory"), v2.err());
        assertEquals(0, run("validate", "--features", "3.0", file).exitCode());
        assertEquals(0, run("validate", "--features", "all", file).exitCode());
    }

    @Test
    void standardInput() {
        Result r = runWithInput(VALID.getBytes(StandardCharsets.UTF_8), "validate", "-");
        assertEquals(0, r.exitCode(), r.err());
        Result bad = runWithInput(INVALID.getBytes(StandardCharsets.UTF_8), "validate", "-");
        assertEquals(1, bad.exitCode());
    }
}
