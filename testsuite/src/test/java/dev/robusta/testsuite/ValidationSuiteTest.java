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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The validator against the WebAssembly 2.0 suite: every {@code assert_invalid} module is rejected as
 * INVALID with a message that begins with the script's text, and every module the scripts define (or
 * expect to fail only at link or instantiation time) validates.
 */
class ValidationSuiteTest {
    @TestFactory
    Stream<DynamicContainer> wasm2_0() {
        Path root = TestSuiteLocation.require();
        return TestSuiteLocation.scripts(root.resolve("wasm-2.0")).stream().map(path -> {
            String name = root.relativize(path).toString();
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
            return List.of(DynamicTest.dynamicTest(name + " script", () -> {
                throw e;
            }));
        }
        for (Directive d : directives) {
            String at = name + ":" + d.line();
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
