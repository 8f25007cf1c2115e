package dev.robusta.cli;

import dev.robusta.runtime.RuntimeConfig;
import dev.robusta.testsuite.DryRun;
import dev.robusta.testsuite.Outcome;
import dev.robusta.testsuite.Scripts;
import dev.robusta.testsuite.WastRunner;
import dev.robusta.text.wast.Directive;
import dev.robusta.text.wast.Script;
import dev.robusta.text.wast.WastParser;
import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.Features;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code robusta wast}: runs WAST scripts (the format of the specification tests) and reports what failed.
 * Each failure is printed as {@code file:line: kind: detail}; the last line is the total,
 * {@code N passed, M failed[, K skipped]}. The exit code is 0 only when nothing failed.
 */
@Command(
        name = "wast",
        description = {
            "Run WAST scripts, the format of the WebAssembly specification tests.",
            "",
            "Each failed command of a script is printed as FILE:LINE: KIND: DETAIL, and the last line is the "
                    + "total: N passed, M failed (and K skipped, if any). Exits 0 only when nothing failed.",
            "",
            "A script is run with the features its path implies (wasm-2.0/: 2.0, wasm-3.0/: 3.0, anything "
                    + "else: all) unless --features is given. Each call into WebAssembly may take at most a minute.",
        },
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n")
final class WastCommand implements Callable<Integer> {
    /** The time limit of each call into WebAssembly, so that a runaway test cannot hang the run. */
    static final Duration CALL_TIMEOUT = Duration.ofMinutes(1);

    private final Stdio io;

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "auto",
            description = "The engine: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: the compiler to JVM "
                    + "bytecode, with the interpreter for what it does not compile).")
    Engine engine;

    @Option(names = "--features", paramLabel = "FEATURES",
            converter = FeaturesConverter.class, completionCandidates = FeaturesConverter.Candidates.class,
            description = "The WebAssembly features for every script: ${COMPLETION-CANDIDATES} "
                    + "(default: from each script's path).")
    Features features;

    @Option(names = "--dry-run", description = "Only parse and encode every module in the text format (and "
            + "check that malformed text is rejected); run nothing.")
    boolean dryRun;

    @Option(names = "--report", paramLabel = "FILE.md", description = "Also write a conformance report in "
            + "Markdown: per script, the commands passed, failed and skipped and why, and the totals.")
    Path report;

    @Option(names = {"-v", "--verbose"}, description = "Also print skipped commands and a total per script.")
    boolean verbose;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The scripts (.wast).")
    List<Path> files;

    WastCommand(Stdio io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString());
            }
        }
        PrintStream out = io.out();
        List<ScriptTally> tallies = new ArrayList<>();
        for (Path file : files) {
            ScriptTally tally = new ScriptTally(file.toString());
            for (Outcome outcome : run(file)) {
                tally.add(outcome);
                if (outcome.status() == Outcome.Status.FAILED
                        || verbose && outcome.status() == Outcome.Status.SKIPPED) {
                    out.println(line(outcome));
                }
            }
            if (verbose) {
                out.println(file + ": " + total(tally.passed(), tally.failed(), tally.skipped()));
            }
            tallies.add(tally);
        }
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        for (ScriptTally t : tallies) {
            passed += t.passed();
            failed += t.failed();
            skipped += t.skipped();
        }
        if (report != null) {
            List<String> args = spec.commandLine().getParseResult().originalArgs();
            String command = WastReport.command(args.subList(args.indexOf(spec.name()) + 1, args.size()));
            Files.writeString(report, WastReport.markdown(tallies, command, dryRun ? "dry run" : engine.name()));
        }
        out.println(total(passed, failed, skipped));
        return failed == 0 ? ExitCodes.SUCCESS : ExitCodes.FAILURE;
    }

    /** The outcomes of one script; a script that does not parse is one failure. */
    private List<Outcome> run(Path file) throws Exception {
        String name = file.toString();
        Script script;
        try {
            script = WastParser.parse(Files.readAllBytes(file), name);
        } catch (CompileException e) {
            return List.of(new Outcome(name, 0, "script", Outcome.Status.FAILED, "malformed script: "
                    + e.getMessage()));
        }
        Features f = features != null ? features : Scripts.featuresFor(name);
        if (dryRun) {
            return new DryRun(f).run(script);
        }
        WastRunner runner = new WastRunner(name, RuntimeConfig.DEFAULT.withFeatures(f).withEngine(engine.kind()).withTimeout(CALL_TIMEOUT));
        List<Outcome> outcomes = new ArrayList<>();
        for (Directive d : script.directives()) {
            outcomes.add(runner.run(d));
        }
        return outcomes;
    }

    /** {@code file:line: kind: detail}, with {@code skipped: } before the reason of a skip. */
    static String line(Outcome o) {
        String where = o.line() > 0 ? o.file() + ":" + o.line() : o.file();
        String skip = o.status() == Outcome.Status.SKIPPED ? "skipped: " : "";
        return where + ": " + o.kind() + ": " + skip + o.detail();
    }

    /** {@code N passed, M failed}, and {@code , K skipped} when K is not 0. */
    static String total(int passed, int failed, int skipped) {
        return passed + " passed, " + failed + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : "");
    }
}
