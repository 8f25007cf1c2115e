package dev.robusta.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the {@code robusta} command line in-process, through {@link Main#run}, for tests. */
final class Robusta {
    static final String NL = System.lineSeparator();

    /** What one run gave. */
    record Result(int exitCode, String out, String err, byte[] outBytes) {
        /** Standard output split into lines. */
        java.util.List<String> lines() {
            return out.lines().toList();
        }
    }

    private Robusta() {
    }

    static Result run(String... args) {
        return runWithInput(new byte[0], args);
    }

    static Result runWithInput(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = Main.run(args, new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                out.toByteArray());
    }

    /** Writes {@code text} to {@code dir/name} and returns the file's path as a string. */
    static String write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code bytes} to {@code dir/name} and returns the file's path as a string. */
    static String write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
