package dev.robusta.runtime.internal.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.runtime.internal.simd.Simd;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;

/** HotSpot does not JIT-compile methods above 8,000 bytes of bytecode: no method of the engine may grow past it. */
class MethodSizeTest {
    private static final int HUGE_METHOD_LIMIT = 8000;

    /** The bytecode size of each method of {@code type}, as "name size" lines, from {@code javap -c}. */
    private static List<String> methodSizes(Class<?> type) throws URISyntaxException {
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
        Path file = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(type.getName().replace('.', '/') + ".class");
        StringWriter out = new StringWriter();
        assertEquals(0, javap.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-c", "-p", file.toString()));
        List<String> sizes = new ArrayList<>();
        String method = null;
        int last = -1;
        for (String line : out.toString().split("\n")) {
            if (line.startsWith("  ") && !line.startsWith("   ") && line.contains("(")) {
                method = line.trim();
                last = -1;
            } else if (line.matches("\\s+\\d+: .*")) {
                last = Integer.parseInt(line.trim().substring(0, line.trim().indexOf(':')));
            } else if (line.isEmpty() && method != null) {
                sizes.add(method + " " + last);
                method = null;
            }
        }
        return sizes;
    }

    @Test
    void everyEngineMethod_staysBelowTheHugeMethodLimit() throws Exception {
        Class<?>[] classes = {Machine.class, IntOps.class, FloatOps.class, Conversions.class, MemoryOps.class,
            BulkOps.class, SimdMemoryOps.class, Simd.class};
        boolean sawRun = false;
        for (Class<?> c : classes) {
            for (String m : methodSizes(c)) {
                int size = Integer.parseInt(m.substring(m.lastIndexOf(' ') + 1));
                assertTrue(size < HUGE_METHOD_LIMIT, c.getSimpleName() + ": " + m);
                sawRun |= c == Machine.class && m.contains(" run(int)") && size > 1000;
            }
        }
        assertTrue(sawRun, "the dispatch loop was measured");
    }
}
