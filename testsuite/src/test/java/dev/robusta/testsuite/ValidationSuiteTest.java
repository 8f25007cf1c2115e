package dev.robusta.testsuite;

import dev.robusta.text.wast.BinaryModule;
import dev.robusta.text.wast.Directive;
import dev.robusta.text.wast.ModuleSource;
import dev.robusta.text.wast.QuoteModule;
import dev.robusta.text.wast.TextModule;
import dev.robusta.text.wast.WastParser;
import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.WasmModule;
import dev.robusta.wasm.binary.BinaryDecoder;
import dev.robusta.wasm.validate.Validator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The validator against the suite: every {@code assert_invalid} module is rejected as INVALID with a
 * message that begins with the script's text, and every module the scripts define (or expect to fail only
 * at link or instantiation time) validates. WebAssembly 2.0, 3.0 and the proposals whose scripts are written
 * for 3.0 (the threads scripts predate multiple memories and tables, so their "multiple memories" cases
 * contradict 3.0).
 */
class ValidationSuiteTest {
    /** Cases that fail for a reason outside the validator, by {@code file:line} (none at present). */
    private static final Map<String, String> KNOWN = Map.of();

    @TestFactory
    Stream<DynamicContainer> wasm2_0() {
        return suite("wasm-2.0");
    }

    @TestFactory
    Stream<DynamicContainer> wasm3_0() {
        return suite("wasm-3.0");
    }

    @TestFactory
    Stream<DynamicContainer> proposals() {
        return Stream.concat(suite("proposals/custom-page-sizes"), suite("proposals/wide-arithmetic"));
    }

    private static Stream<DynamicContainer> suite(String folder) {
        Path root = TestSuiteLocation.require();
        return TestSuiteLocation.scripts(root.resolve(folder)).stream().map(path -> {
            String name = root.relativize(path).toString().replace('\\', '/');
            return DynamicContainer.dynamicContainer(name, tests(path, name, Scripts.featuresFor(name)));
        });
    }

    private static List<DynamicNode> tests(Path path, String name, Features features) {
        List<DynamicNode> tests = new ArrayList<>();
        List<Directive> directives;
        try {
            directives = WastParser.parse(Files.readAllBytes(path), name).directives();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // DryRunTest reports scripts that do not parse.
            return List.of(DynamicTest.dynamicTest(name + " script", () ->
                    Assumptions.abort("the script does not parse: " + e.getMessage())));
        }
        for (Directive d : directives) {
            String at = name + ":" + d.line();
            String known = KNOWN.get(at);
            if (known != null) {
                tests.add(DynamicTest.dynamicTest(at + " known issue", () -> Assumptions.abort(known)));
                continue;
            }
            if (d instanceof Directive.AssertInvalid) {
                Directive.AssertInvalid a = (Directive.AssertInvalid) d;
                tests.add(DynamicTest.dynamicTest(at + " assert_invalid", () -> {
                    WasmModule m = load(a.module(), features);
                    CompileException e = assertThrows(CompileException.class, () -> Validator.validate(m, features),
                            "expected invalid: " + a.message());
                    assertEquals(CompileException.Kind.INVALID, e.kind(), e.getMessage());
                    assertTrue(e.getMessage().startsWith(a.message()),
                            () -> "expected \"" + a.message() + "\" but was \"" + e.getMessage() + "\"");
                }));
            } else {
                ModuleSource valid = validModule(d);
                if (valid != null) {
                    tests.add(DynamicTest.dynamicTest(at + " valid", () ->
                            Validator.validate(load(valid, features), features)));
                }
            }
        }
        return tests;
    }

    /** The module of a directive whose module must be valid, or null. */
    private static ModuleSource validModule(Directive d) {
        if (d instanceof Directive.DefineModule) {
            return ((Directive.DefineModule) d).source();
        } else if (d instanceof Directive.AssertUnlinkable) {
            return ((Directive.AssertUnlinkable) d).module();
        } else if (d instanceof Directive.AssertUninstantiable) {
            return ((Directive.AssertUninstantiable) d).module();
        }
        return null;
    }

    private static WasmModule load(ModuleSource source, Features features) {
        if (source instanceof BinaryModule) {
            return BinaryDecoder.decode(((BinaryModule) source).bytes(), features);
        } else if (source instanceof TextModule) {
            return ((TextModule) source).parse(features);
        }
        return ((QuoteModule) source).parse(features);
    }
}
