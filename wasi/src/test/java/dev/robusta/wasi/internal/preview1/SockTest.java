package dev.robusta.wasi.internal.preview1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.robusta.wasi.internal.Errno;
import org.junit.jupiter.api.Test;

/** Without socket preopens no descriptor is a socket. */
class SockTest {
    @Test
    void sockFunctions_onOpenDescriptors_areENOTSOCK() {
        WasiHarness h = WasiHarness.of();
        h.memory.writeLong(0, 0x1122334455667788L);
        assertEquals(Errno.ENOTSOCK, h.call("sock_accept", 1, 0, 0));
        assertEquals(Errno.ENOTSOCK, h.call("sock_recv", 0, 64, 1, 0, 0, 4));
        assertEquals(Errno.ENOTSOCK, h.call("sock_send", 1, 64, 1, 0, 0));
        assertEquals(Errno.ENOTSOCK, h.call("sock_shutdown", 2, 3));
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
}
