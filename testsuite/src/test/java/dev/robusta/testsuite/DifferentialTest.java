package dev.robusta.testsuite;

import dev.robusta.runtime.EngineKind;
import dev.robusta.runtime.Function;
import dev.robusta.runtime.Instance;
import dev.robusta.runtime.Module;
import dev.robusta.runtime.RuntimeConfig;
import dev.robusta.text.WatParser;
import dev.robusta.text.wast.Action;
import dev.robusta.text.wast.Directive;
import dev.robusta.text.wast.Script;
import dev.robusta.text.wast.WastParser;
import dev.robusta.wasm.TrapException;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.WasmModule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the same functions on the interpreter and on the compiler and compares what they do: the same
 * results, bit for bit, or the same trap with the same message. The functions are those of the 2.0 spec
 * suite, called with the arguments of its actions (whatever the script expects), and randomly generated
 * small functions ({@link RandomModules}) called with random arguments.
 */
class DifferentialTest {
    private static final RuntimeConfig BASE = RuntimeConfig.DEFAULT.withTimeout(Duration.ofMinutes(1));
    private static final RuntimeConfig INTERPRETER = BASE.withEngine(EngineKind.INTERPRETER);
    private static final RuntimeConfig COMPILER = BASE.withEngine(EngineKind.COMPILER);

    @TestFactory
    Stream<DynamicTest> specActions_sameOutcomeOnBothEngines() {
        Path dir = TestSuiteLocation.require().resolve("wasm-2.0");
        return TestSuiteLocation.scripts(dir).stream()
                .map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> compareScript(path)));
    }

    private static void compareScript(Path path) {
        String name = path.getFileName().toString();
        Script script;
        try {
            script = WastParser.parse(Files.readAllBytes(path), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var features = Scripts.featuresFor("wasm-2.0/");
        WastRunner a = new WastRunner(name, INTERPRETER.withFeatures(features));
        WastRunner b = new WastRunner(name, COMPILER.withFeatures(features));
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (Directive d : script.directives()) {
            Action action = actionOf(d);
            if (action != null) {
                String ra = outcome(a, action);
                String rb = outcome(b, action);
                compared++;
                if (!ra.equals(rb)) {
                    mismatches.add(name + ":" + d.line() + " interpreter " + ra + ", compiler " + rb);
                }
            } else if (!(d instanceof Directive.AssertMalformed || d instanceof Directive.AssertInvalid)) {
                a.run(d);
                b.run(d);
            }
        }
        assertEquals(List.of(), mismatches, compared + " actions compared");
    }

    /** The action of a directive that calls or reads something, or null. */
    private static Action actionOf(Directive d) {
        if (d instanceof Directive.AssertReturn) {
            return ((Directive.AssertReturn) d).action();
        } else if (d instanceof Directive.AssertTrap) {
            return ((Directive.AssertTrap) d).action();
        } else if (d instanceof Directive.AssertExhaustion) {
            return ((Directive.AssertExhaustion) d).action();
        } else if (d instanceof Directive.Perform) {
            return ((Directive.Perform) d).action();
        }
        return null;
    }

    /** What an action did, as text that is equal for equal outcomes. */
    private static String outcome(WastRunner runner, Action action) {
        try {
            StringBuilder b = new StringBuilder("[");
            for (Actual v : runner.perform(action)) {
                b.append(describe(v)).append(' ');
            }
            return b.append(']').toString();
        } catch (TrapException e) {
            return "trap " + e.trap() + ": " + e.getMessage();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static String describe(Actual v) {
        if (v.type().isReference()) {
            if (v.ref() == null) {
                return "null";
            }
            return v.ref() instanceof Function ? "func:" + ((Function) v.ref()).type() : v.ref().toString();
        }
        return number(v.type(), v.bits()) + (v.type().isVector() ? ":" + Long.toHexString(v.hi()) : "");
    }

    /**
     * A number as text, every quiet NaN alike: where several NaN operands meet, which payload and sign
     * survive is not specified (the JIT may swap the operands of a commutative operation), only that the
     * result is a quiet NaN, canonical when the operands were. The spec suite checks those rules; here the
     * engines must agree on everything else.
     */
    private static String number(ValType t, long bits) {
        if (t.equals(ValType.F32)) {
            int b = (int) bits;
            if ((b & 0x7FFF_FFFF) > 0x7F80_0000 && (b & 0x0040_0000) != 0) {
                return "f32:quiet-nan";
            }
        } else if (t.equals(ValType.F64)) {
            if ((bits & 0x7FFF_FFFF_FFFF_FFFFL) > 0x7FF0_0000_0000_0000L && (bits & 0x0008_0000_0000_0000L) != 0) {
                return "f64:quiet-nan";
            }
        }
        return t + ":" + Long.toHexString(bits);
    }

    @Test
    void randomFunctions_sameOutcomeOnBothEngines() {
        Random random = new Random(20240607);
        List<String> mismatches = new ArrayList<>();
        int calls = 0;
        for (int m = 0; m < 300; m++) {
            String wat = new RandomModules(random.nextLong()).module(4);
            WasmModule model = WatParser.parseModule(wat, "random", BASE.features());
            Instance a = Module.of(model, INTERPRETER).instantiate();
            Instance b = Module.of(model, COMPILER).instantiate();
            for (int f = 0; f < 4; f++) {
                for (int k = 0; k < 6; k++) {
                    long[] args = RandomModules.arguments(random);
                    String ra = call(a.function("f" + f), args);
                    String rb = call(b.function("f" + f), args);
                    calls++;
                    if (!ra.equals(rb)) {
                        mismatches.add("f" + f + Arrays.toString(args) + ": interpreter " + ra + ", compiler " + rb
                                + "\n" + wat);
                    }
                }
            }
            if (mismatches.size() > 3) {
                break;
            }
        }
        assertTrue(calls >= 300 * 4 * 6 || !mismatches.isEmpty(), "calls: " + calls);
        assertEquals(List.of(), mismatches);
    }

    private static String call(Function f, long[] args) {
        try {
            long[] r = f.call(args);
            StringBuilder b = new StringBuilder();
            int slot = 0;
            for (ValType t : f.type().results()) {
                b.append(number(t, r[slot])).append(' ');
                slot += t.isVector() ? 2 : 1;
            }
            return b.toString();
        } catch (TrapException e) {
            return "trap " + e.trap() + ": " + e.getMessage();
        }
    }
}
