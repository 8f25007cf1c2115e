package dev.robusta.compiler.internal;

import dev.robusta.runtime.EngineKind;
import dev.robusta.runtime.Module;
import dev.robusta.runtime.RuntimeConfig;
import dev.robusta.runtime.internal.PhaseTimer;
import dev.robusta.text.WatParser;
import dev.robusta.wasm.binary.BinaryEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The classes the compiler generates when first needed are counted in {@code ROBUSTA_TIMING}'s report. */
class GenerationTimingTest {
    private static final String WAT = "(module"
            + " (func $sq (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))"
            + " (func (export \"f\") (param i32) (result i32) (i32.add (call $sq (local.get 0)) (i32.const 1))))";

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        PhaseTimer.stop();
    }

    private static int run(RuntimeConfig config) {
        byte[] binary = BinaryEncoder.encode(WatParser.parseModule(WAT));
        return Module.compile(binary, config).instantiate().function("f").callInt(6);
    }

    private static List<PhaseTimer.Part> generating() {
        return PhaseTimer.parts().stream().filter(p -> p.name().equals("generating classes")).toList();
    }

    @Test
    void classesGeneratedAtFirstCalls_areCountedWithinThePhases() {
        PhaseTimer.start();
        int before = CodeLoader.GENERATED.get();
        assertEquals(37, run(RuntimeConfig.DEFAULT.withEngine(EngineKind.COMPILER)));
        int generated = CodeLoader.GENERATED.get() - before;
        List<PhaseTimer.Part> parts = generating();
        assertEquals(1, parts.size(), parts.toString());
        assertTrue(generated >= 3, "the module class and both functions' classes: " + generated);
        assertEquals(generated, parts.get(0).count());
        assertTrue(parts.get(0).nanos() > 0);
    }

    @Test
    void classesLoadedFromTheCodeCache_areNotCounted() {
        RuntimeConfig config = RuntimeConfig.DEFAULT.withEngine(EngineKind.COMPILER).withCodeCache(dir);
        assertEquals(37, run(config));
        PhaseTimer.start();
        assertEquals(37, run(config));
        assertEquals(List.of(), generating());
    }

    @Test
    void withTimingOff_nothingIsCounted() {
        PhaseTimer.stop();
        assertEquals(37, run(RuntimeConfig.DEFAULT.withEngine(EngineKind.COMPILER)));
        assertEquals(List.of(), PhaseTimer.parts());
    }
}
