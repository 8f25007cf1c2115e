package dev.robusta.wasi.internal.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.wasi.internal.Abi;
import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.WasiTables;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Every constant the implementation uses equals the table's value, and every table value is defined. */
class ConstantsTest {
    static final List<Class<?>> CLASSES = List.of(ClockId.class, Rights.class, Whence.class, FileType.class,
            Advice.class, FdFlags.class, FstFlags.class, LookupFlags.class, OFlags.class, EventType.class,
            EventRwFlags.class, SubClockFlags.class, Signal.class, RiFlags.class, RoFlags.class, SdFlags.class,
            PreopenType.class);

    @Test
    void preview1Constants_matchTheTable() throws Exception {
        List<String[]> rows = WasiTables.rows("wasi_preview1_constants.tsv");
        int checkedTypes = 0;
        for (Class<?> c : CLASSES) {
            String type = (String) c.getField("WITX_NAME").get(null);
            Map<String, Long> expected = new TreeMap<>();
            for (String[] r : rows) {
                if (r[0].equals("wasi_snapshot_preview1") && r[1].equals(type)) {
                    expected.put(r[4].toUpperCase(Locale.ROOT), Long.parseLong(r[5]));
                }
            }
            assertTrue(!expected.isEmpty(), "no rows for " + type);
            assertEquals(expected, constantsOf(c), type);
            checkedTypes++;
        }
        long typesInTable = rows.stream().filter(r -> r[0].equals("wasi_snapshot_preview1"))
                .map(r -> r[1]).distinct().count();
        assertEquals(typesInTable, checkedTypes + 1, "every type but errno has a class"); // + Errno
    }

    @Test
    void flagsAll_isTheUnionOfTheFlags() throws Exception {
        for (Class<?> c : CLASSES) {
            Field all;
            try {
                all = c.getField("ALL_FLAGS");
            } catch (NoSuchFieldException e) {
                continue;
            }
            long union = 0;
            for (long v : constantsOf(c).values()) {
                union |= v;
            }
            assertEquals(union, ((Number) all.get(null)).longValue(), c.getSimpleName());
        }
    }

    @Test
    void errno_matchesTheTableInBothVersions() {
        for (String module : List.of("wasi_snapshot_preview1", "wasi_unstable")) {
            int n = 0;
            for (String[] r : WasiTables.rows("wasi_preview1_constants.tsv")) {
                if (r[0].equals(module) && r[1].equals("errno")) {
                    String name = r[4].equals("success") ? "SUCCESS" : "E" + r[4].toUpperCase(Locale.ROOT);
                    Errno e = Errno.valueOf(name);
                    assertEquals(Integer.parseInt(r[5]), e.code(), name);
                    assertEquals(e, Errno.of(e.code()));
                    n++;
                }
            }
            assertEquals(Errno.values().length, n, module);
        }
    }

    @Test
    void unstableConstants_equalPreview1ExceptWhenceWhichAbiMaps() {
        List<String[]> rows = WasiTables.rows("wasi_preview1_constants.tsv");
        Map<String, Long> preview1 = new TreeMap<>();
        for (String[] r : rows) {
            if (r[0].equals("wasi_snapshot_preview1")) {
                preview1.put(r[1] + "." + r[4], Long.parseLong(r[5]));
            }
        }
        int whence = 0;
        for (String[] r : rows) {
            if (!r[0].equals("wasi_unstable") || r[1].equals("errno")) {
                continue;
            }
            long value = Long.parseLong(r[5]);
            if (r[1].equals("whence")) {
                whence++;
                assertEquals((long) preview1.get("whence." + r[4]), Abi.UNSTABLE.whence((int) value), r[4]);
            } else {
                assertEquals(preview1.get(r[1] + "." + r[4]), value, r[1] + "." + r[4]);
            }
        }
        assertEquals(3, whence);
        for (String[] r : rows) {
            if (r[0].equals("wasi_snapshot_preview1") && r[1].equals("whence")) {
                assertEquals(Integer.parseInt(r[5]), Abi.PREVIEW1.whence(Integer.parseInt(r[5])));
            }
        }
    }

    static Map<String, Long> constantsOf(Class<?> c) throws IllegalAccessException {
        Map<String, Long> out = new TreeMap<>();
        for (Field f : c.getFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) && Modifier.isFinal(m) && !f.getName().equals("WITX_NAME")
                    && !f.getName().equals("ALL_FLAGS")) {
                out.put(f.getName(), ((Number) f.get(null)).longValue());
            }
        }
        return out;
    }
}
