package dev.robusta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        return robusta(Map.of(), args);
    }

    private static Run robusta(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("bin/robusta").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().putAll(env);
        Process p = builder.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "bin/robusta did not finish");
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

    private static List<Path> archives(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    @Test
    void classDataArchive_isMadeAtTheFirstRunThenUsed_silently(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of("ROBUSTA_CDS_DIR", dir.toString());
        Run first = robusta(env, "run", "examples/hello.wat");
        assertEquals(new Run(0, "Hello, world!\n", ""), first);
        assertEquals(1, archives(dir).size(), "one archive in " + dir);
        Run second = robusta(env, "run", "examples/hello.wat");
        assertEquals(new Run(0, "Hello, world!\n", ""), second);
        assertEquals(1, archives(dir).size());
    }

    /** An older jar's archive is removed when the archive is made; this jar's archive for another JDK stays. */
    @Test
    void classDataArchive_ofAnotherJdk_kept_ofAnOlderJar_removed(@TempDir Path dir) throws Exception {
        Path jar = root.resolve("cli/target/robusta.jar");
        String jarKey = Files.getLastModifiedTime(jar).toMillis() / 1000 + "." + Files.size(jar);
        Path otherJdk = Files.writeString(dir.resolve("robusta-" + jarKey + "-1.2.jsa"), "another JDK's");
        Path olderJar = Files.writeString(dir.resolve("robusta-1.2-" + jarKey.replace('.', '_') + ".jsa"), "old");
        Map<String, String> env = Map.of("ROBUSTA_CDS_DIR", dir.toString());
        assertEquals(new Run(0, "Hello, world!\n", ""), robusta(env, "run", "examples/hello.wat"));
        assertTrue(Files.exists(otherJdk), "the archive of another JDK was removed");
        assertFalse(Files.exists(olderJar), "the archive of an older jar was kept");
        assertEquals(2, archives(dir).size(), "this JDK's new archive and the other JDK's: " + archives(dir));
    }

    @Test
    void classDataArchive_corrupt_isIgnoredSilently(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of("ROBUSTA_CDS_DIR", dir.toString());
        robusta(env, "run", "examples/hello.wat");
        for (Path archive : archives(dir)) {
            archive.toFile().setWritable(true);
            Files.writeString(archive, "not an archive");
        }
        assertEquals(new Run(0, "Hello, world!\n", ""), robusta(env, "run", "examples/hello.wat"));
    }

    @Test
    void classDataArchive_off_isNotMade(@TempDir Path dir) throws Exception {
        Run r = robusta(Map.of("ROBUSTA_CDS_DIR", dir.toString(), "ROBUSTA_CDS", "0"), "run", "examples/hello.wat");
        assertEquals(new Run(0, "Hello, world!\n", ""), r);
        assertEquals(List.of(), archives(dir));
    }

    @Test
    void classDataArchive_unwritableDirectory_runsWithout() throws Exception {
        Run r = robusta(Map.of("ROBUSTA_CDS_DIR", "/proc/robusta-cannot-write-here"), "run", "examples/hello.wat");
        assertEquals(new Run(0, "Hello, world!\n", ""), r);
    }

    @Test
    void timing_isReportedOnStandardError() throws Exception {
        Run r = robusta(Map.of("ROBUSTA_TIMING", "1", "ROBUSTA_CDS", "0"), "run", "examples/hello.wat");
        assertEquals(0, r.exitCode());
        assertEquals("Hello, world!\n", r.out());
        for (String phase : List.of("JVM start to main", "parse (text)", "validate", "compile", "run", "total")) {
            assertTrue(r.err().contains("  " + phase), phase + " in " + r.err());
        }
    }
}
