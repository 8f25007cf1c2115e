package dev.robusta.cli;

import dev.robusta.runtime.internal.PhaseTimer;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The opt-in start-up report: with {@code ROBUSTA_TIMING=1} in the environment (or
 * {@code -Drobusta.timing=true}), {@code robusta} prints to standard error, as the process exits, the wall time
 * of each phase of its work: JVM start to {@code main}, the command line, read, decode, validate, compile,
 * instantiate, WASI set-up, run, exit. The phases are marked with {@link PhaseTimer} where they happen (the
 * runtime marks validation, linking and compilation), and the compiler counts the classes it generates when
 * they are first needed, within the phases. See docs/performance.md, "Hello world".
 */
final class Timing {
    /** The environment variable that turns the report on. */
    static final String ENV = "ROBUSTA_TIMING";
    /** The system property that turns the report on. */
    static final String PROPERTY = "robusta.timing";

    private Timing() {
    }

    /** Whether the report is asked for: the variable set to anything but empty, {@code 0} or {@code false}. */
    static boolean requested(String env, String property) {
        return on(env) || on(property);
    }

    private static boolean on(String value) {
        return value != null && !value.isEmpty() && !value.equals("0") && !value.equalsIgnoreCase("false");
    }

    /**
     * Starts timing now (in {@code main}) and prints the report on {@code err} when the JVM shuts down, after
     * the last phase, "exit (to the shutdown hooks)".
     */
    static void begin(PrintStream err) {
        long mainMillis = System.currentTimeMillis();
        PhaseTimer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            PhaseTimer.end("exit (to the shutdown hooks)");
            err.print(report(jvmStartToMain(mainMillis), PhaseTimer.phases(), PhaseTimer.parts()));
            err.flush();
        }, "robusta-timing"));
    }

    /**
     * Milliseconds from the JVM's start to {@code mainMillis}, or -1 when the JVM cannot tell (no
     * {@code java.management}). Asked only when the report is printed, so that the management classes do not
     * count in the phases.
     */
    private static long jvmStartToMain(long mainMillis) {
        try {
            return mainMillis - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        } catch (LinkageError | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The report: one line per phase with its milliseconds, then the total from the JVM's start, then the
     * costs counted within the phases (such as the classes the compiler generates while the program runs),
     * with how many times each was counted.
     *
     * @param jvmStartToMainMillis milliseconds from the JVM's start to {@code main}, or negative if unknown
     */
    static String report(long jvmStartToMainMillis, List<PhaseTimer.Phase> phases, List<PhaseTimer.Part> parts) {
        StringBuilder out = new StringBuilder("robusta: timing (wall ms)\n");
        double total = 0;
        if (jvmStartToMainMillis >= 0) {
            out.append(line("JVM start to main", jvmStartToMainMillis));
            total += jvmStartToMainMillis;
        }
        for (PhaseTimer.Phase p : phases) {
            double ms = p.nanos() / 1e6;
            out.append(line(p.name(), ms));
            total += ms;
        }
        out.append(line(jvmStartToMainMillis >= 0 ? "total (JVM start to exit)" : "total (main to exit)", total));
        if (!parts.isEmpty()) {
            out.append("  within the phases:\n");
            for (PhaseTimer.Part p : parts) {
                out.append(line("  " + p.name() + " (" + p.count() + ")", p.nanos() / 1e6));
            }
        }
        return out.toString();
    }

    private static String line(String name, double ms) {
        StringBuilder s = new StringBuilder("  ").append(name);
        int width = 38;
        while (s.length() < width) {
            s.append(' ');
        }
        String value = String.format(Locale.ROOT, "%8.1f", ms);
        return s.append(value).append('\n').toString();
    }
}
