package dev.robusta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code bin/robusta} itself, as a process: the launcher, {@code Main.main}'s exit code and the streams
 * of a real JVM. Only when {@code cli/target/robusta.jar} is newer than every source and pom (else the
 * launcher would start a Maven build from inside the tests): after {@code mvn package}, not in a bare
 * {@code mvn test}.
 */
class LauncherTest {
    private static Path root;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void requireAFreshJar() throws IOException {
        root = Path.of("").toAbsolutePath();
        if (!Files.exists(root.resolve("bin/robusta"))) {
            root = root.getParent();
        }
        Path jar = root.resolve("cli/target/robusta.jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar), "no cli/target/robusta.jar: run mvn package first");
        FileTime built = Files.getLastModifiedTime(jar);
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> newer = files
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
                    .filter(p -> p.getFileName().toString().equals("pom.xml") || p.toString().contains("/src/main/"))
                    .filter(Files::isRegularFile)
                    .filter(p -> newerThan(p, built))
                    .toList();
            Assumptions.assumeTrue(newer.isEmpty(), "cli/target/robusta.jar is older than " + newer);
        }
    }

    private static boolean newerThan(Path p, FileTime time) {
        try {
            return Files.getLastModifiedTime(p).compareTo(time) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Run robusta(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("bin/robusta").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(root.toFile()).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bin/robusta did not finish");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void invoke_printsTheResult() throws Exception {
        Run r = robusta("run", "--invoke", "gcd", "examples/math.wat", "1071", "462");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("21\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void trap_exitsTheProcessWith134() throws Exception {
        Run r = robusta("run", "--invoke", "div", "examples/math.wat", "1", "0");
        assertEquals(134, r.exitCode());
        assertTrue(r.err().startsWith("robusta: trap: integer divide by zero\n"), r.err());
    }

    @Test
    void usageError_exitsTheProcessWith1() throws Exception {
        Run r = robusta("run");
        assertEquals(1, r.exitCode());
        assertEquals("robusta: missing required parameter: 'FILE' (see 'robusta help run')\n", r.err());
    }
}
