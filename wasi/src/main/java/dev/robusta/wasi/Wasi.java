package dev.robusta.wasi;

import dev.robusta.runtime.Function;
import dev.robusta.runtime.Imports;
import dev.robusta.runtime.Instance;
import dev.robusta.runtime.Memory;
import dev.robusta.wasi.internal.Abi;
import dev.robusta.wasi.internal.CallTrace;
import dev.robusta.wasi.internal.HostAdapter;
import dev.robusta.wasi.internal.WasiContext;
import dev.robusta.wasi.internal.abi.FdFlags;
import dev.robusta.wasi.internal.abi.RightSets;
import dev.robusta.wasi.internal.abi.Rights;
import dev.robusta.wasi.internal.fd.DirectoryDescriptor;
import dev.robusta.wasi.internal.fd.FdTable;
import dev.robusta.wasi.internal.fd.ListenerDescriptor;
import dev.robusta.wasi.internal.fd.OutputDescriptor;
import dev.robusta.wasi.internal.fd.SocketSelector;
import dev.robusta.wasi.internal.fd.StdinDescriptor;
import dev.robusta.wasi.internal.preview1.Functions;
import dev.robusta.wasm.ExitException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A WASI instance, in the shape of Node's {@code node:wasi}: configure it with {@link #builder()}, give
 * {@link #importObject()} to the module's instantiation, then run the program with {@link #start} (a
 * command, {@code _start}) or prepare it with {@link #initialize} (a reactor, {@code _initialize}).
 *
 * <pre>{@code
 * Wasi wasi = Wasi.builder().args("prog", "-v").env("K", "v").preopen("/data", Path.of("data"))
 *     .inheritStdio().build();
 * Instance app = module.instantiate(wasi.importObject());
 * int exitCode = wasi.start(app);
 * }</pre>
 *
 * <p>The guest sees only what is given: the arguments, the environment, the standard streams (none by
 * default: empty input, discarded output), the preopened directories, beneath which it cannot reach, and
 * the preopened listening sockets, from which it can accept connections (preview1 cannot open others).
 * A {@code Wasi} serves one instance; its descriptors belong to that instance. Guests are single-threaded,
 * and a {@code Wasi} is not made for calls from several threads at once.
 */
public final class Wasi implements AutoCloseable {
    private final WasiVersion version;
    private final boolean returnOnExit;
    private final WasiContext ctx;
    private final SocketSelector sockets;
    private final List<InetSocketAddress> listenAddresses;
    private boolean started;

    private Wasi(Builder b) {
        this.version = b.version;
        this.returnOnExit = b.returnOnExit;
        FdTable fds = new FdTable();
        SocketSelector sockets = new SocketSelector();
        fds.insert(new StdinDescriptor(b.stdin));
        fds.insert(new OutputDescriptor(b.stdout));
        fds.insert(new OutputDescriptor(b.stderr));
        List<ServerSocketChannel> listeners = listen(b.preopens);
        List<InetSocketAddress> addresses = new ArrayList<>();
        try {
            int next = 0;
            for (Object p : b.preopens) {
                if (p instanceof DirPreopen) {
                    fds.insert(directory((DirPreopen) p));
                } else {
                    ServerSocketChannel channel = listeners.get(next++);
                    long base = RightSets.SOCKET_LISTENER;
                    if (version != WasiVersion.PREVIEW1) {
                        base &= ~Rights.SOCK_ACCEPT; // wasi_unstable has no such right (nor function)
                    }
                    addresses.add((InetSocketAddress) channel.getLocalAddress());
                    fds.insert(new ListenerDescriptor(channel, sockets, base, RightSets.SOCKET_CONNECTION,
                            FdFlags.NONBLOCK));
                }
            }
        } catch (IOException e) {
            fds.closeAll();
            closeQuietly(listeners);
            throw new UncheckedIOException("cannot preopen a socket: " + e.getMessage(), e);
        }
        this.listenAddresses = List.copyOf(addresses);
        this.sockets = sockets;
        List<byte[]> args = new ArrayList<>();
        for (String a : b.args) {
            args.add(a.getBytes(StandardCharsets.UTF_8));
        }
        List<byte[]> environ = new ArrayList<>();
        for (Map.Entry<String, String> e : b.env.entrySet()) { // a loop, not forEach: no lambda class at start-up
            environ.add((e.getKey() + "=" + e.getValue()).getBytes(StandardCharsets.UTF_8));
        }
        Abi abi = version == WasiVersion.PREVIEW1 ? Abi.PREVIEW1 : Abi.UNSTABLE;
        CallTrace trace = b.trace == null ? null : new CallTrace(b.trace, abi.moduleName());
        this.ctx = new WasiContext(abi, args, environ, fds, sockets, trace);
    }

    private static DirectoryDescriptor directory(DirPreopen p) {
        long base = RightSets.DIRECTORY_BASE;
        long inheriting = RightSets.DIRECTORY_INHERITING;
        if (p.readOnly) {
            base &= ~RightSets.MUTATING;
            inheriting &= ~RightSets.MUTATING;
        }
        return new DirectoryDescriptor(p.host, p.host, p.guest, base, inheriting, 0);
    }

    /** The listening channel of every socket preopen, in order: given ones, or bound now for addresses. */
    private static List<ServerSocketChannel> listen(List<Object> preopens) {
        List<ServerSocketChannel> channels = new ArrayList<>();
        for (Object p : preopens) {
            if (p instanceof ServerSocketChannel) {
                channels.add((ServerSocketChannel) p);
            } else if (p instanceof InetSocketAddress) {
                InetSocketAddress address = (InetSocketAddress) p;
                ServerSocketChannel channel = null;
                try {
                    channel = ServerSocketChannel.open();
                    channel.bind(address);
                    channels.add(channel);
                } catch (IOException e) {
                    closeQuietly(channel == null ? channels : concat(channels, channel));
                    throw new UncheckedIOException("cannot listen on " + format(address) + ": " + e.getMessage(), e);
                }
            }
        }
        return channels;
    }

    private static List<ServerSocketChannel> concat(List<ServerSocketChannel> list, ServerSocketChannel one) {
        List<ServerSocketChannel> all = new ArrayList<>(list);
        all.add(one);
        return all;
    }

    private static void closeQuietly(List<ServerSocketChannel> channels) {
        for (ServerSocketChannel c : channels) {
            try {
                c.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }

    /** {@code ip:port}, {@code [v6]:port} ({@code host:port} when unresolved). */
    private static String format(InetSocketAddress a) {
        String host = a.isUnresolved() ? a.getHostString() : a.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /** A builder with nothing given: no arguments, no environment, no stdio, no preopens, preview1. */
    public static Builder builder() {
        return new Builder();
    }

    /** The ABI version whose functions {@link #importObject()} provides. */
    public WasiVersion version() {
        return version;
    }

    /** The WASI functions, under the version's module name (such as {@code wasi_snapshot_preview1}). */
    public Imports importObject() {
        return addTo(Imports.builder()).build();
    }

    /** Adds the WASI functions to {@code builder}, to combine them with other imports. */
    public Imports.Builder addTo(Imports.Builder builder) {
        return HostAdapter.register(Objects.requireNonNull(builder, "builder"), Functions.of(ctx.abi()), ctx);
    }

    /**
     * Runs a command: calls the instance's {@code _start} export.
     *
     * @return the exit code: 0 when {@code _start} returns, the code given to {@code proc_exit} otherwise
     *         (with {@code returnOnExit(false)} the JVM exits with it instead, through {@link System#exit})
     * @throws IllegalArgumentException when the instance does not export a memory named {@code memory} or a
     *         function {@code _start} of type {@code [] -> []}, or exports {@code _initialize} (a reactor)
     * @throws IllegalStateException    when this {@code Wasi} was already started or initialized
     * @throws dev.robusta.wasm.TrapException when the program traps
     */
    public int start(Instance instance) {
        Objects.requireNonNull(instance, "instance");
        checkMemory(instance);
        Object start = instance.exports().get("_start");
        if (!(start instanceof Function)) {
            throw new IllegalArgumentException("the instance does not export a function named \"_start\"");
        }
        checkNoParamsNoResults("_start", (Function) start);
        if (instance.exports().containsKey("_initialize")) {
            throw new IllegalArgumentException(
                    "the instance exports \"_initialize\": it is a reactor, use initialize() rather than start()");
        }
        claim();
        ctx.bind(instance);
        try {
            ((Function) start).call();
            return 0;
        } catch (ExitException e) {
            if (!returnOnExit) {
                summarizeTrace();
                System.exit(e.exitCode());
            }
            return e.exitCode();
        } finally {
            summarizeTrace();
        }
    }

    /**
     * Prepares a reactor: calls the instance's {@code _initialize} export when it has one. Its exports can
     * then be called.
     *
     * @throws IllegalArgumentException when the instance does not export a memory named {@code memory}, or
     *         exports {@code _start} (a command)
     * @throws IllegalStateException    when this {@code Wasi} was already started or initialized
     * @throws dev.robusta.wasm.ExitException when {@code _initialize} calls {@code proc_exit}
     */
    public void initialize(Instance instance) {
        Objects.requireNonNull(instance, "instance");
        checkMemory(instance);
        if (instance.exports().containsKey("_start")) {
            throw new IllegalArgumentException(
                    "the instance exports \"_start\": it is a command, use start() rather than initialize()");
        }
        Object init = instance.exports().get("_initialize");
        if (init != null && !(init instanceof Function)) {
            throw new IllegalArgumentException("the instance's \"_initialize\" export is not a function");
        }
        if (init != null) {
            checkNoParamsNoResults("_initialize", (Function) init);
        }
        claim();
        ctx.bind(instance);
        if (init != null) {
            ((Function) init).call();
        }
    }

    /**
     * The local address of each preopened listening socket, in descriptor order: with
     * {@link Builder#tcpListen} on port 0, the port the system chose.
     */
    public List<InetSocketAddress> listenAddresses() {
        return listenAddresses;
    }

    /**
     * Closes every descriptor the guest still has open (its sockets too, preopened ones included; not the
     * embedder's standard streams). With a trace, prints its summary if {@link #start} has not (a reactor).
     */
    @Override
    public void close() {
        summarizeTrace();
        ctx.fds().closeAll();
        try {
            sockets.close();
        } catch (IOException ignored) {
            // nothing useful to do at teardown
        }
    }

    private void summarizeTrace() {
        if (ctx.trace() != null) {
            ctx.trace().summary();
        }
    }

    private synchronized void claim() {
        if (started) {
            throw new IllegalStateException("this Wasi was already started or initialized; make one per instance");
        }
        started = true;
    }

    private static void checkNoParamsNoResults(String name, Function f) {
        if (!f.type().params().isEmpty() || !f.type().results().isEmpty()) {
            throw new IllegalArgumentException("\"" + name + "\" must take and return nothing, but its type is "
                    + f.type());
        }
    }

    private static void checkMemory(Instance instance) {
        if (!(instance.exports().get("memory") instanceof Memory)) {
            throw new IllegalArgumentException("the instance does not export a memory named \"memory\"");
        }
    }

    private record DirPreopen(String guest, Path host, boolean readOnly) {
    }

    /** Configures a {@link Wasi}. Not thread-safe; {@link #build()} copies what it holds. */
    public static final class Builder {
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        /** {@link DirPreopen}, {@link ServerSocketChannel} or {@link InetSocketAddress}, in order. */
        private final List<Object> preopens = new ArrayList<>();
        private InputStream stdin = InputStream.nullInputStream();
        private OutputStream stdout = OutputStream.nullOutputStream();
        private OutputStream stderr = OutputStream.nullOutputStream();
        private boolean returnOnExit = true;
        private WasiVersion version = WasiVersion.PREVIEW1;
        private PrintStream trace;

        private Builder() {
        }

        /** The command-line arguments, {@code argv[0]} (the program name) first; replaces earlier ones. */
        public Builder args(String... args) {
            return args(List.of(args));
        }

        /** The command-line arguments, {@code argv[0]} first; replaces earlier ones. */
        public Builder args(List<String> args) {
            this.args.clear();
            for (String a : args) {
                this.args.add(checkNoNul("argument", a));
            }
            return this;
        }

        /**
         * Adds an environment variable (replacing one of the same name).
         *
         * @throws IllegalArgumentException when the name is empty or holds {@code =}, or either holds NUL
         */
        public Builder env(String name, String value) {
            checkNoNul("environment variable name", name);
            checkNoNul("environment variable value", value);
            if (name.isEmpty() || name.indexOf('=') >= 0) {
                throw new IllegalArgumentException("bad environment variable name: \"" + name + "\"");
            }
            env.put(name, value);
            return this;
        }

        /** Adds every variable of {@code variables}, in its iteration order. */
        public Builder env(Map<String, String> variables) {
            variables.forEach(this::env);
            return this;
        }

        /**
         * Gives the guest the directory {@code hostPath} (of any {@link java.nio.file.FileSystem}) as
         * {@code guestPath}, read-write. Preopens (directories and sockets) get descriptors 3, 4, ... in the
         * order given.
         */
        public Builder preopen(String guestPath, Path hostPath) {
            return preopen(guestPath, hostPath, false);
        }

        /**
         * Gives the guest the directory {@code hostPath} as {@code guestPath}; with {@code readOnly} the guest
         * holds no right that changes anything beneath it.
         *
         * @throws IllegalArgumentException when {@code hostPath} is not a directory
         */
        public Builder preopen(String guestPath, Path hostPath, boolean readOnly) {
            checkNoNul("preopen guest path", guestPath);
            Objects.requireNonNull(hostPath, "hostPath");
            if (!Files.isDirectory(hostPath)) {
                throw new IllegalArgumentException("preopen " + guestPath + ": " + hostPath + " is not a directory");
            }
            preopens.add(new DirPreopen(guestPath, hostPath.toAbsolutePath(), readOnly));
            return this;
        }

        /**
         * Gives the guest a TCP socket listening on {@code address}, bound by {@link #build()} (port 0: a
         * port the system chooses, which {@link Wasi#listenAddresses()} tells), as wasmtime's
         * {@code --tcplisten} does. The guest accepts connections with {@code sock_accept}. Like the
         * preopened directories it takes the next descriptor in the order given; it starts with the
         * {@code nonblock} fdflag, as in wasmtime (so {@code sock_accept} is {@code EAGAIN} until a
         * connection waits: the guest polls, or clears the flag).
         *
         * <p>Note that wasi-libc looks for preopened directories from descriptor 3 up and stops at the
         * first descriptor that is not one: give directories before sockets for a wasi-libc program to see
         * both.
         */
        public Builder tcpListen(InetSocketAddress address) {
            preopens.add(Objects.requireNonNull(address, "address"));
            return this;
        }

        /**
         * Gives the guest {@code listener}, a bound {@link ServerSocketChannel}, as a preopened listening
         * socket (see {@link #tcpListen}). The {@link Wasi} built takes it over: it puts it in
         * non-blocking mode and closes it on {@link Wasi#close()}. A channel serves one {@code Wasi}.
         *
         * @throws IllegalArgumentException when the channel is closed or not bound
         */
        public Builder preopenSocket(ServerSocketChannel listener) {
            Objects.requireNonNull(listener, "listener");
            SocketAddress local;
            try {
                local = listener.getLocalAddress();
            } catch (IOException e) {
                throw new IllegalArgumentException("the socket is closed", e);
            }
            if (local == null) {
                throw new IllegalArgumentException("the socket is not bound");
            }
            preopens.add(listener);
            return this;
        }

        /** Standard input (descriptor 0); empty by default. */
        public Builder stdin(InputStream in) {
            this.stdin = Objects.requireNonNull(in, "in");
            return this;
        }

        /** Standard output (descriptor 1); discarded by default. Flushed after every write. */
        public Builder stdout(OutputStream out) {
            this.stdout = Objects.requireNonNull(out, "out");
            return this;
        }

        /** Standard error (descriptor 2); discarded by default. Flushed after every write. */
        public Builder stderr(OutputStream err) {
            this.stderr = Objects.requireNonNull(err, "err");
            return this;
        }

        /** Uses the JVM's {@link System#in}, {@link System#out} and {@link System#err}. */
        public Builder inheritStdio() {
            return stdin(System.in).stdout(System.out).stderr(System.err);
        }

        /**
         * Whether {@link Wasi#start} returns the exit code of {@code proc_exit} (true, the default) or exits
         * the JVM with it (false).
         */
        public Builder returnOnExit(boolean returnOnExit) {
            this.returnOnExit = returnOnExit;
            return this;
        }

        /** The ABI version to provide; {@link WasiVersion#PREVIEW1} by default. */
        public Builder version(WasiVersion version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Logs every WASI call to {@code trace}, one line when it returns, with its arguments, its errno and
         * its duration ({@code wasi_snapshot_preview1.fd_write(fd=1,iovs=16,iovs_len=1,result.nwritten=24)
         * = SUCCESS 21.4us}); and when the program ends ({@link Wasi#start} returns or throws, or
         * {@link Wasi#close()} for a reactor) a summary: calls, errors and total time per function. Null
         * turns it off.
         */
        public Builder trace(PrintStream trace) {
            this.trace = trace;
            return this;
        }

        /**
         * A new {@link Wasi} with this configuration.
         *
         * @throws UncheckedIOException when a socket of {@link #tcpListen} cannot be bound (the others are
         *         closed again)
         */
        public Wasi build() {
            return new Wasi(this);
        }

        private static String checkNoNul(String what, String s) {
            Objects.requireNonNull(s, what);
            if (s.indexOf('\0') >= 0) {
                throw new IllegalArgumentException(what + " contains NUL: \"" + s.replace("\0", "\\0") + "\"");
            }
            return s;
        }
    }
}
