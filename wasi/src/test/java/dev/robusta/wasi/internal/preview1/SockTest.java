package dev.robusta.wasi.internal.preview1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.wasi.Wasi;
import dev.robusta.wasi.WasiVersion;
import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.abi.EventRwFlags;
import dev.robusta.wasi.internal.abi.EventType;
import dev.robusta.wasi.internal.abi.FdFlags;
import dev.robusta.wasi.internal.abi.FileType;
import dev.robusta.wasi.internal.abi.RiFlags;
import dev.robusta.wasi.internal.abi.RightSets;
import dev.robusta.wasi.internal.abi.Rights;
import dev.robusta.wasi.internal.abi.SdFlags;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sockets on loopback: a listener preopened at descriptor 3 (ephemeral port), clients from the test thread
 * or a helper thread. Every wait is bounded (socket timeouts, poll clocks, the class timeout).
 */
@Timeout(60)
class SockTest {
    private static final int LISTENER = 3;
    private static final long IOVS = 64;
    private static final long SIZE = 0;
    private static final long ROFLAGS = 8;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private WasiHarness listening() {
        return listening(Wasi.builder());
    }

    private WasiHarness listening(Wasi.Builder builder) {
        WasiHarness h = WasiHarness.of(builder.tcpListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
        toClose.add(h.wasi);
        return h;
    }

    private Socket connect(WasiHarness h) throws IOException {
        Socket s = new Socket();
        toClose.add(s);
        s.connect(h.wasi.listenAddresses().get(0), 5000);
        s.setSoTimeout(5000);
        return s;
    }

    /** Accepts with {@code flags}; must succeed; returns the new descriptor. */
    private static int accept(WasiHarness h, int flags) {
        assertEquals(Errno.SUCCESS, h.call("sock_accept", LISTENER, flags, SIZE));
        return h.i32(SIZE);
    }

    /** A listener and one connection to it, accepted as a blocking descriptor. */
    private record Pair(WasiHarness h, Socket client, int fd) {
    }

    private Pair connected() throws IOException {
        WasiHarness h = listening();
        Socket client = connect(h);
        return new Pair(h, client, accept(h, 0));
    }

    private static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
    }

    private static String receive(Socket s, int n) throws IOException {
        return new String(s.getInputStream().readNBytes(n), StandardCharsets.UTF_8);
    }

    /** {@code sock_recv} into one buffer of {@code len} at 1024; returns the text, the size at {@link #SIZE}. */
    private static String recv(WasiHarness h, int fd, int len, int flags) {
        h.iovec(IOVS, 1024, len);
        Errno e = h.call("sock_recv", fd, IOVS, 1, flags, SIZE, ROFLAGS);
        if (e != Errno.SUCCESS) {
            throw new AssertionError("sock_recv: " + e);
        }
        assertEquals(0, h.u16(ROFLAGS));
        return h.string(1024, h.i32(SIZE));
    }

    private static Errno sockSend(WasiHarness h, int fd, String text) {
        int len = h.put(1024, text);
        h.iovec(IOVS, 1024, len);
        return h.call("sock_send", fd, IOVS, 1, 0, SIZE);
    }

    // ---- the listener

    @Test
    void listener_isAStreamSocketAtDescriptor3_nonBlockingAsInWasmtime() {
        WasiHarness h = listening();
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_get", LISTENER, 0));
        assertEquals(FileType.SOCKET_STREAM, h.u8(0));
        assertEquals(FdFlags.NONBLOCK, h.u16(2));
        assertEquals(RightSets.SOCKET_LISTENER, h.i64(8));
        assertEquals(RightSets.SOCKET_CONNECTION, h.i64(16));
        assertEquals(Errno.SUCCESS, h.call("fd_filestat_get", LISTENER, 0));
        assertEquals(FileType.SOCKET_STREAM, h.u8(16));
        assertEquals(Errno.EBADF, h.call("fd_prestat_get", LISTENER, 0)); // not a preopened directory
    }

    @Test
    void sockAccept_nonBlockingWithNoConnection_isEAGAIN_andWritesNothing() {
        WasiHarness h = listening();
        h.memory.writeInt(SIZE, 0x55AA55AA);
        assertEquals(Errno.EAGAIN, h.call("sock_accept", LISTENER, 0, SIZE));
        assertEquals(0x55AA55AA, h.i32(SIZE));
    }

    @Test
    void sockAccept_givesTheLowestFreeDescriptor_withTheConnectionsRightsAndTheFlagsAsked() throws IOException {
        WasiHarness h = listening();
        connect(h);
        connect(h);
        assertEquals(4, accept(h, 0));
        assertEquals(5, accept(h, FdFlags.NONBLOCK));
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_get", 4, 0));
        assertEquals(FileType.SOCKET_STREAM, h.u8(0));
        assertEquals(0, h.u16(2));
        assertEquals(RightSets.SOCKET_CONNECTION, h.i64(8));
        assertEquals(0L, h.i64(16));
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_get", 5, 0));
        assertEquals(FdFlags.NONBLOCK, h.u16(2));
        h.iovec(IOVS, 1024, 10);
        assertEquals(Errno.EAGAIN, h.call("sock_recv", 5, IOVS, 1, 0, SIZE, ROFLAGS)); // nothing sent yet
        assertEquals(Errno.EAGAIN, h.call("fd_read", 5, IOVS, 1, SIZE));
    }

    @Test
    void sockAccept_errors_leaveTheConnectionWaiting() throws IOException {
        WasiHarness h = listening();
        connect(h);
        assertEquals(Errno.EINVAL, h.call("sock_accept", LISTENER, FdFlags.APPEND, SIZE));
        assertEquals(Errno.EINVAL, h.call("sock_accept", LISTENER, FdFlags.NONBLOCK | 0x100, SIZE));
        assertEquals(Errno.EFAULT, h.call("sock_accept", LISTENER, 0, h.memory.byteSize() - 2));
        assertEquals(4, accept(h, 0));
        assertEquals(Errno.EINVAL, h.call("sock_accept", 4, 0, SIZE)); // a connection does not listen
        assertEquals(Errno.EBADF, h.call("sock_accept", 9, 0, SIZE));
    }

    @Test
    void sockAccept_blocking_waitsForAConnection() throws Exception {
        WasiHarness h = listening();
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_set_flags", LISTENER, 0));
        InetSocketAddress address = h.wasi.listenAddresses().get(0);
        Thread client = new Thread(() -> {
            try {
                Thread.sleep(200);
                try (Socket s = new Socket()) {
                    s.connect(address, 5000);
                    s.getOutputStream().write('x');
                    s.setSoTimeout(5000);
                    s.getInputStream().read();
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        client.start();
        long t0 = System.nanoTime();
        int fd = accept(h, 0);
        assertTrue(System.nanoTime() - t0 >= 150_000_000L, "accept waited");
        assertEquals("x", recv(h, fd, 10, 0));
        assertEquals(Errno.SUCCESS, h.call("fd_close", fd));
        client.join(10_000);
    }

    @Test
    void sockAccept_blocking_endsWithEINTR_whenTheThreadIsInterrupted() throws Exception {
        WasiHarness h = listening();
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_set_flags", LISTENER, 0));
        Errno[] result = new Errno[1];
        Thread guest = new Thread(() -> result[0] = h.call("sock_accept", LISTENER, 0, SIZE));
        guest.start();
        Thread.sleep(200);
        guest.interrupt();
        guest.join(10_000);
        assertEquals(Errno.EINTR, result[0]);
    }

    @Test
    void listener_cannotReadWriteOrShutDown() throws IOException {
        WasiHarness h = listening();
        h.iovec(IOVS, 1024, 10);
        assertEquals(Errno.ENOTCONN, h.call("sock_recv", LISTENER, IOVS, 1, 0, SIZE, ROFLAGS));
        assertEquals(Errno.ENOTCONN, h.call("fd_read", LISTENER, IOVS, 1, SIZE));
        assertEquals(Errno.ENOTCAPABLE, h.call("sock_send", LISTENER, IOVS, 1, 0, SIZE));
        assertEquals(Errno.ENOTCAPABLE, h.call("fd_write", LISTENER, IOVS, 1, SIZE));
        assertEquals(Errno.ENOTCONN, h.call("sock_shutdown", LISTENER, SdFlags.RD | SdFlags.WR));
        assertEquals(Errno.ESPIPE, h.call("fd_seek", LISTENER, 0L, 0, SIZE));
        assertEquals(Errno.EINVAL, h.call("fd_fdstat_set_flags", LISTENER, FdFlags.APPEND));
    }

    // ---- receiving and sending

    @Test
    void sockRecv_scattersIntoTheBuffers() throws IOException {
        Pair p = connected();
        send(p.client, "hello world");
        p.client.shutdownOutput(); // so that recv_waitall returns at the end, with everything
        h(p).iovec(IOVS, 1024, 5);
        h(p).iovec(IOVS + 8, 2048, 100);
        assertEquals(Errno.SUCCESS, h(p).call("sock_recv", p.fd, IOVS, 2, RiFlags.RECV_WAITALL, SIZE, ROFLAGS));
        assertEquals(11, h(p).i32(SIZE));
        assertEquals("hello", h(p).string(1024, 5));
        assertEquals(" world", h(p).string(2048, 6));
        assertEquals(0, h(p).u16(ROFLAGS));
    }

    @Test
    void sockRecv_peek_leavesTheData() throws IOException {
        Pair p = connected();
        send(p.client, "peekaboo");
        assertEquals("peek", recv(h(p), p.fd, 4, RiFlags.RECV_PEEK | RiFlags.RECV_WAITALL));
        assertEquals("peekaboo", recv(h(p), p.fd, 8, RiFlags.RECV_PEEK | RiFlags.RECV_WAITALL));
        assertEquals("peek", recv(h(p), p.fd, 4, 0));
        assertEquals("aboo", h(p).read(p.fd, 100)); // fd_read takes from the same buffer
    }

    @Test
    void sockRecv_waitAll_waitsUntilTheBuffersAreFull() throws Exception {
        Pair p = connected();
        send(p.client, "abc");
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(200);
                send(p.client, "defgh");
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        later.start();
        assertEquals("abcdefgh", recv(h(p), p.fd, 8, RiFlags.RECV_WAITALL));
        later.join(10_000);
    }

    @Test
    void sockRecv_waitAll_endsEarlyAtTheEndOfTheStream() throws IOException {
        Pair p = connected();
        send(p.client, "abc");
        p.client.shutdownOutput();
        assertEquals("abc", recv(h(p), p.fd, 8, RiFlags.RECV_WAITALL));
        assertEquals("", recv(h(p), p.fd, 8, 0));
        assertEquals("", recv(h(p), p.fd, 8, 0)); // the end stays
    }

    @Test
    void sockRecv_peekOnANonBlockingConnection_seesTheEndOfTheStream() throws IOException {
        WasiHarness h = listening();
        Socket client = connect(h);
        int fd = accept(h, FdFlags.NONBLOCK);
        h.iovec(IOVS, 1024, 10);
        assertEquals(Errno.EAGAIN, h.call("sock_recv", fd, IOVS, 1, RiFlags.RECV_PEEK, SIZE, ROFLAGS));
        send(client, "last");
        client.close();
        long deadline = System.nanoTime() + 10_000_000_000L;
        Errno e;
        while (true) { // the bytes, then the end (0 bytes), not EAGAIN
            e = h.call("sock_recv", fd, IOVS, 1, RiFlags.RECV_PEEK, SIZE, ROFLAGS);
            if (e == Errno.SUCCESS && h.i32(SIZE) == 4) {
                break;
            }
            assertTrue(System.nanoTime() < deadline, "no data after 10 s: " + e);
        }
        assertEquals("last", recv(h, fd, 10, 0));
        while (true) {
            e = h.call("sock_recv", fd, IOVS, 1, RiFlags.RECV_PEEK, SIZE, ROFLAGS);
            if (e == Errno.SUCCESS) {
                break;
            }
            assertEquals(Errno.EAGAIN, e);
            assertTrue(System.nanoTime() < deadline, "no end of stream after 10 s");
        }
        assertEquals(0, h.i32(SIZE));
        assertEquals(Errno.SUCCESS, h.call("sock_recv", fd, IOVS, 1, RiFlags.RECV_PEEK, SIZE, ROFLAGS));
        assertEquals(0, h.i32(SIZE));
    }

    @Test
    void sockRecv_errors() throws IOException {
        Pair p = connected();
        WasiHarness h = h(p);
        h.iovec(IOVS, 1024, 10);
        assertEquals(Errno.EINVAL, h.call("sock_recv", p.fd, IOVS, 1, 4, SIZE, ROFLAGS));
        assertEquals(Errno.EFAULT, h.call("sock_recv", p.fd, IOVS, 1, 0, h.memory.byteSize() - 2, ROFLAGS));
        assertEquals(Errno.EFAULT, h.call("sock_recv", p.fd, IOVS, 1, 0, SIZE, h.memory.byteSize() - 1));
        h.iovec(IOVS, (int) h.memory.byteSize() - 4, 10);
        assertEquals(Errno.EFAULT, h.call("sock_recv", p.fd, IOVS, 1, 0, SIZE, ROFLAGS));
        send(p.client, "kept");
        assertEquals("kept", recv(h, p.fd, 4, RiFlags.RECV_WAITALL)); // the failed calls consumed nothing
    }

    @Test
    void sockSend_gathersTheBuffers() throws IOException {
        Pair p = connected();
        WasiHarness h = h(p);
        h.put(1024, "Hello, ");
        h.put(2048, "sockets!");
        h.iovec(IOVS, 1024, 7);
        h.iovec(IOVS + 8, 2048, 8);
        assertEquals(Errno.SUCCESS, h.call("sock_send", p.fd, IOVS, 2, 0, SIZE));
        assertEquals(15, h.i32(SIZE));
        assertEquals("Hello, sockets!", receive(p.client, 15));
        assertEquals(Errno.SUCCESS, h.write(p.fd, "fd_write too"));
        assertEquals("fd_write too", receive(p.client, 12));
    }

    @Test
    void sockSend_errors() throws IOException {
        Pair p = connected();
        WasiHarness h = h(p);
        h.iovec(IOVS, 1024, 3);
        assertEquals(Errno.EINVAL, h.call("sock_send", p.fd, IOVS, 1, 1, SIZE));
        assertEquals(Errno.EFAULT, h.call("sock_send", p.fd, IOVS, 1, 0, h.memory.byteSize()));
        h.iovec(IOVS, 1024, 0);
        assertEquals(Errno.SUCCESS, h.call("sock_send", p.fd, IOVS, 1, 0, SIZE));
        assertEquals(0, h.i32(SIZE));
    }

    @Test
    void sockSend_nonBlocking_writesWhatFitsThenEAGAIN() throws IOException {
        WasiHarness h = listening();
        Socket client = connect(h);
        int fd = accept(h, FdFlags.NONBLOCK);
        // the client reads nothing: the buffers fill up (a few MB at most on loopback)
        h.iovec(IOVS, 4096, 60_000);
        long total = 0;
        Errno e = Errno.SUCCESS;
        for (int i = 0; i < 10_000 && e == Errno.SUCCESS; i++) {
            e = h.call("sock_send", fd, IOVS, 1, 0, SIZE);
            if (e == Errno.SUCCESS) {
                total += h.i32(SIZE);
            }
        }
        assertEquals(Errno.EAGAIN, e, "after " + total + " bytes");
        assertTrue(total > 0);
        byte[] drained = client.getInputStream().readNBytes((int) total);
        assertEquals(total, drained.length);
    }

    @Test
    void sockSend_afterThePeerHasGone_isEPIPEOrECONNRESET() throws Exception {
        Pair p = connected();
        p.client.setSoLinger(true, 0); // a reset: the host socket fails at the next send
        p.client.close();
        Errno e = Errno.SUCCESS;
        for (int i = 0; i < 50 && e == Errno.SUCCESS; i++) {
            e = sockSend(h(p), p.fd, "anyone?");
            Thread.sleep(20);
        }
        assertTrue(e == Errno.EPIPE || e == Errno.ECONNRESET, e.toString());
    }

    // ---- shutdown and close

    @Test
    void sockShutdown_write_thePeerSeesTheEnd_andSendIsEPIPE() throws IOException {
        Pair p = connected();
        assertEquals(Errno.SUCCESS, sockSend(h(p), p.fd, "bye"));
        assertEquals(Errno.SUCCESS, h(p).call("sock_shutdown", p.fd, SdFlags.WR));
        assertEquals("bye", receive(p.client, 3));
        assertEquals(-1, p.client.getInputStream().read());
        assertEquals(Errno.EPIPE, sockSend(h(p), p.fd, "more"));
        send(p.client, "still readable");
        assertEquals("still readable", recv(h(p), p.fd, 14, RiFlags.RECV_WAITALL));
    }

    @Test
    void sockShutdown_read_readsGiveTheEnd() throws IOException {
        Pair p = connected();
        assertEquals(Errno.SUCCESS, h(p).call("sock_shutdown", p.fd, SdFlags.RD));
        assertEquals("", recv(h(p), p.fd, 10, 0));
        assertEquals(Errno.SUCCESS, sockSend(h(p), p.fd, "can still send"));
        assertEquals("can still send", receive(p.client, 14));
    }

    @Test
    void sockShutdown_errors() throws IOException {
        Pair p = connected();
        assertEquals(Errno.EINVAL, h(p).call("sock_shutdown", p.fd, 0));
        assertEquals(Errno.EINVAL, h(p).call("sock_shutdown", p.fd, 4));
        assertEquals(Errno.SUCCESS, h(p).call("sock_shutdown", p.fd, SdFlags.RD | SdFlags.WR));
        assertEquals(-1, p.client.getInputStream().read());
    }

    @Test
    void fdClose_ofAConnection_endsIt_andOfTheListener_freesThePort() throws IOException {
        Pair p = connected();
        InetSocketAddress address = h(p).wasi.listenAddresses().get(0);
        assertEquals(Errno.SUCCESS, h(p).call("fd_close", p.fd));
        assertEquals(-1, p.client.getInputStream().read());
        assertEquals(Errno.SUCCESS, h(p).call("fd_close", LISTENER));
        try (ServerSocket again = new ServerSocket()) {
            again.bind(address); // the listener's port is free again
        }
        assertEquals(Errno.EBADF, h(p).call("sock_accept", LISTENER, 0, SIZE));
    }

    @Test
    void sockFunctions_onDescriptorsThatAreNotSockets_areENOTSOCK(@TempDir Path dir) {
        WasiHarness h = WasiHarness.of(Wasi.builder().preopen("/d", dir));
        toClose.add(h.wasi);
        h.memory.writeLong(0, 0x1122334455667788L);
        for (int fd : new int[] {0, 1, 2, 3}) {
            assertEquals(Errno.ENOTSOCK, h.call("sock_accept", fd, 0, 0));
            assertEquals(Errno.ENOTSOCK, h.call("sock_recv", fd, 64, 1, 0, 0, 4));
            assertEquals(Errno.ENOTSOCK, h.call("sock_send", fd, 64, 1, 0, 0));
            assertEquals(Errno.ENOTSOCK, h.call("sock_shutdown", fd, 3));
        }
        assertEquals(0x1122334455667788L, h.i64(0)); // nothing written
    }

    @Test
    void sockFunctions_onClosedDescriptors_areEBADF() {
        WasiHarness h = WasiHarness.of();
        assertEquals(Errno.EBADF, h.call("sock_accept", 5, 0, 0));
        assertEquals(Errno.EBADF, h.call("sock_recv", 5, 64, 1, 0, 0, 4));
        assertEquals(Errno.EBADF, h.call("sock_send", 5, 64, 1, 0, 0));
        assertEquals(Errno.EBADF, h.call("sock_shutdown", 5, 3));
    }

    @Test
    void rights_areChecked_afterTheKindOfDescriptor() throws IOException {
        Pair p = connected();
        WasiHarness h = h(p);
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_set_rights", p.fd, RightSets.SOCKET_CONNECTION
                & ~(Rights.SOCK_SHUTDOWN | Rights.FD_WRITE), 0L));
        assertEquals(Errno.ENOTCAPABLE, h.call("sock_shutdown", p.fd, SdFlags.WR));
        assertEquals(Errno.ENOTCAPABLE, sockSend(h, p.fd, "x"));
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_set_rights", LISTENER, RightSets.SOCKET_LISTENER
                & ~Rights.SOCK_ACCEPT, RightSets.SOCKET_CONNECTION));
        assertEquals(Errno.ENOTCAPABLE, h.call("sock_accept", LISTENER, 0, SIZE));
    }

    @Test
    void sockAccept_connectionsGetTheListenersInheritingRights() throws IOException {
        WasiHarness h = listening();
        long readOnly = RightSets.SOCKET_CONNECTION & ~Rights.FD_WRITE;
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_set_rights", LISTENER, RightSets.SOCKET_LISTENER, readOnly));
        connect(h);
        int fd = accept(h, 0);
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_get", fd, 0));
        assertEquals(readOnly, h.i64(8));
        assertEquals(Errno.ENOTCAPABLE, sockSend(h, fd, "no"));
        assertEquals(Errno.ENOTCAPABLE, h.write(fd, "no"));
    }

    // ---- poll_oneoff

    /** Writes a subscription at {@code at}: fd_read/fd_write on {@code fd}, or a relative monotonic clock. */
    private static void subscribeFd(WasiHarness h, long at, long userdata, int type, int fd) {
        h.memory.fill(at, (byte) 0, 48);
        h.memory.writeLong(at, userdata);
        h.memory.writeByte(at + 8, (byte) type);
        h.memory.writeInt(at + 16, fd);
    }

    private static void subscribeClock(WasiHarness h, long at, long userdata, long nanos) {
        h.memory.fill(at, (byte) 0, 48);
        h.memory.writeLong(at, userdata);
        h.memory.writeByte(at + 8, (byte) EventType.CLOCK);
        h.memory.writeInt(at + 16, 1); // monotonic
        h.memory.writeLong(at + 24, nanos);
    }

    private static final long SUBS = 4096;
    private static final long EVENTS = 8192;

    /** poll_oneoff over {@code n} subscriptions at {@link #SUBS}; returns the number of events. */
    private static int poll(WasiHarness h, int n) {
        assertEquals(Errno.SUCCESS, h.call("poll_oneoff", SUBS, EVENTS, n, SIZE));
        return h.i32(SIZE);
    }

    private static long eventUserdata(WasiHarness h, int i) {
        return h.i64(EVENTS + 32L * i);
    }

    @Test
    void pollOneoff_listenerBecomesReadable_whenAClientConnects_withoutBusyWaiting() throws Exception {
        WasiHarness h = listening();
        subscribeFd(h, SUBS, 11, EventType.FD_READ, LISTENER);
        subscribeClock(h, SUBS + 48, 22, 10_000_000_000L);
        InetSocketAddress address = h.wasi.listenAddresses().get(0);
        Socket[] client = new Socket[1];
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(300);
                client[0] = new Socket();
                client[0].connect(address, 5000);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        later.start();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        assertEquals(1, poll(h, 2));
        long waited = System.nanoTime() - t0;
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        later.join(10_000);
        toClose.add(client[0]);
        assertEquals(11, eventUserdata(h, 0));
        assertEquals(0, h.u16(EVENTS + 8));
        assertEquals(EventType.FD_READ, h.u8(EVENTS + 10));
        assertTrue(waited >= 250_000_000L && waited < 9_000_000_000L, waited + " ns");
        assertTrue(cpu < 100_000_000L, "the wait used " + cpu + " ns of CPU in " + waited + " ns");
        assertEquals(4, accept(h, 0));
    }

    @Test
    void pollOneoff_connection_readableWithNbytes_writable_andHangUpAtTheEnd() throws Exception {
        Pair p = connected();
        WasiHarness h = h(p);
        subscribeFd(h, SUBS, 1, EventType.FD_READ, p.fd);
        subscribeFd(h, SUBS + 48, 2, EventType.FD_WRITE, p.fd);
        assertEquals(1, poll(h, 2)); // writable, not readable
        assertEquals(2, eventUserdata(h, 0));
        assertEquals(EventType.FD_WRITE, h.u8(EVENTS + 10));

        send(p.client, "12345");
        subscribeClock(h, SUBS + 48, 3, 5_000_000_000L);
        assertEquals(1, poll(h, 2));
        assertEquals(1, eventUserdata(h, 0));
        assertEquals(5, h.i64(EVENTS + 16)); // nbytes
        assertEquals(0, h.u16(EVENTS + 24)); // no hang-up
        assertEquals("12345", recv(h, p.fd, 10, 0));

        p.client.close();
        assertEquals(1, poll(h, 2));
        assertEquals(1, eventUserdata(h, 0));
        assertEquals(0, h.i64(EVENTS + 16));
        assertEquals(EventRwFlags.FD_READWRITE_HANGUP, h.u16(EVENTS + 24));
        assertEquals("", recv(h, p.fd, 10, 0));
    }

    @Test
    void pollOneoff_onlyTheClock_whenNoSocketIsReady() throws IOException {
        Pair p = connected();
        WasiHarness h = h(p);
        subscribeFd(h, SUBS, 1, EventType.FD_READ, p.fd);
        subscribeFd(h, SUBS + 48, 2, EventType.FD_READ, LISTENER);
        subscribeFd(h, SUBS + 96, 3, EventType.FD_WRITE, LISTENER); // a listener is never writable
        subscribeClock(h, SUBS + 144, 4, 100_000_000L);
        long t0 = System.nanoTime();
        assertEquals(1, poll(h, 4));
        assertTrue(System.nanoTime() - t0 >= 100_000_000L);
        assertEquals(4, eventUserdata(h, 0));
    }

    @Test
    void pollOneoff_socketsAndStdin_wakeForStdin() throws Exception {
        PipedOutputStream feed = new PipedOutputStream();
        InputStream stdin = new PipedInputStream(feed);
        WasiHarness h = listening(Wasi.builder().stdin(stdin));
        subscribeFd(h, SUBS, 1, EventType.FD_READ, LISTENER);
        subscribeFd(h, SUBS + 48, 2, EventType.FD_READ, 0);
        subscribeClock(h, SUBS + 96, 3, 10_000_000_000L);
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(200);
                feed.write("typed\n".getBytes(StandardCharsets.UTF_8));
                feed.flush();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        later.start();
        long t0 = System.nanoTime();
        assertEquals(1, poll(h, 3));
        assertTrue(System.nanoTime() - t0 < 9_000_000_000L);
        assertEquals(2, eventUserdata(h, 0));
        assertEquals("typed\n", h.read(0, 100));
        later.join(10_000);
        feed.close();
    }

    // ---- the builder

    @Test
    void builder_preopenSocket_takesABoundChannel_inTheOrderGiven(@TempDir Path dir) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        WasiHarness h = WasiHarness.of(Wasi.builder().preopen("/d", dir).preopenSocket(channel));
        toClose.add(h.wasi);
        assertEquals(Errno.SUCCESS, h.call("fd_prestat_get", 3, 0)); // the directory first
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_get", 4, 0));
        assertEquals(FileType.SOCKET_STREAM, h.u8(0));
        assertEquals(List.of(channel.getLocalAddress()), h.wasi.listenAddresses());
        h.wasi.close();
        assertFalse(channel.isOpen(), "the Wasi closes the channel it took over");
    }

    @Test
    void builder_socketErrors() throws IOException {
        try (ServerSocketChannel unbound = ServerSocketChannel.open()) {
            assertThrows(IllegalArgumentException.class, () -> Wasi.builder().preopenSocket(unbound));
        }
        ServerSocketChannel closed = ServerSocketChannel.open();
        closed.bind(null);
        closed.close();
        assertThrows(IllegalArgumentException.class, () -> Wasi.builder().preopenSocket(closed));
        assertThrows(NullPointerException.class, () -> Wasi.builder().tcpListen(null));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), taken.getLocalPort());
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> Wasi.builder().tcpListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                            .tcpListen(address).build());
            assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": "),
                    e.getMessage());
        }
    }

    @Test
    void unstable_listenerHasNoSockAcceptRight() {
        WasiHarness h = listening(Wasi.builder().version(WasiVersion.UNSTABLE));
        assertEquals(Errno.SUCCESS, h.call("fd_fdstat_get", LISTENER, 0));
        assertEquals(RightSets.SOCKET_LISTENER & ~Rights.SOCK_ACCEPT, h.i64(8));
        assertNull(h.function("sock_accept"));
    }

    private static WasiHarness h(Pair p) {
        return p.h;
    }
}
