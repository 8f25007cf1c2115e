package dev.robusta.text;

import dev.robusta.text.wast.BinaryModule;
import dev.robusta.text.wast.Directive;
import dev.robusta.text.wast.ModuleSource;
import dev.robusta.text.wast.QuoteModule;
import dev.robusta.text.wast.Script;
import dev.robusta.text.wast.TextModule;
import dev.robusta.text.wast.WastParser;
import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.WasmModule;
import dev.robusta.wasm.binary.BinaryDecoder;
import dev.robusta.wasm.binary.BinaryEncoder;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The project's acceptance test for the printer: every module of the WebAssembly 2.0 test suite, written as
 * text, goes parse, encode, decode, print, parse, encode, and the two encodings are identical; both the
 * flat and the folded forms. Binary modules of the suite go decode, print, parse, encode, and match their
 * own re-encoding.
 */
class WatRoundTripPrinterTest {

    @TestFactory
    Stream<DynamicTest> wasm20_everyModule_printedTextEncodesToTheSameBytes() throws IOException {
        return everyModule("wasm-2.0", true);
    }

    @TestFactory
    Stream<DynamicTest> wasm30_everyModule_printedTextEncodesToTheSameBytes() throws IOException {
        return everyModule("wasm-3.0", false);
    }

    /**
     * @param strict whether a script or module the parser rejects fails the test (for 2.0) rather than
     *               skipping it (for 3.0, whose text the parser does not all accept yet)
     */
    private static Stream<DynamicTest> everyModule(String version, boolean strict) throws IOException {
        Path dir = suite().resolve(version);
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".wast")).sorted()::iterator) {
                String name = file.getFileName().toString();
                Script script;
                try {
                    script = WastParser.parse(Files.readAllBytes(file), name);
                } catch (CompileException e) {
                    if (strict) {
                        throw e;
                    }
                    tests.add(DynamicTest.dynamicTest(name, () -> abort("script does not parse: " + e.getMessage())));
                    continue;
                }
                for (Directive d : script.directives()) {
                    ModuleSource source = moduleOf(d);
                    if (source != null) {
                        tests.add(DynamicTest.dynamicTest(name + ":" + d.line(), () -> roundTrip(source, strict)));
                    }
                }
            }
        }
        assertTrue(tests.size() > 1000, "too few modules found: " + tests.size());
        return tests.stream();
    }

    private static Path suite() {
        Path p = Path.of(System.getProperty("robusta.testsuite", "../../shared/testsuite"));
        assertTrue(Files.isDirectory(p.resolve("wasm-2.0")) && Files.isDirectory(p.resolve("wasm-3.0")), "no test suite at " + p.toAbsolutePath()
                + " (set the system property robusta.testsuite)");
        return p;
    }

    /** The module of a directive that holds a well-formed one, or null. */
    private static ModuleSource moduleOf(Directive d) {
        if (d instanceof Directive.DefineModule) {
            return ((Directive.DefineModule) d).source();
        } else if (d instanceof Directive.AssertInvalid) {
            return ((Directive.AssertInvalid) d).module();
        } else if (d instanceof Directive.AssertUnlinkable) {
            return ((Directive.AssertUnlinkable) d).module();
        } else if (d instanceof Directive.AssertUninstantiable) {
            return ((Directive.AssertUninstantiable) d).module();
        }
        return null;
    }

    private static void roundTrip(ModuleSource source, boolean strict) {
        if (source instanceof TextModule) {
            WasmModule m;
            try {
                m = ((TextModule) source).parse();
            } catch (CompileException e) {
                if (strict) {
                    throw e;
                }
                abort("module does not parse: " + e.getMessage());
                return;
            }
            printParseEncode(BinaryEncoder.encode(m), ((TextModule) source).text());
        } else if (source instanceof BinaryModule) {
            WasmModule m;
            try {
                m = BinaryDecoder.decode(((BinaryModule) source).bytes(), Features.ALL);
            } catch (CompileException e) {
                abort("binary module does not decode: " + e.getMessage());
                return;
            }
            // A binary may use encodings that no text selects (an explicit table 0, custom sections): the
            // first trip through text normalises them, the second must change nothing.
            String wat = WatPrinter.print(m);
            byte[] normalised = BinaryEncoder.encode(parse(wat));
            printParseEncode(normalised, wat);
            // custom sections printed as annotations, which the parser skips: well-formed, nothing else changes
            String annotated = WatPrinter.print(m, WatPrinter.Options.FLAT.withCustomSections(true));
            assertArrayEquals(normalised, BinaryEncoder.encode(parse(annotated)), annotated);
        } else {
            QuoteModule q = (QuoteModule) source;
            WasmModule m;
            try {
                m = q.parse();
            } catch (CompileException e) {
                if (strict) {
                    throw e;
                }
                abort("module does not parse: " + e.getMessage());
                return;
            }
            printParseEncode(BinaryEncoder.encode(m), q.text());
        }
    }

    /** Decodes {@code expected}, prints it flat and folded, parses and encodes: the same bytes. */
    private static void printParseEncode(byte[] expected, String source) {
        WasmModule decoded;
        try {
            decoded = BinaryDecoder.decode(expected, Features.ALL);
        } catch (CompileException e) {
            abort("the module's own encoding does not decode, the printer cannot be tried on it: " + e.getMessage());
            return;
        }
        for (WatPrinter.Options options : List.of(WatPrinter.Options.FLAT, WatPrinter.Options.FOLDED)) {
            String wat = WatPrinter.print(decoded, options);
            byte[] actual = BinaryEncoder.encode(parse(wat));
            assertArrayEquals(expected, actual, () -> "different encoding\n--- source:\n" + source
                    + "\n--- printed:\n" + wat + "--- expected:\n" + hex(expected) + "\n--- actual:\n" + hex(actual));
        }
    }

    private static WasmModule parse(String wat) {
        try {
            return WatParser.parseModule(wat, "printed", Features.ALL);
        } catch (CompileException e) {
            throw new AssertionError("printed text does not parse: " + e.getMessage() + "\n" + wat, e);
        }
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.length; i++) {
            sb.append(String.format("%02x", b[i] & 0xFF)).append(i % 32 == 31 ? "\n" : " ");
        }
        return sb.toString();
    }
}
