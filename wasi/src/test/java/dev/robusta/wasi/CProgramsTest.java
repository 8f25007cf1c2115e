package dev.robusta.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.runtime.Instance;
import dev.robusta.runtime.Module;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * C programs compiled to wasm32-wasi with clang and wasi-libc ({@code src/test/c}, rebuilt by
 * {@code src/test/c/build.sh} into {@code src/test/resources/wasm}), run with the runtime and {@link Wasi}.
 */
class CProgramsTest {
    record Run(int exitCode, String stdout, String stderr) {
    }

    static byte[] wasm(String name) {
        try (InputStream in = CProgramsTest.class.getResourceAsStream("/wasm/" + name + ".wasm")) {
            if (in == null) {
                throw new IllegalStateException("missing /wasm/" + name + ".wasm: run src/test/c/build.sh");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Run run(String name, Wasi.Builder builder) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Wasi wasi = builder.stdout(out).stderr(err).build();
        Instance instance = Module.compile(wasm(name)).instantiate(wasi.importObject());
        int code = wasi.start(instance);
        wasi.close();
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void hello_writesToStdoutAndStderr() {
        Run r = run("hello", Wasi.builder().args("hello"));
        assertEquals(new Run(0, "Hello, world!\n", "to stderr\n"), r);
    }

    @Test
    void argsEnv_seesExactlyWhatIsGiven() {
        Run r = run("args_env", Wasi.builder().args("args_env", "a", "b c", "ünï").env("A", "1").env("HOME", "/home/guest"));
        assertEquals(44, r.exitCode());
        assertEquals("argc=4\nargv[0]=args_env\nargv[1]=a\nargv[2]=b c\nargv[3]=ünï\n"
                + "env A=1\nenv HOME=/home/guest\nHOME=/home/guest\n", r.stdout());
    }

    @Test
    void argsEnv_withNothing() {
        Run r = run("args_env", Wasi.builder());
        assertEquals(40, r.exitCode());
        assertEquals("argc=0\nHOME=(unset)\n", r.stdout());
    }

    @Test
    void files_everyOperationBeneathThePreopen(@TempDir Path tmp) throws Exception {
        Path sandbox = Files.createDirectory(tmp.resolve("sandbox"));
        Files.writeString(tmp.resolve("outside.txt"), "outside");
        Run r = run("files", Wasi.builder().preopen("/sandbox", sandbox));
        assertEquals(0, r.exitCode(), r.stdout());
        assertTrue(r.stdout().endsWith("done\n"), r.stdout());
        assertTrue(r.stdout().contains("escape errno ENOTCAPABLE\n"), r.stdout());
        assertEquals("line ONE\nappended\n", Files.readString(sandbox.resolve("work/b.txt")));
        assertTrue(Files.exists(sandbox.resolve("work/relative.txt")));
        assertEquals(List.of("b.txt", "relative.txt"), names(sandbox.resolve("work")));
        assertEquals(List.of("outside.txt", "sandbox"), names(tmp));
        assertEquals("outside", Files.readString(tmp.resolve("outside.txt")));
    }

    @Test
    void clocks_allWork() {
        Run r = run("clocks", Wasi.builder());
        assertEquals(0, r.exitCode());
        assertEquals("realtime after 2020: ok\nmonotonic resolution <= 1ms: ok\nnanosleep 30ms: ok\n"
                + "process cpu advances: ok\nthread cpu positive: ok\ntime(): ok\n", r.stdout());
    }

    @Test
    void poll_timesOutThenWaitsForStdin() throws Exception {
        PipedOutputStream feed = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(feed);
        Thread feeder = new Thread(() -> {
            try {
                Thread.sleep(300);
                feed.write("hello\n".getBytes(StandardCharsets.UTF_8));
                feed.close();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        feeder.start();
        Run r = run("poll", Wasi.builder().stdin(stdin));
        feeder.join();
        assertEquals(0, r.exitCode());
        assertEquals("timeout: 0 after >= 50ms: yes\nstdin ready: 1 POLLIN\nread: HELLO\nstdout writable: 1\n", r.stdout());
    }

    @Test
    void poll_stdinAlreadyThere() {
        Run r = run("poll", Wasi.builder().stdin(new ByteArrayInputStream("abc\n".getBytes(StandardCharsets.UTF_8))));
        assertEquals("timeout: 0 after >= 50ms: yes\nstdin ready: 1 POLLIN\nread: ABC\nstdout writable: 1\n", r.stdout());
    }

    @Test
    void readdir_manyEntriesAcrossRefills(@TempDir Path sandbox) {
        Run r = run("readdir", Wasi.builder().preopen("/sandbox", sandbox));
        assertEquals(0, r.exitCode(), r.stdout());
        assertEquals("files=300\nseekdir resumes: yes\nafter rewind: 300\n", r.stdout());
        assertEquals("dots=2\n", r.stderr());
    }

    @Test
    void files_inAReadOnlyPreopen_cannotWrite(@TempDir Path sandbox) throws Exception {
        Run r = run("files", Wasi.builder().preopen("/sandbox", sandbox, true));
        assertEquals(1, r.exitCode());
        assertEquals("FAILED mkdir: Capabilities insufficient\n", r.stdout());
        assertFalse(Files.exists(sandbox.resolve("work")));
    }

    @Test
    @Timeout(60)
    void echo_servesConnectionsOnAPreopenedSocket() throws Exception {
        ServerSocketChannel listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        FutureTask<Run> server = new FutureTask<>(() -> run("echo", Wasi.builder().args("echo", "2")
                .preopenSocket(listener)));
        Thread thread = new Thread(server, "echo server");
        thread.setDaemon(true);
        thread.start();
        InetSocketAddress address = (InetSocketAddress) listener.getLocalAddress();
        byte[] payload = new byte[100_000];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) ("hello, echo\n".charAt(i % 12));
        }
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(payload, echo(address, payload));
        }
        Run r = server.get(30, TimeUnit.SECONDS);
        assertEquals(new Run(0, "listener: stream socket, non-blocking\n"
                + "connection 1: first byte 'h' (peeked)\n"
                + "connection 1 (blocking): 100000 bytes echoed\n"
                + "connection 2 (non-blocking): 100000 bytes echoed\n"
                + "recv on stdin: ENOTSOCK\n", ""), r);
        assertFalse(listener.isOpen());
    }

    /** Sends {@code payload} (from another thread, so that neither side's buffers fill) and reads the echo. */
    static byte[] echo(InetSocketAddress address, byte[] payload) throws Exception {
        try (Socket s = new Socket()) {
            s.connect(address, 5000);
            s.setSoTimeout(20_000);
            Thread writer = new Thread(() -> {
                try {
                    s.getOutputStream().write(payload);
                    s.shutdownOutput();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.start();
            byte[] back = s.getInputStream().readAllBytes();
            writer.join(20_000);
            return back;
        }
    }

    static List<String> names(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
