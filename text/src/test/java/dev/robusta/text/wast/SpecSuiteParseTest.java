package dev.robusta.text.wast;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.Features;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Parses every script of the specification test suite, and every module in it: modules in the text
 * format must parse, except that every quoted module of {@code assert_malformed} must be rejected with a
 * MALFORMED error carrying a position, whose message starts with the one the script expects.
 */
class SpecSuiteParseTest {

    static Path suite() {
        String dir = System.getProperty("robusta.testsuite");
        if (dir == null || dir.isEmpty()) {
            fail("system property robusta.testsuite is not set (the parent pom sets it)");
        }
        Path p = Paths.get(dir);
        assertTrue(Files.isDirectory(p.resolve("wasm-2.0")), "no test suite at " + p);
        return p;
    }

    static List<Path> scripts() throws IOException {
        try (Stream<Path> s = Files.walk(suite())) {
            return s.filter(p -> p.toString().endsWith(".wast")).sorted().collect(Collectors.toList());
        }
    }

    static Features featuresFor(Path file) {
        if (file.toString().contains("wasm-2.0")) {
            return Features.V2;
        }
        if (file.toString().contains("threads")) {
            return new Features(false, false, false, false, false, false, false, true, false, false);
        }
        return Features.ALL;
    }

    @TestFactory
    Stream<DynamicTest> everyScriptAndModuleParses() throws IOException {
        Path root = suite();
        return scripts().stream().map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(), () -> {
            List<String> problems = check(file);
            if (!problems.isEmpty()) {
                fail(problems.size() + " problems:\n" + String.join("\n", problems));
            }
        }));
    }

    /** The problems of one script, as readable lines. */
    static List<String> check(Path file) throws IOException {
        Script script = WastParser.parse(Files.readAllBytes(file), file.getFileName().toString());
        Features features = featuresFor(file);
        List<String> problems = new ArrayList<>();
        for (Directive d : script.directives()) {
            ModuleSource m = moduleOf(d);
            if (m == null || m instanceof BinaryModule) {
                continue;
            }
            boolean mustFail = d instanceof Directive.AssertMalformed;
            try {
                parse(m, features);
                if (mustFail) {
                    problems.add(file.getFileName() + ":" + d.line() + ": malformed module parsed (expected \""
                            + ((Directive.AssertMalformed) d).message() + "\")");
                }
            } catch (CompileException e) {
                assertEquals(CompileException.Kind.MALFORMED, e.kind());
                assertTrue(e.getMessage().matches("(?s).* at .*:\\d+:\\d+"), e.getMessage());
                if (!mustFail) {
                    problems.add(file.getFileName() + ":" + d.line() + ": " + e.getMessage());
                } else if (!e.getMessage().startsWith(((Directive.AssertMalformed) d).message())) {
                    problems.add(file.getFileName() + ":" + d.line() + ": expected \""
                            + ((Directive.AssertMalformed) d).message() + "\" but got: " + e.getMessage());
                }
            }
        }
        return problems;
    }

    static ModuleSource moduleOf(Directive d) {
        if (d instanceof Directive.DefineModule) {
            return ((Directive.DefineModule) d).source();
        }
        if (d instanceof Directive.AssertMalformed) {
            return ((Directive.AssertMalformed) d).module();
        }
        if (d instanceof Directive.AssertInvalid) {
            return ((Directive.AssertInvalid) d).module();
        }
        if (d instanceof Directive.AssertUnlinkable) {
            return ((Directive.AssertUnlinkable) d).module();
        }
        if (d instanceof Directive.AssertUninstantiable) {
            return ((Directive.AssertUninstantiable) d).module();
        }
        return null;
    }

    static void parse(ModuleSource m, Features features) {
        if (m instanceof TextModule) {
            ((TextModule) m).parse(features);
        } else if (m instanceof QuoteModule) {
            ((QuoteModule) m).parse(features);
        }
    }
}
