package dev.robusta.testsuite;

import dev.robusta.text.wast.WastParser;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every module of every script of the suite (2.0, 3.0 and the proposals) parses and encodes, and every
 * text module the suite calls malformed is rejected: the acceptance check of the text format.
 */
class DryRunTest {
    @TestFactory
    Stream<DynamicContainer> everyScriptOfTheSuite() {
        Path root = TestSuiteLocation.require();
        return TestSuiteLocation.scripts(root).stream().map(path -> {
            String name = root.relativize(path).toString();
            List<Outcome> outcomes = dryRun(path, name);
            return DynamicContainer.dynamicContainer(name, outcomes.stream().map(o ->
                    DynamicTest.dynamicTest(o.name() + " " + o.kind(), () -> {
                        if (o.status() == Outcome.Status.FAILED) {
                            fail(o.detail());
                        }
                    })));
        });
    }

    private static List<Outcome> dryRun(Path path, String name) {
        try {
            return new DryRun(Scripts.featuresFor(name)).run(WastParser.parse(Files.readAllBytes(path), name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (RuntimeException e) {
            return List.of(new Outcome(name, 0, "script", Outcome.Status.FAILED, e.toString()));
        }
    }
}
