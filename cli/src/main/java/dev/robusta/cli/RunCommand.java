package dev.robusta.cli;

import dev.robusta.runtime.ExportDescriptor;
import dev.robusta.runtime.Function;
import dev.robusta.runtime.Imports;
import dev.robusta.runtime.Instance;
import dev.robusta.runtime.Module;
import dev.robusta.runtime.RuntimeConfig;
import dev.robusta.runtime.internal.PhaseTimer;
import dev.robusta.wasi.Wasi;
import dev.robusta.wasi.WasiVersion;
import dev.robusta.wasm.ExternKind;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.ValType;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code robusta run}: compiles a module, instantiates it and runs it: its {@code _start} function, or the
 * function named by {@code --invoke} with arguments from the command line, whose results it prints.
 */
@Command(
        name = "run",
        description = {
            "Run a WebAssembly module (binary or text; told apart by content).",
            "",
            "Without --invoke, the module is instantiated (which runs its start function) and its `_start` "
                    + "export, if any, is called. A module that imports WASI (wasi_snapshot_preview1 or "
                    + "wasi_unstable) gets it: ARGS are its arguments after its file name, it sees only the "
                    + "directories given with --dir, the listening sockets given with --tcplisten and the "
                    + "variables given with --env, and its standard streams are robusta's.",
            "",
            "With --invoke FUNC, the exported function FUNC is called with ARGS converted to its parameter "
                    + "types (integers in decimal or 0x hexadecimal; floats in decimal or hexadecimal, inf, nan), "
                    + "and each result is printed on its own line.",
            "",
            "Exit codes: the guest's exit code (0 when _start returns, the code of proc_exit); 134 when the guest traps (the trap and the wasm stack trace "
                    + "go to standard error); 1 when the module cannot be read, compiled or linked, or the "
                    + "command line is wrong.",
        },
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        modelTransformer = RunCommand.GuestArguments.class)
final class RunCommand implements Callable<Integer> {
    private final Stdio io;

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = "--invoke", paramLabel = "FUNC",
            description = "Call the exported function FUNC with ARGS and print its results.")
    String invoke;

    @Option(names = "--dir", paramLabel = "HOST[::GUEST]",
            description = "Give a WASI program the host directory HOST, as GUEST (default: the same path). "
                    + "Repeatable.")
    List<String> dirs = new ArrayList<>();

    @Option(names = "--tcplisten", paramLabel = "HOST:PORT",
            description = "Give a WASI program a TCP socket listening on HOST:PORT (IPv6 as [ADDR]:PORT), from "
                    + "which it accepts connections, as wasmtime's --tcplisten. The sockets take descriptors "
                    + "3, 4, ... in the order given, before the directories of --dir (as in wasmtime), and "
                    + "start non-blocking. Repeatable.")
    List<String> tcpListen = new ArrayList<>();

    @Option(names = "--env", paramLabel = "NAME[=VALUE]",
            description = "Give a WASI program the environment variable NAME, with VALUE or else robusta's own "
                    + "value (none if it has none). Repeatable.")
    List<String> env = new ArrayList<>();

    @Option(names = "--trace-wasi",
            description = "Log every WASI call to standard error, one line as it returns (its arguments, its errno "
                    + "and its duration), and when the program ends a summary: calls, errors and total time per "
                    + "function.")
    boolean traceWasi;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "auto",
            description = "The engine: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: the compiler to JVM "
                    + "bytecode, with the interpreter for what it does not compile).")
    Engine engine;

    @Option(names = "--features", paramLabel = "FEATURES", defaultValue = "2.0",
            converter = FeaturesConverter.class, completionCandidates = FeaturesConverter.Candidates.class,
            description = "The WebAssembly features to accept: ${COMPLETION-CANDIDATES} "
                    + "(default: ${DEFAULT-VALUE}).")
    Features features;

    @Option(names = "--fuel", paramLabel = "N",
            description = "Trap with \"fuel exhausted\" after about N instructions (per call from the host).")
    Long fuel;

    @Option(names = "--max-memory", paramLabel = "BYTES", converter = ByteSizeConverter.class,
            description = "Cap each memory at BYTES (such as 64M or 1G; rounded down to whole 64 KiB pages): "
                    + "memory.grow beyond it fails.")
    Long maxMemory;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Trap with \"deadline exceeded\" after DURATION (such as 500ms, 10s or 1m) "
                    + "per call from the host.")
    Duration timeout;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Keep the JVM classes the compiler generates in DIR (created when missing), so that the "
                    + "next run of the same module loads them instead of compiling again. Entries are keyed by "
                    + "the module's SHA-256, robusta's version and the options that change the generated code; "
                    + "damaged entries are compiled again. A binary module that validated is marked there too, "
                    + "and the next run of the same bytes skips validation (with any engine).")
    Path cache;

    @Parameters(index = "0", paramLabel = "FILE", description = "The module: a .wasm or .wat file.")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS",
            description = "The program's arguments (WASI), or those of the function given with --invoke. "
                    + "Everything after FILE is an argument, even when it begins with '-'.")
    List<String> args = new ArrayList<>();

    RunCommand(Stdio io) {
        this.io = io;
    }

    /** Makes everything after FILE a guest argument, as {@code wasmtime run} does. */
    static final class GuestArguments implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec commandSpec) {
            commandSpec.parser().stopAtPositional(true);
            return commandSpec;
        }
    }

    @Override
    public Integer call() throws Exception {
        PhaseTimer.end("command line: parse");
        RuntimeConfig config = config();
        List<Preopen> preopens = preopens();
        List<InetSocketAddress> listens = listens();
        Module module = ModuleFile.read(file).compile(config);
        Optional<WasiVersion> version = WasiVersion.detect(module);
        try (Wasi wasi = version.isPresent() ? wasi(version.get(), listens, preopens) : null) {
            PhaseTimer.end("WASI set-up: context");
            Imports imports = wasi == null ? Imports.EMPTY : wasi.importObject();
            PhaseTimer.end("WASI set-up: functions");
            Instance instance = module.instantiate(imports);
            PhaseTimer.end("instantiate");
            if (invoke != null) {
                if (wasi != null && exportsFunction(module, "_initialize") && !exportsFunction(module, "_start")) {
                    requireWasiMemory(module);
                    wasi.initialize(instance);
                }
                return invoke(module, instance);
            }
            int exitCode = wasi == null ? runStart(module, instance) : runWasi(module, wasi, instance);
            PhaseTimer.end("run");
            return exitCode;
        }
    }

    /**
     * The WASI the options describe: the arguments (the module's file name, then ARGS), the environment, the
     * listening sockets then the preopened directories (wasmtime's order), robusta's standard streams.
     */
    private Wasi wasi(WasiVersion version, List<InetSocketAddress> listens, List<Preopen> preopens) {
        List<String> argv = new ArrayList<>();
        argv.add(file.getFileName() == null ? file.toString() : file.getFileName().toString());
        argv.addAll(args);
        Wasi.Builder wasi = Wasi.builder().version(version).args(argv)
                .stdin(io.in()).stdout(io.out()).stderr(io.err()).returnOnExit(true);
        try {
            for (String variable : env) {
                int eq = variable.indexOf('=');
                if (eq >= 0) {
                    wasi.env(variable.substring(0, eq), variable.substring(eq + 1));
                } else if (System.getenv(variable) != null) {
                    wasi.env(variable, System.getenv(variable));
                }
            }
            for (InetSocketAddress address : listens) {
                wasi.tcpListen(address);
            }
            for (Preopen p : preopens) {
                wasi.preopen(p.guest(), p.host());
            }
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (traceWasi) {
            wasi.trace(io.err());
        }
        try {
            return wasi.build();
        } catch (UncheckedIOException e) {
            throw new CommandException("--tcplisten: " + e.getMessage());
        }
    }

    /**
     * An address of {@code --tcplisten}: {@code HOST:PORT} or {@code [IPV6]:PORT}, the host resolved.
     *
     * @throws IllegalArgumentException when it is not of that form, the port is not in 0..65535 or the host
     *         is unknown
     */
    static InetSocketAddress parseListen(String text) {
        int colon = text.lastIndexOf(':');
        String host = colon > 0 ? text.substring(0, colon) : "";
        String port = colon > 0 ? text.substring(colon + 1) : "";
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            host = ""; // an IPv6 address needs brackets
        }
        if (host.isEmpty() || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException("--tcplisten expects HOST:PORT or [IPV6]:PORT, not '" + text + "'");
        }
        InetSocketAddress address = new InetSocketAddress(host, Integer.parseInt(port));
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("--tcplisten " + text + ": unknown host '" + host + "'");
        }
        return address;
    }

    /** The addresses of {@code --tcplisten}, checked before anything is compiled. */
    private List<InetSocketAddress> listens() {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String text : tcpListen) {
            try {
                addresses.add(parseListen(text));
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }
        return addresses;
    }

    /** A directory given with {@code --dir}: the host directory and the guest's path for it. */
    record Preopen(Path host, String guest) {
        /**
         * {@code HOST} (the guest sees the same path) or {@code HOST::GUEST}.
         *
         * @throws IllegalArgumentException when HOST or GUEST is empty
         */
        static Preopen parse(String dir) {
            int sep = dir.indexOf("::");
            String host = sep >= 0 ? dir.substring(0, sep) : dir;
            String guest = sep >= 0 ? dir.substring(sep + 2) : dir;
            if (host.isEmpty() || guest.isEmpty()) {
                throw new IllegalArgumentException("--dir expects HOST or HOST::GUEST, not '" + dir + "'");
            }
            return new Preopen(Path.of(host), guest);
        }
    }

    /** The directories of {@code --dir}, checked before anything is compiled. */
    private List<Preopen> preopens() {
        List<Preopen> preopens = new ArrayList<>();
        for (String dir : dirs) {
            Preopen p;
            try {
                p = Preopen.parse(dir);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
            if (!Files.isDirectory(p.host())) {
                throw usage("--dir " + dir + ": " + p.host() + " is not a directory");
            }
            preopens.add(p);
        }
        return preopens;
    }

    /**
     * Runs a WASI program: a command's {@code _start}, whose exit code is the result, or a reactor's
     * {@code _initialize} (then 0).
     */
    private static int runWasi(Module module, Wasi wasi, Instance instance) {
        requireWasiMemory(module);
        if (exportsFunction(module, "_start")) {
            if (exports(module, "_initialize", null)) {
                throw new CommandException("cannot run this WASI program: it exports both _start (a command) and "
                        + "_initialize (a reactor)");
            }
            return wasi.start(instance);
        }
        if (exportsFunction(module, "_initialize")) {
            wasi.initialize(instance);
        }
        return ExitCodes.SUCCESS;
    }

    /** WASI reads and writes the guest's memory: the module must export it as {@code memory}. */
    private static void requireWasiMemory(Module module) {
        if (!exports(module, "memory", ExternKind.MEMORY)) {
            throw new CommandException("cannot run this WASI program: it does not export its memory as \"memory\"");
        }
    }

    /** The runtime configuration the options ask for. */
    RuntimeConfig config() {
        RuntimeConfig.Builder config = RuntimeConfig.builder().features(features).engine(engine.kind());
        if (fuel != null) {
            if (fuel < 0) {
                throw usage("--fuel must not be negative: " + fuel);
            }
            config.fuel(fuel);
        }
        if (maxMemory != null) {
            long pages = maxMemory / 65536;
            if (pages > RuntimeConfig.DEFAULT_MAX_MEMORY_PAGES) {
                throw usage("--max-memory must be at most 4G (65536 pages of 64 KiB)");
            }
            config.maxMemoryPages((int) pages);
        }
        config.timeout(timeout);
        config.codeCache(cache);
        return config.build();
    }

    /**
     * Runs a module that does not import WASI: calls its {@code _start} export, if any (its start function
     * has run during instantiation). The exit code is 0 when it returns.
     */
    private static int runStart(Module module, Instance instance) {
        if (!exportsFunction(module, "_start")) {
            return ExitCodes.SUCCESS;
        }
        Function start = instance.function("_start");
        if (!start.type().params().isEmpty() || !start.type().results().isEmpty()) {
            throw new CommandException("_start must take no parameters and return no results, but its type is "
                    + start.type() + " (use --invoke to call a function with arguments)");
        }
        start.call();
        return ExitCodes.SUCCESS;
    }

    /** Calls the function named by {@code --invoke} with the guest arguments and prints its results. */
    private int invoke(Module module, Instance instance) {
        if (!exportsFunction(module, invoke)) {
            throw new CommandException("the module exports no function named '" + invoke + "'");
        }
        Function function = instance.function(invoke);
        FuncType type = function.type();
        for (ValType t : type.params()) {
            if (!t.isNumber()) {
                throw new CommandException("'" + invoke + "' takes a " + t + " parameter; --invoke can pass only "
                        + "i32, i64, f32 and f64 arguments");
            }
        }
        if (args.size() != type.params().size()) {
            throw usage("'" + invoke + "' takes " + type.params().size() + " argument"
                    + (type.params().size() == 1 ? "" : "s") + " " + type.params() + ", not " + args.size());
        }
        long[] raw = new long[args.size()];
        for (int i = 0; i < raw.length; i++) {
            ValType t = type.params().get(i);
            try {
                raw[i] = InvokeArgument.parse(t, args.get(i));
            } catch (IllegalArgumentException e) {
                throw usage("argument " + (i + 1) + " of '" + invoke + "', '" + args.get(i) + "', is not a valid "
                        + t + ": " + e.getMessage());
            }
        }
        for (String line : call(function, raw)) {
            io.out().println(line);
        }
        return ExitCodes.SUCCESS;
    }

    /** Calls a function with raw arguments; its results as lines to print. */
    private static List<String> call(Function function, long[] raw) {
        List<ValType> results = function.type().results();
        List<String> lines = new ArrayList<>();
        if (results.stream().anyMatch(ValType::isReference)) {
            Object[] args = new Object[raw.length];
            List<ValType> params = function.type().params();
            for (int i = 0; i < raw.length; i++) {
                args[i] = box(params.get(i), raw[i]);
            }
            Object[] values = function.apply(args);
            for (int i = 0; i < values.length; i++) {
                lines.add(InvokeResult.ofBoxed(results.get(i), values[i]));
            }
            return lines;
        }
        long[] values = function.call(raw);
        int slot = 0;
        for (ValType t : results) {
            lines.add(InvokeResult.ofRaw(t, values, slot));
            slot += t.isVector() ? 2 : 1;
        }
        return lines;
    }

    private static Object box(ValType type, long raw) {
        if (type.equals(ValType.I32)) {
            return (int) raw;
        }
        if (type.equals(ValType.I64)) {
            return raw;
        }
        if (type.equals(ValType.F32)) {
            return Float.intBitsToFloat((int) raw);
        }
        return Double.longBitsToDouble(raw);
    }

    private static boolean exportsFunction(Module module, String name) {
        return exports(module, name, ExternKind.FUNC);
    }

    /** Whether the module exports {@code name} as a {@code kind} (of any kind when null). */
    private static boolean exports(Module module, String name, ExternKind kind) {
        for (ExportDescriptor e : module.exports()) {
            if (e.name().equals(name) && (kind == null || e.kind() == kind)) {
                return true;
            }
        }
        return false;
    }

    private ParameterException usage(String message) {
        // spec is null when PlainRunLine parsed the command line: the picocli model is built only now, for the message
        CommandLine where = spec != null ? spec.commandLine() : Main.commandLine(io).getSubcommands().get("run");
        return new ParameterException(where, message);
    }
}
