package dev.robusta.cli;

import static dev.robusta.cli.Robusta.NL;
import static dev.robusta.cli.Robusta.run;
import static dev.robusta.cli.Robusta.runWithInput;
import static dev.robusta.cli.Robusta.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.cli.Robusta.Result;
import dev.robusta.text.WatParser;
import dev.robusta.text.WatPrinter;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.binary.BinaryDecoder;
import dev.robusta.wasm.binary.BinaryEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wat2wasm} and {@code wasm2wat}. */
class ConvertCommandsTest {
    private static final String WAT = "(module (memory 1) (func $inc (export \"inc\") (param i32) (result i32)"
            + " (i32.add (local.get 0) (i32.const 1))))";

    @TempDir
    Path dir;

    private static byte[] binary() {
        return BinaryEncoder.encode(WatParser.parseModule(WAT));
    }

    @Test
    void wat2wasm_writesBesideTheInputByDefault() throws IOException {
        String in = write(dir, "inc.wat", WAT);
        Result r = run("wat2wasm", in);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out() + r.err());
        assertArrayEquals(binary(), Files.readAllBytes(dir.resolve("inc.wasm")));
    }

    @Test
    void wat2wasm_output() throws IOException {
        String in = write(dir, "inc.wat", WAT);
        Path out = dir.resolve("other.bin");
        assertEquals(0, run("wat2wasm", in, "-o", out.toString()).exitCode());
        assertArrayEquals(binary(), Files.readAllBytes(out));
    }

    @Test
    void wat2wasm_toStandardOutput() {
        Result r = run("wat2wasm", write(dir, "inc.wat", WAT), "-o", "-");
        assertEquals(0, r.exitCode(), r.err());
        assertArrayEquals(binary(), r.outBytes());
    }

    @Test
    void wat2wasm_fromStandardInput_toStandardOutput() {
        Result r = runWithInput(WAT.getBytes(StandardCharsets.UTF_8), "wat2wasm", "-");
        assertEquals(0, r.exitCode(), r.err());
        assertArrayEquals(binary(), r.outBytes());
    }

    @Test
    void wat2wasm_invalidModule_exits1AndWritesNothing() {
        String in = write(dir, "bad.wat", "(module (func (result i32) (i64.const 1)))");
        Result r = run("wat2wasm", in);
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("robusta: invalid module: type mismatch"), r.err());
        assertFalse(Files.exists(dir.resolve("bad.wasm")));
    }

    @Test
    void wat2wasm_malformedText_exits1NamingThePosition() {
        String in = write(dir, "bad.wat", "(module\n  (func (i32.frobnicate)))");
        Result r = run("wat2wasm", in);
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("robusta: malformed module: "), r.err());
        assertTrue(r.err().contains(in + ":2:"), r.err());
    }

    @Test
    void wat2wasm_binaryInput_exits1() {
        String in = write(dir, "inc.wasm", binary());
        Result r = run("wat2wasm", in, "-o", "-");
        assertEquals(1, r.exitCode());
        assertEquals("robusta: " + in + " is already in the binary format" + NL, r.err());
    }

    @Test
    void withExtension_replacesOnlyTheFileNamesExtension() {
        assertEquals("a/b.wasm", Wat2WasmCommand.withExtension("a/b.wat", ".wasm"));
        assertEquals("a.d/b.wasm", Wat2WasmCommand.withExtension("a.d/b", ".wasm"));
        assertEquals("a/.hidden.wasm", Wat2WasmCommand.withExtension("a/.hidden", ".wasm"));
        assertEquals("x.y.wasm", Wat2WasmCommand.withExtension("x.y.wat", ".wasm"));
    }

    @Test
    void wasm2wat_printsToStandardOutput() {
        Result r = run("wasm2wat", write(dir, "inc.wasm", binary()));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(WatPrinter.print(BinaryDecoder.decode(binary(), Features.ALL)), r.out());
        assertTrue(r.out().startsWith("(module"), r.out());
        assertTrue(r.out().contains("i32.add"), r.out());
    }

    @Test
    void wasm2wat_folded() {
        Result r = run("wasm2wat", "--folded", write(dir, "inc.wasm", binary()));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(WatPrinter.print(BinaryDecoder.decode(binary(), Features.ALL), WatPrinter.Options.FOLDED),
                r.out());
        assertTrue(r.out().contains("(i32.add"), r.out());
    }

    @Test
    void wasm2wat_output_andTheTextParsesBackToTheSameBinary() throws IOException {
        Path out = dir.resolve("inc.wat");
        assertEquals(0, run("wasm2wat", write(dir, "inc.wasm", binary()), "-o", out.toString()).exitCode());
        assertArrayEquals(binary(), BinaryEncoder.encode(WatParser.parseModule(Files.readString(out))));
    }

    @Test
    void wasm2wat_malformedBinary_exits1() {
        byte[] truncated = java.util.Arrays.copyOf(binary(), binary().length - 3);
        Result r = run("wasm2wat", write(dir, "bad.wasm", truncated));
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("robusta: malformed module: "), r.err());
        assertEquals("", r.out());
    }
}
