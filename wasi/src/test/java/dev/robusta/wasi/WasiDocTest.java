package dev.robusta.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.wasi.internal.WasiTables;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/wasi.md lists every preview1 function, in order, each with tests that exist (in this module, or in
 * the command line's, {@code cli/}, for end-to-end runs).
 */
class WasiDocTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z_]+)` \\| ([^|]+) \\| ([^|]+) \\|$");
    private static final Pattern TEST_CLASS = Pattern.compile("\\b([A-Z][A-Za-z0-9]*Test)\\b");

    @Test
    void functionTable_coversEveryFunctionWithExistingTests() throws Exception {
        Path base = Path.of(System.getProperty("basedir", "."));
        Path doc = base.resolve("../docs/wasi.md");
        assertTrue(Files.isRegularFile(doc), "missing " + doc);
        Map<String, String> tests = new LinkedHashMap<>();
        for (String line : Files.readAllLines(doc)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                tests.put(m.group(1), m.group(3));
            }
        }
        List<String> expected = new ArrayList<>();
        WasiTables.rows("wasi_preview1.tsv").forEach(r -> expected.add(r[1]));
        assertEquals(expected, new ArrayList<>(tests.keySet()));
        for (Map.Entry<String, String> e : tests.entrySet()) {
            Matcher m = TEST_CLASS.matcher(e.getValue());
            boolean any = false;
            while (m.find()) {
                any = true;
                assertTrue(exists(base, m.group(1)), e.getKey() + ": no test class " + m.group(1));
            }
            assertTrue(any, e.getKey() + " names no test class");
        }
    }

    private static boolean exists(Path base, String simpleName) throws Exception {
        for (Path tests : List.of(base.resolve("src/test/java"), base.resolve("../cli/src/test/java"))) {
            if (!Files.isDirectory(tests)) {
                continue;
            }
            try (var files = Files.walk(tests)) {
                if (files.anyMatch(p -> p.getFileName().toString().equals(simpleName + ".java"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
