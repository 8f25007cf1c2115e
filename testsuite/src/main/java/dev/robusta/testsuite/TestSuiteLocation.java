package dev.robusta.testsuite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the official WebAssembly test suite is: the system property {@code robusta.testsuite}, else
 * {@code ../shared/testsuite}. It is never copied into the repository.
 */
public final class TestSuiteLocation {
    /** The system property that overrides the location. */
    public static final String PROPERTY = "robusta.testsuite";

    private TestSuiteLocation() {
    }

    /** The suite's root folder (it may not exist: see {@link #require()}). */
    public static Path root() {
        String p = System.getProperty(PROPERTY);
        return Path.of(p != null && !p.isBlank() ? p : "../shared/testsuite").toAbsolutePath().normalize();
    }

    /** The suite's root folder; an IllegalStateException saying so loudly when it is missing. */
    public static Path require() {
        Path root = root();
        if (!Files.isDirectory(root.resolve("wasm-2.0"))) {
            throw new IllegalStateException("The WebAssembly spec test suite is MISSING at " + root
                    + " (set -D" + PROPERTY + "=DIR, or place the shared folder beside the repository)");
        }
        return root;
    }

    /** The {@code .wast} files below {@code folder} (recursively), sorted by path. */
    public static List<Path> scripts(Path folder) {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(p -> p.toString().endsWith(".wast")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
