package dev.robusta.cli;

import dev.robusta.runtime.internal.PhaseTimer;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The entry point of the {@code robusta} command. {@link #main} only exits with what {@link #run} returns,
 * so that tests (and embedders) can run the whole command line in-process with their own streams.
 */
public final class Main {
    private Main() {
    }

    /** Runs the command line on the process's standard streams and exits with its exit code. */
    public static void main(String[] args) {
        if (Timing.requested(System.getenv(Timing.ENV), System.getProperty(Timing.PROPERTY))) {
            Timing.begin(System.err);
        }
        System.exit(run(args, System.in, System.out, System.err));
    }

    /**
     * Runs the {@code robusta} command line.
     *
     * @param args the arguments after the program name
     * @param in   what the command (and a guest) reads as standard input
     * @param out  standard output: results, help and the version
     * @param err  standard error: one-line reasons for failures, trap reports
     * @return the process exit code; see {@link ExitCodes}
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Stdio io = new Stdio(in, out, err);
        RunCommand plainRun = PlainRunLine.parse(args, io);
        if (plainRun != null) {
            PhaseTimer.end("command line (plain run)");
            try {
                return runPlain(plainRun, args, io);
            } finally {
                out.flush();
                err.flush();
                PhaseTimer.end("finish (flush)");
            }
        }
        CommandLine commandLine = commandLine(io);
        PhaseTimer.end("command line: model");
        try {
            return commandLine.execute(args);
        } finally {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
            out.flush();
            err.flush();
            PhaseTimer.end("finish (flush)");
        }
    }

    /**
     * Runs a {@code run} command parsed by {@link PlainRunLine}, reporting failures as picocli's
     * {@code execute} does on the other path: a usage error with {@link UsageErrorHandler}, anything else
     * thrown with {@link FailureHandler}.
     */
    private static int runPlain(RunCommand run, String[] args, Stdio io) {
        try {
            return run.call();
        } catch (CommandLine.ParameterException e) {
            return new UsageErrorHandler(io.err()).handleParseException(e, args);
        } catch (Exception e) {
            return new FailureHandler(io.err()).handleExecutionException(e, null, null);
        }
    }

    /**
     * The configured command line: the commands of {@link RobustaCommand} created with {@code io}, help
     * written to {@code io.out()}, failures reported on {@code io.err()} with the exit codes of
     * {@link ExitCodes}.
     */
    static CommandLine commandLine(Stdio io) {
        CommandLine commandLine = new CommandLine(RobustaCommand.class, new CommandFactory(io));
        commandLine.setOut(new PrintWriter(io.out(), true));
        commandLine.setErr(new PrintWriter(io.err(), true));
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        commandLine.setParameterExceptionHandler(new UsageErrorHandler(io.err()));
        commandLine.setExecutionExceptionHandler(new FailureHandler(io.err()));
        return commandLine;
    }
}
