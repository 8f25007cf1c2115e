package dev.robusta.testsuite;

import dev.robusta.text.wast.Directive;
import dev.robusta.text.wast.Script;
import dev.robusta.text.wast.TextModule;
import dev.robusta.text.wast.WastParser;
import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.binary.BinaryEncoder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * For every text module of the 2.0 suite that Debian's wabt {@code wat2wasm} accepts, our binary is the
 * same as wabt's, byte for byte. CI installs wabt; elsewhere the test is skipped, saying why.
 */
class WabtComparisonTest {

    @TestFactory
    Stream<DynamicNode> ourBinaryEqualsWabts() throws IOException {
        String wat2wasm = findWat2wasm();
        if (wat2wasm == null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("wat2wasm (Debian package wabt) is not installed; .ci/run must install it");
            }
            Assumptions.abort("wat2wasm (Debian package wabt) is not installed: apt-get install wabt");
        }
        Path dir = TestSuiteLocation.require().resolve("wasm-2.0");
        Path tmp = Files.createTempDirectory("robusta-wabt");
        List<DynamicNode> tests = new ArrayList<>();
        for (Path path : TestSuiteLocation.scripts(dir)) {
            String name = path.getFileName().toString();
            Script script = WastParser.parse(Files.readAllBytes(path), name);
            for (Directive d : script.directives()) {
                if (d instanceof Directive.DefineModule && ((Directive.DefineModule) d).source() instanceof TextModule) {
                    TextModule m = (TextModule) ((Directive.DefineModule) d).source();
                    tests.add(DynamicTest.dynamicTest(name + ":" + d.line(), () -> compare(wat2wasm, tmp, m)));
                }
            }
        }
        return tests.stream();
    }

    private static void compare(String wat2wasm, Path tmp, TextModule m) throws Exception {
        Path wat = tmp.resolve("m.wat");
        Path wasm = tmp.resolve("m.wasm");
        Files.deleteIfExists(wasm);
        Files.write(wat, m.text().getBytes(StandardCharsets.UTF_8));
        Process p = new ProcessBuilder(wat2wasm, "--no-check", wat.toString(), "-o", wasm.toString())
                .redirectErrorStream(true).start();
        byte[] log = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(wasm)) {
            Assumptions.abort("wat2wasm does not accept this module: " + new String(log, StandardCharsets.UTF_8).lines().findFirst().orElse(""));
        }
        byte[] theirs = Files.readAllBytes(wasm);
        byte[] ours;
        try {
            ours = BinaryEncoder.encode(m.parse(Scripts.featuresFor("wasm-2.0/")));
        } catch (CompileException e) {
            fail("wat2wasm accepts it but we do not: " + e.getMessage());
            return;
        }
        if (!Arrays.equals(theirs, ours)) {
            assertEquals(HexFormat.of().formatHex(theirs), HexFormat.of().formatHex(ours), "binary differs from wat2wasm's");
        }
    }

    private static String findWat2wasm() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, "wat2wasm");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }
}
