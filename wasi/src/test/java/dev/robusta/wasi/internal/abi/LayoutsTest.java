package dev.robusta.wasi.internal.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.robusta.wasi.internal.WasiTables;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

/** Every struct layout the implementation uses equals the table's, for both versions. */
class LayoutsTest {
    @Test
    void preview1_matchesTheTable() {
        check("wasi_snapshot_preview1", Layouts.PREVIEW1);
    }

    @Test
    void unstable_matchesTheTable() {
        check("wasi_unstable", Layouts.UNSTABLE);
    }

    private static void check(String module, Layouts layouts) {
        Map<String, String> expected = new TreeMap<>();
        for (String[] r : WasiTables.rows("wasi_preview1_layouts.tsv")) {
            if (r[0].equals(module)) {
                expected.put(r[1], "size=" + r[2] + " align=" + r[3]);
                expected.put(r[1] + "." + r[4], "offset=" + r[5] + " size=" + r[6]);
            }
        }
        Map<String, String> actual = new TreeMap<>();
        for (Struct s : layouts.all()) {
            actual.put(s.name(), "size=" + s.size() + " align=" + s.align());
            for (Field f : s.fields()) {
                actual.put(s.name() + "." + f.name(), "offset=" + f.offset() + " size=" + f.size());
            }
        }
        assertEquals(expected, actual);
    }
}
