package dev.robusta.testsuite;

import dev.robusta.runtime.RuntimeConfig;
import dev.robusta.runtime.internal.ModuleCode;
import dev.robusta.runtime.internal.interpreter.InterpreterSupport;
import dev.robusta.text.wast.Directive;
import dev.robusta.text.wast.Script;
import dev.robusta.text.wast.TextModule;
import dev.robusta.text.wast.WastParser;
import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.WasmModule;
import dev.robusta.wasm.validate.Validator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link InterpreterSupport} (what is rejected as UNSUPPORTED at compile time) agrees with the interpreter's
 * lowerer (what it actually runs), over every valid module of the 3.0 suite and the proposals: a module the
 * check accepts lowers every function, and the check rejects only modules with a function the lowerer refuses.
 */
class InterpreterSupportSuiteTest {

    @TestFactory
    Stream<DynamicTest> supportCheckAgreesWithTheLowerer() {
        Path root = TestSuiteLocation.require();
        List<Path> scripts = new ArrayList<>(TestSuiteLocation.scripts(root.resolve("wasm-3.0")));
        scripts.addAll(TestSuiteLocation.scripts(root.resolve("proposals")));
        return scripts.stream().map(path -> {
            String name = root.relativize(path).toString();
            return DynamicTest.dynamicTest(name, () -> check(path, name));
        });
    }

    private static void check(Path path, String name) {
        Features features = Scripts.featuresFor(name);
        RuntimeConfig config = RuntimeConfig.DEFAULT.withFeatures(features);
        Script script;
        try {
            script = WastParser.parse(Files.readAllBytes(path), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = new ArrayList<>();
        for (Directive d : script.directives()) {
            if (!(d instanceof Directive.DefineModule) || !(((Directive.DefineModule) d).source() instanceof TextModule)) {
                continue;
            }
            WasmModule model;
            try {
                model = ((TextModule) ((Directive.DefineModule) d).source()).parse(features);
                Validator.validate(model, features);
            } catch (CompileException e) {
                continue; // not a valid module for these features: not this test's subject
            }
            boolean accepted = true;
            try {
                InterpreterSupport.check(model, features);
            } catch (CompileException e) {
                assertTrue(e.kind() == CompileException.Kind.UNSUPPORTED, e::getMessage);
                accepted = false;
            }
            String refused = lowerAll(model, config);
            if (accepted && refused != null) {
                problems.add(name + ":" + d.line() + ": accepted at compile time, but the lowerer refuses: " + refused);
            } else if (!accepted && refused == null) {
                problems.add(name + ":" + d.line() + ": rejected as unsupported, but every function lowers");
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    /** Lowers every defined function; the first refusal's message, or null. */
    private static String lowerAll(WasmModule model, RuntimeConfig config) {
        ModuleCode code = new ModuleCode(model, config);
        for (int f = model.importedFuncCount(); f < model.funcCount(); f++) {
            try {
                code.lowered(f);
            } catch (UnsupportedOperationException e) {
                return e.getMessage();
            }
        }
        return null;
    }
}
