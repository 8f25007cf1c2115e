package dev.robusta.wasi.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The WASI reference tables ({@code ../shared/wasi/*.tsv}): found through the system property
 * {@code robusta.wasi} (set by the pom), else {@code ../shared/wasi} from the repository or module
 * directory. Missing tables fail the tests loudly rather than skipping them.
 */
public final class WasiTables {
    private WasiTables() {
    }

    /** The directory holding the tables. */
    public static Path dir() {
        List<Path> candidates = new ArrayList<>();
        String prop = System.getProperty("robusta.wasi");
        if (prop != null && !prop.isEmpty()) {
            candidates.add(Path.of(prop));
        }
        candidates.add(Path.of("../shared/wasi"));
        candidates.add(Path.of("../../shared/wasi"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p.resolve("wasi_preview1.tsv"))) {
                return p;
            }
        }
        throw new IllegalStateException("the WASI reference tables are missing: looked in " + candidates
                + "; set -Drobusta.wasi=/path/to/shared/wasi");
    }

    /** The rows of {@code file} (comments dropped), split at tabs. */
    public static List<String[]> rows(String file) {
        try {
            List<String[]> out = new ArrayList<>();
            for (String line : Files.readAllLines(dir().resolve(file))) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split("\t", -1));
                }
            }
            if (out.isEmpty()) {
                throw new IllegalStateException(file + " is empty");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
