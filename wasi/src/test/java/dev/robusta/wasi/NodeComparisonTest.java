package dev.robusta.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The same C programs under Node's {@code node:wasi} ({@code src/test/c/run-node.js}) and under Robusta give
 * the same output and exit code. Skipped where {@code node} is not installed.
 */
class NodeComparisonTest {
    static final List<String> ARGS = List.of("prog", "one", "two words");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"hello", "args_env", "files", "readdir", "clocks"})
    void sameAsNode(String program) throws Exception {
        assumeTrue(nodeAvailable(), "node is not installed");
        Path nodeSandbox = Files.createDirectories(tmp.resolve("node/sandbox"));
        Path ourSandbox = Files.createDirectories(tmp.resolve("robusta/sandbox"));
        Path wasm = tmp.resolve(program + ".wasm");
        Files.write(wasm, CProgramsTest.wasm(program));

        List<String> command = new ArrayList<>(List.of("node", "--no-warnings", runner().toString(), wasm.toString(),
                nodeSandbox.toString()));
        command.addAll(ARGS);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("NODE_WASI_ENV", "A=1\nHOME=/home/guest");
        Process p = pb.start();
        p.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
        String nodeOut = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("node timed out");
        }
        CProgramsTest.Run ours = CProgramsTest.run(program, Wasi.builder().args(ARGS).env("A", "1")
                .env("HOME", "/home/guest").preopen("/sandbox", ourSandbox));
        assertEquals(nodeOut, ours.stdout());
        assertEquals(p.exitValue(), ours.exitCode());
        assertEquals(CProgramsTest.names(nodeSandbox), CProgramsTest.names(ourSandbox));
    }

    private static Path runner() {
        Path p = Path.of(System.getProperty("basedir", "."), "src/test/c/run-node.js");
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("missing " + p);
        }
        return p;
    }

    private static boolean nodeAvailable() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
