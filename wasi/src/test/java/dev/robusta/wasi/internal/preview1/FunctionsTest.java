package dev.robusta.wasi.internal.preview1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.robusta.wasi.internal.Abi;
import dev.robusta.wasi.internal.WasiFunction;
import dev.robusta.wasi.internal.WasiTables;
import dev.robusta.wasm.ValType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/** Every function is registered in the tables' (the witx) order with the tables' core signature. */
class FunctionsTest {
    @Test
    void preview1_matchesTheTable() {
        check(Abi.PREVIEW1, "wasi_preview1.tsv");
    }

    @Test
    void unstable_matchesTheTable() {
        check(Abi.UNSTABLE, "wasi_unstable.tsv");
    }

    private static void check(Abi abi, String table) {
        List<String[]> rows = WasiTables.rows(table);
        List<WasiFunction> functions = Functions.of(abi);
        List<String> expectedNames = new ArrayList<>();
        List<String> actualNames = new ArrayList<>();
        rows.forEach(r -> expectedNames.add(r[1]));
        functions.forEach(f -> actualNames.add(f.name()));
        assertEquals(expectedNames, actualNames, "names and order");
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            WasiFunction f = functions.get(i);
            assertEquals(abi.moduleName(), r[0]);
            assertEquals(types(r[2]), f.type().params(), f.name() + " params");
            List<ValType> results = r[3].startsWith("-") ? List.of() : types(r[3]);
            assertEquals(results, f.type().results(), f.name() + " results");
            assertEquals(f.type().params().size(), f.paramNames().size(), f.name() + " parameter names");
        }
    }

    private static List<ValType> types(String s) {
        List<ValType> out = new ArrayList<>();
        if (s.equals("-")) {
            return out;
        }
        for (String t : s.trim().split("\\s+")) {
            switch (t) {
                case "i32": out.add(ValType.I32); break;
                case "i64": out.add(ValType.I64); break;
                default: throw new AssertionError("type " + t);
            }
        }
        return out;
    }
}
