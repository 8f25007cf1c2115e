package dev.robusta.wasi;

import dev.robusta.runtime.Function;
import dev.robusta.runtime.Imports;
import dev.robusta.runtime.Instance;
import dev.robusta.runtime.Memory;
import dev.robusta.wasi.internal.Abi;
import dev.robusta.wasi.internal.HostAdapter;
import dev.robusta.wasi.internal.WasiContext;
import dev.robusta.wasi.internal.abi.RightSets;
import dev.robusta.wasi.internal.fd.DirectoryDescriptor;
import dev.robusta.wasi.internal.fd.FdTable;
import dev.robusta.wasi.internal.fd.OutputDescriptor;
import dev.robusta.wasi.internal.fd.StdinDescriptor;
import dev.robusta.wasi.internal.preview1.Functions;
import dev.robusta.wasm.ExitException;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
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
 * default: empty input, discarded output) and the preopened directories, beneath which it cannot reach.
 * A {@code Wasi} serves one instance; its descriptors belong to that instance. Guests are single-threaded,
 * and a {@code Wasi} is not made for calls from several threads at once.
 */
public final class Wasi implements AutoCloseable {
    private final WasiVersion version;
    private final boolean returnOnExit;
    private final WasiContext ctx;
    private boolean started;

    private Wasi(Builder b) {
        this.version = b.version;
        this.returnOnExit = b.returnOnExit;
        FdTable fds = new FdTable();
        fds.insert(new StdinDescriptor(b.stdin));
        fds.insert(new OutputDescriptor(b.stdout));
        fds.insert(new OutputDescriptor(b.stderr));
        for (Preopen p : b.preopens) {
            long base = RightSets.DIRECTORY_BASE;
            long inheriting = RightSets.DIRECTORY_INHERITING;
            if (p.readOnly) {
                base &= ~RightSets.MUTATING;
                inheriting &= ~RightSets.MUTATING;
            }
            fds.insert(new DirectoryDescriptor(p.host, p.host, p.guest, base, inheriting, 0));
        }
        List<byte[]> args = new ArrayList<>();
        for (String a : b.args) {
            args.add(a.getBytes(StandardCharsets.UTF_8));
        }
        List<byte[]> environ = new ArrayList<>();
        b.env.forEach((k, v) -> environ.add((k + "=" + v).getBytes(StandardCharsets.UTF_8)));
        Abi abi = version == WasiVersion.PREVIEW1 ? Abi.PREVIEW1 : Abi.UNSTABLE;
        this.ctx = new WasiContext(abi, args, environ, fds, b.trace);
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
                System.exit(e.exitCode());
            }
            return e.exitCode();
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

    /** Closes every descriptor the guest still has open (not the embedder's standard streams). */
    @Override
    public void close() {
        ctx.fds().closeAll();
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

    private record Preopen(String guest, Path host, boolean readOnly) {
    }

    /** Configures a {@link Wasi}. Not thread-safe; {@link #build()} copies what it holds. */
    public static final class Builder {
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<Preopen> preopens = new ArrayList<>();
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
         * {@code guestPath}, read-write. Preopens get descriptors 3, 4, ... in the order given.
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
            preopens.add(new Preopen(guestPath, hostPath.toAbsolutePath(), readOnly));
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
         * Logs every WASI call and its errno to {@code trace} ({@code ==> module.fd_write(fd=1,...)} then
         * {@code <== errno=SUCCESS}); null turns it off.
         */
        public Builder trace(PrintStream trace) {
            this.trace = trace;
            return this;
        }

        /** A new {@link Wasi} with this configuration. */
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
