package dev.robusta.cli;

import dev.robusta.wasm.Features;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Parses a plain {@code robusta run} command line without picocli, which costs a few hundred milliseconds
 * of start-up (RATIONALE.md, "Why does `robusta run` parse its command line without picocli?"). Plain means:
 * {@code run}, then options of {@link RunCommand} each given once (as {@code --name value} or
 * {@code --name=value}; the repeatable ones any number of times) with values that convert, then FILE and the
 * guest's arguments. Anything else ({@code --help}, an unknown or repeated option, a value that begins with
 * {@code -} or does not convert, {@code --}, an {@code @file}, no FILE) is left to picocli, which parses it
 * the same way or reports the usage error: this class never reports errors itself, so the two parsers cannot
 * disagree on a message. {@code PlainRunLineTest} checks that both give the same {@link RunCommand} for the
 * command lines this class accepts, and that it knows every option of {@link RunCommand}.
 */
final class PlainRunLine {
    /** The options of {@link RunCommand} that take a value. */
    static final Set<String> VALUE_OPTIONS = Set.of("--invoke", "--dir", "--tcplisten", "--env", "--engine",
            "--features", "--fuel", "--max-memory", "--timeout", "--cache");
    /** The options of {@link RunCommand} that take no value. */
    static final Set<String> FLAGS = Set.of("--trace-wasi");
    private static final Set<String> REPEATABLE = Set.of("--dir", "--tcplisten", "--env");

    private PlainRunLine() {
    }

    /**
     * The {@code run} command of {@code args} with its options set, or null when {@code args} is not a plain
     * {@code run} command line (then picocli parses it).
     */
    static RunCommand parse(String[] args, Stdio io) {
        if (args.length < 2 || !args[0].equals("run")) {
            return null;
        }
        for (String a : args) {
            if (a.startsWith("@") || a.equals("--")) {
                return null; // an argument file, or the end of the options: picocli's rules
            }
        }
        RunCommand run = new RunCommand(io);
        run.engine = Engine.auto;
        run.features = Features.V2;
        Set<String> seen = new HashSet<>();
        int i = 1;
        for (; i < args.length && args[i].startsWith("-"); i++) {
            String name = args[i];
            String value = null;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!seen.add(name) && !REPEATABLE.contains(name)) {
                return null;
            }
            if (FLAGS.contains(name) && value == null) {
                run.traceWasi = true;
                continue;
            }
            if (!VALUE_OPTIONS.contains(name)) {
                return null;
            }
            if (value == null) {
                if (i + 1 == args.length || args[i + 1].startsWith("-")) {
                    return null;
                }
                value = args[++i];
            }
            if (!set(run, name, value)) {
                return null;
            }
        }
        if (i == args.length) {
            return null;
        }
        try {
            run.file = Path.of(args[i]);
        } catch (InvalidPathException e) {
            return null;
        }
        run.args = new ArrayList<>(Arrays.asList(args).subList(i + 1, args.length));
        return run;
    }

    /** Sets option {@code name} to {@code value}; false when the value does not convert. */
    private static boolean set(RunCommand run, String name, String value) {
        try {
            switch (name) {
                case "--invoke" -> run.invoke = value;
                case "--dir" -> run.dirs.add(value);
                case "--tcplisten" -> run.tcpListen.add(value);
                case "--env" -> run.env.add(value);
                case "--engine" -> run.engine = Engine.valueOf(value);
                case "--features" -> run.features = new FeaturesConverter().convert(value);
                case "--fuel" -> run.fuel = Long.valueOf(value);
                case "--max-memory" -> run.maxMemory = new ByteSizeConverter().convert(value);
                case "--timeout" -> run.timeout = new DurationConverter().convert(value);
                case "--cache" -> run.cache = java.nio.file.Path.of(value);
                default -> {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false; // picocli reports it
        }
    }
}
