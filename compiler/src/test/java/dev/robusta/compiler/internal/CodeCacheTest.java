package dev.robusta.compiler.internal;

import dev.robusta.runtime.EngineKind;
import dev.robusta.runtime.Instance;
import dev.robusta.runtime.Module;
import dev.robusta.runtime.RuntimeConfig;
import dev.robusta.runtime.internal.ModuleCode;
import dev.robusta.text.WatParser;
import dev.robusta.wasm.TrapException;
import dev.robusta.wasm.binary.BinaryEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeCacheTest {
    private static final String WAT = "(module (memory 1) (global $g (mut i32) (i32.const 5))"
            + " (table 2 funcref) (elem (i32.const 0) func $sq $boom)"
            + " (func $sq (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))"
            + " (func $boom (param i32) (result i32) unreachable)"
            + " (func (export \"f\") (param i32) (result i32)"
            + "   (global.set $g (i32.add (global.get $g) (call $sq (local.get 0))))"
            + "   (i32.store (i32.const 8) (global.get $g))"
            + "   (i32.add (i32.load (i32.const 8)) (call_indirect (param i32) (result i32) (local.get 0) (i32.const 0))))"
            + " (func (export \"trap\") (result i32) (call_indirect (param i32) (result i32) (i32.const 1) (i32.const 1))))";

    @TempDir
    Path dir;

    private static byte[] binary() {
        return BinaryEncoder.encode(WatParser.parseModule(WAT));
    }

    private RuntimeConfig config(Path cache) {
        return RuntimeConfig.DEFAULT.withEngine(EngineKind.COMPILER).withCodeCache(cache);
    }

    private static int run(Module m) {
        return m.instantiate().function("f").callInt(3);
    }

    private static List<Path> entries(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void secondCompilation_loadsTheClassesFromTheCache() throws IOException {
        Path cache = dir.resolve("cache");
        int generated = CodeLoader.GENERATED.get();
        int fromCache = CodeLoader.FROM_CACHE.get();
        assertEquals(23, run(Module.compile(binary(), config(cache))));
        int first = CodeLoader.GENERATED.get() - generated;
        assertTrue(first >= 3, "generated " + first);
        assertEquals(0, CodeLoader.FROM_CACHE.get() - fromCache);
        List<Path> stored = entries(cache);
        assertEquals(first, stored.size(), stored.toString());

        generated = CodeLoader.GENERATED.get();
        assertEquals(23, run(Module.compile(binary(), config(cache))));
        assertEquals(0, CodeLoader.GENERATED.get() - generated);
        assertEquals(first, CodeLoader.FROM_CACHE.get() - fromCache);
        assertEquals(stored, entries(cache));
    }

    @Test
    void cachedTrap_keepsTheWasmStackTrace() {
        Path cache = dir.resolve("cache");
        TrapException first = assertThrows(TrapException.class,
                () -> Module.compile(binary(), config(cache)).instantiate().function("trap").callInt());
        int generated = CodeLoader.GENERATED.get();
        TrapException second = assertThrows(TrapException.class,
                () -> Module.compile(binary(), config(cache)).instantiate().function("trap").callInt());
        assertEquals(0, CodeLoader.GENERATED.get() - generated);
        assertEquals(first.getMessage(), second.getMessage());
        assertEquals(List.of("func 1", "func 3"), second.wasmStackTrace());
    }

    @Test
    void otherModuleOrSettings_otherKey() {
        Path cache = dir.resolve("cache");
        run(Module.compile(binary(), config(cache)));
        run(Module.compile(binary(), config(cache).withFuel(1_000_000)));
        byte[] other = BinaryEncoder.encode(WatParser.parseModule(WAT.replace("(i32.const 5)", "(i32.const 6)")));
        assertEquals(24, run(Module.compile(other, config(cache))));
        try (Stream<Path> keys = Files.list(cache); Stream<Path> marks = Files.list(cache.resolve("validated"))) {
            assertEquals(3, keys.filter(p -> !p.getFileName().toString().equals("validated")).count());
            assertEquals(2, marks.count(), "one mark per module and features (fuel does not change validation)");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        String a = key(binary(), config(cache));
        assertEquals(a, key(binary(), config(cache).withMaxMemoryPages(10)));
        assertNotEquals(a, key(binary(), config(cache).withFuel(5)));
        assertNotEquals(a, key(other, config(cache)));
    }

    @Test
    void damagedEntries_areGeneratedAgain_withAWarning() throws IOException {
        Path cache = dir.resolve("cache");
        run(Module.compile(binary(), config(cache)));
        List<Path> stored = entries(cache);
        Path flipped = stored.get(0);
        Path truncated = stored.get(1);
        Path empty = stored.get(2);
        byte[] bytes = Files.readAllBytes(flipped);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(flipped, bytes);
        byte[] t = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(t, t.length - 7));
        Files.write(empty, new byte[0]);

        List<String> warnings = new java.util.ArrayList<>();
        int generated = CodeLoader.GENERATED.get();
        withWarnings(warnings, () -> assertEquals(23, run(Module.compile(binary(), config(cache)))));
        assertEquals(3, CodeLoader.GENERATED.get() - generated);
        assertEquals(3, warnings.size(), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("checksum mismatch")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("truncated")), warnings.toString());
        // stored again, whole
        generated = CodeLoader.GENERATED.get();
        assertEquals(23, run(Module.compile(binary(), config(cache))));
        assertEquals(0, CodeLoader.GENERATED.get() - generated);
    }

    @Test
    void unwritableFolder_warnsAndRunsWithoutCache() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        List<String> warnings = new java.util.ArrayList<>();
        withWarnings(warnings, () -> assertEquals(23, run(Module.compile(binary(), config(notAFolder)))));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("cannot write the code cache"), warnings.get(0));
        assertEquals("x", Files.readString(notAFolder));
    }

    @Test
    void moduleFromText_isCachedToo() throws IOException {
        Path cache = dir.resolve("cache");
        String wat = "(module (func $sq (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))"
                + " (func (export \"f\") (param i32) (result i32) (i32.add (call $sq (local.get 0)) (i32.const 14))))";
        assertEquals(23, run(Module.of(WatParser.parseModule(wat), config(cache))));
        int generated = CodeLoader.GENERATED.get();
        assertEquals(23, run(Module.of(WatParser.parseModule(wat), config(cache))));
        assertEquals(0, CodeLoader.GENERATED.get() - generated);
        try (Stream<Path> s = Files.list(cache)) {
            assertTrue(Files.readString(s.findFirst().orElseThrow().resolve("key.txt")).contains("module=text:"));
        }
    }

    private static String key(byte[] binary, RuntimeConfig config) {
        try {
            byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(binary);
            return CodeCache.key(new ModuleCode(WatParser.parseModule(WAT), config, sha))[0];
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs {@code r} collecting the compiler's warnings. */
    static void withWarnings(List<String> warnings, Runnable r) {
        Warnings.listener = m -> {
            synchronized (warnings) {
                warnings.add(m);
            }
        };
        try {
            r.run();
        } finally {
            Warnings.listener = null;
        }
    }
}
