package dev.robusta.testsuite;

import dev.robusta.runtime.EngineKind;
import dev.robusta.runtime.RuntimeConfig;
import dev.robusta.text.wast.Directive;
import dev.robusta.text.wast.Script;
import dev.robusta.text.wast.WastParser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The WebAssembly 2.0 spec suite, every script and every directive, one dynamic test per directive named
 * {@code file.wast:line}, run in order through {@link WastRunner}, once per engine.
 */
class SpecSuiteTest {

    @TestFactory
    Stream<DynamicNode> wasm20OnTheInterpreter() {
        return wasm20(EngineKind.INTERPRETER);
    }

    @TestFactory
    Stream<DynamicNode> wasm20OnTheCompiler() {
        return wasm20(EngineKind.COMPILER);
    }

    private static Stream<DynamicNode> wasm20(EngineKind engine) {
        Path dir = TestSuiteLocation.require().resolve("wasm-2.0");
        RuntimeConfig config = RuntimeConfig.DEFAULT.withFeatures(Scripts.featuresFor("wasm-2.0/"))
                .withTimeout(Duration.ofMinutes(1)).withEngine(engine);
        return TestSuiteLocation.scripts(dir).stream().map(path -> script(path, config));
    }

    private static DynamicNode script(Path path, RuntimeConfig config) {
        String name = path.getFileName().toString();
        Script script;
        try {
            script = WastParser.parse(Files.readAllBytes(path), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WastRunner runner = new WastRunner(name, config);
        return DynamicContainer.dynamicContainer(name, script.directives().stream()
                .map(d -> DynamicTest.dynamicTest(name + ":" + d.line() + " " + WastRunner.kindOf(d), () -> check(runner, d))));
    }

    private static void check(WastRunner runner, Directive d) {
        Outcome o = runner.run(d);
        if (o.status() == Outcome.Status.SKIPPED) {
            Assumptions.abort(o.detail());
        } else if (o.status() == Outcome.Status.FAILED) {
            fail(o.name() + " " + o.kind() + ": " + o.detail());
        }
    }
}
