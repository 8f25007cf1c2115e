package dev.robusta.cli;

import static dev.robusta.cli.Robusta.NL;
import static dev.robusta.cli.Robusta.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.cli.Robusta.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code robusta run --tcplisten}: the echo server of {@code wasi/src/test/c/echo.c} served on loopback, on a
 * port the test finds free (with port 0 a client could not know where to connect).
 */
@Timeout(120)
class RunSocketTest {
    @TempDir
    Path dir;

    private static Path echoWasm() {
        Path p = Path.of(System.getProperty("basedir", "."), "../wasi/src/test/resources/wasm/echo.wasm");
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("missing " + p + " (wasi/src/test/c/build.sh builds it)");
        }
        return p;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Connects, retrying while robusta starts (it binds after compiling), for at most 30 s. */
    private static Socket connect(int port) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
                s.setSoTimeout(20_000);
                return s;
            } catch (ConnectException e) {
                s.close();
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private static byte[] echo(int port, byte[] payload) throws Exception {
        try (Socket s = connect(port)) {
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

    @Test
    void tcplisten_echoServer_servesTwoConnections() throws Exception {
        int port = freePort();
        FutureTask<Result> robusta = new FutureTask<>(() -> run("run", "--tcplisten", "127.0.0.1:" + port,
                "--trace-wasi", echoWasm().toString(), "2"));
        Thread thread = new Thread(robusta, "robusta run");
        thread.setDaemon(true);
        thread.start();
        byte[] payload = "line one\nline two\n".repeat(2000).getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(payload, echo(port, payload));
        assertArrayEquals(payload, echo(port, payload));
        Result r = robusta.get(60, TimeUnit.SECONDS);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("listener: stream socket, non-blocking\n"
                + "connection 1: first byte 'l' (peeked)\n"
                + "connection 1 (blocking): 36000 bytes echoed\n"
                + "connection 2 (non-blocking): 36000 bytes echoed\n"
                + "recv on stdin: ENOTSOCK\n", r.out());
        assertTrue(r.err().contains("wasi_snapshot_preview1.sock_accept(fd=3,flags=0,"), r.err());
        assertTrue(r.err().contains("wasi_snapshot_preview1.sock_accept(fd=3,flags=4,"), r.err());
        assertTrue(r.err().contains("sock_recv(fd=0,") && r.err().contains(" = ENOTSOCK (fd 0 is not a socket) "), r.err());
        assertTrue(r.err().matches("(?s).*\nsock_accept +2 +0 .*"), r.err());
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)); // released at exit
        }
    }

    @Test
    void tcplisten_aPortInUse_exits1() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result r = run("run", "--tcplisten", "127.0.0.1:" + taken.getLocalPort(), echoWasm().toString());
            assertEquals(1, r.exitCode());
            assertEquals("robusta: --tcplisten: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": Address already in use" + NL, r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void tcplisten_malformed_isAUsageError() {
        Result r = run("run", "--tcplisten", "8080", echoWasm().toString());
        assertEquals(1, r.exitCode());
        assertEquals("robusta: --tcplisten expects HOST:PORT or [IPV6]:PORT, not '8080' (see 'robusta help run')" + NL,
                r.err());
    }

    @Test
    void parseListen_forms() {
        assertEquals(new InetSocketAddress("127.0.0.1", 8080), RunCommand.parseListen("127.0.0.1:8080"));
        assertEquals(new InetSocketAddress("::1", 0), RunCommand.parseListen("[::1]:0"));
        assertEquals(65535, RunCommand.parseListen("localhost:65535").getPort());
        for (String bad : new String[] {"8080", ":8080", "127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:x", "::1:80",
                "127.0.0.1:-1", "[::1]80"}) {
            assertThrows(IllegalArgumentException.class, () -> RunCommand.parseListen(bad), bad);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunCommand.parseListen("no-such-host.invalid:80"));
        assertEquals("--tcplisten no-such-host.invalid:80: unknown host 'no-such-host.invalid'", e.getMessage());
    }
}
