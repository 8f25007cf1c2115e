package dev.robusta.wasi.internal;

import dev.robusta.runtime.Instance;
import dev.robusta.runtime.Memory;
import dev.robusta.wasi.internal.fd.FdTable;
import dev.robusta.wasi.internal.fd.SocketSelector;

import java.security.SecureRandom;
import java.util.List;

/**
 * The state of one WASI instance: arguments, environment, open descriptors and the selector its sockets
 * wait on, the random source, the call trace, and the ABI version its functions speak. Guests are
 * single-threaded; the context is not made for concurrent calls.
 */
public final class WasiContext {
    private final Abi abi;
    private final List<byte[]> args;
    private final List<byte[]> environ;
    private final FdTable fds;
    /** Created at the first {@code random_get}: setting up the JDK's security providers takes tens of ms. */
    private SecureRandom random;
    private final SocketSelector sockets;
    private final CallTrace trace;

    private Instance boundInstance;
    private Memory lastMemory;
    private GuestMemory lastGuestMemory = new GuestMemory(null);

    /**
     * @param args    the arguments, UTF-8 without terminators
     * @param environ the environment, {@code NAME=value} in UTF-8 without terminators
     * @param sockets the selector the instance's sockets wait on
     * @param trace   where calls are logged, or null
     */
    public WasiContext(Abi abi, List<byte[]> args, List<byte[]> environ, FdTable fds, SocketSelector sockets,
            CallTrace trace) {
        this.abi = abi;
        this.args = List.copyOf(args);
        this.environ = List.copyOf(environ);
        this.fds = fds;
        this.sockets = sockets;
        this.trace = trace;
    }

    public Abi abi() {
        return abi;
    }

    public List<byte[]> args() {
        return args;
    }

    public List<byte[]> environ() {
        return environ;
    }

    public FdTable fds() {
        return fds;
    }

    /** The random source, created at first use. */
    public SecureRandom random() {
        if (random == null) {
            random = new SecureRandom();
        }
        return random;
    }

    /** The selector the instance's sockets wait on. */
    public SocketSelector sockets() {
        return sockets;
    }

    /** Where calls are logged, or null. */
    public CallTrace trace() {
        return trace;
    }

    /** The instance started or initialized, whose memory serves calls that come from the host. */
    public void bind(Instance instance) {
        this.boundInstance = instance;
    }

    /** The memory a call works on: the calling instance's {@code memory} export, else the bound instance's. */
    public GuestMemory memoryOf(Instance caller) {
        Instance owner = caller != null ? caller : boundInstance;
        Memory memory = null;
        if (owner != null) {
            Object export = owner.exports().get("memory");
            if (export instanceof Memory) {
                memory = (Memory) export;
            }
        }
        if (memory != lastMemory) {
            lastMemory = memory;
            lastGuestMemory = new GuestMemory(memory);
        }
        return lastGuestMemory;
    }
}
