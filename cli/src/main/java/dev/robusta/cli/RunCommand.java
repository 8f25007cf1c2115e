package dev.robusta.cli;

import dev.robusta.runtime.ExportDescriptor;
import dev.robusta.runtime.Function;
import dev.robusta.runtime.Imports;
import dev.robusta.runtime.Instance;
import dev.robusta.runtime.Module;
import dev.robusta.runtime.RuntimeConfig;
import dev.robusta.wasm.ExternKind;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.ValType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
                    + "export, if any, is called; the exit code is 0 when it returns.",
            "With --invoke FUNC, the exported function FUNC is called with ARGS converted to its parameter "
                    + "types (integers in decimal or 0x hexadecimal; floats in decimal or hexadecimal, inf, nan), "
                    + "and each result is printed on its own line.",
            "",
            "Exit codes: the guest's exit code; 134 when the guest traps (the trap and the wasm stack trace "
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

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "auto",
            description = "The engine: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, which is the "
                    + "interpreter; the compiler is not available yet).")
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

    @Parameters(index = "0", paramLabel = "FILE", description = "The module: a .wasm or .wat file.")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS",
            description = "The arguments of the function given with --invoke. Everything after FILE is "
                    + "an argument, even when it begins with '-'.")
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
        engine.require();
        Module module = ModuleFile.read(file).compile(config());
        if (invoke != null) {
            return invoke(module);
        }
        return runMain(module);
    }

    /** The runtime configuration the options ask for. */
    RuntimeConfig config() {
        RuntimeConfig.Builder config = RuntimeConfig.builder().features(features);
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
        return config.build();
    }

    /**
     * Runs a module as a command: instantiates it (running its start function) and calls its {@code _start}
     * export, if any. The exit code is 0 when it returns.
     */
    private int runMain(Module module) {
        Instance instance = module.instantiate(Imports.EMPTY);
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
    private int invoke(Module module) {
        if (!exportsFunction(module, invoke)) {
            throw new CommandException("the module exports no function named '" + invoke + "'");
        }
        Instance instance = module.instantiate(Imports.EMPTY);
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
        for (ExportDescriptor e : module.exports()) {
            if (e.name().equals(name) && e.kind() == ExternKind.FUNC) {
                return true;
            }
        }
        return false;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
