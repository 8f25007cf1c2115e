package dev.robusta.wasi.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The trace of a WASI instance's calls ({@code Wasi.Builder.trace}): one line per call when it returns,
 * with its arguments, its outcome and how long it took,
 *
 * <pre>
 * wasi_snapshot_preview1.fd_write(fd=1,iovs=1024,iovs_len=1,result.nwritten=1032) = SUCCESS 21.4us
 * wasi_snapshot_preview1.path_open(fd=3,...) = ENOENT (no such file) 88.0us
 * wasi_snapshot_preview1.proc_exit(rval=0) = exit(0) 3.1us
 * </pre>
 *
 * and, at the end of the program, a summary: calls, errors and total time per function, most time first
 * (as {@code strace -c}). A call's time is measured around its body, in the adapter; the guest's own time
 * between calls is not counted.
 */
public final class CallTrace {
    private final PrintStream out;
    private final String module;
    private final Map<String, Totals> totals = new LinkedHashMap<>();
    private boolean summarized;

    private static final class Totals {
        final String name;
        long calls;
        long errors;
        long nanos;

        Totals(String name) {
            this.name = name;
        }
    }

    /** @param module the WASI module name the lines are prefixed with */
    public CallTrace(PrintStream out, String module) {
        this.out = out;
        this.module = module;
    }

    /**
     * Logs one call and counts it.
     *
     * @param call    the function and its arguments, as {@code name(a=1,b=2)}
     * @param outcome the errno name (with a detail in parentheses) or {@code exit(n)}
     * @param error   whether the call failed (an errno other than {@code SUCCESS})
     */
    public void call(String function, String call, String outcome, boolean error, long nanos) {
        out.println(module + "." + call + " = " + outcome + " " + duration(nanos));
        Totals t = totals.computeIfAbsent(function, Totals::new);
        t.calls++;
        t.nanos += nanos;
        if (error) {
            t.errors++;
        }
    }

    /** Prints the summary table, once (later calls do nothing). */
    public void summary() {
        if (summarized) {
            return;
        }
        summarized = true;
        List<Totals> rows = new ArrayList<>(totals.values());
        rows.sort(Comparator.comparingLong((Totals t) -> t.nanos).reversed().thenComparing(t -> t.name));
        int width = "function".length();
        for (Totals t : rows) {
            width = Math.max(width, t.name.length());
        }
        String format = "%-" + width + "s %8s %8s %12s%n";
        out.println("WASI calls (" + module + "):");
        out.printf(Locale.ROOT, format, "function", "calls", "errors", "total(us)");
        long calls = 0;
        long errors = 0;
        long nanos = 0;
        for (Totals t : rows) {
            out.printf(Locale.ROOT, format, t.name, t.calls, t.errors, micros(t.nanos));
            calls += t.calls;
            errors += t.errors;
            nanos += t.nanos;
        }
        out.printf(Locale.ROOT, format, "total", calls, errors, micros(nanos));
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e3);
    }

    /** A duration in the unit that suits it: {@code 21.4us}, {@code 3.25ms}, {@code 1.500s}. */
    static String duration(long nanos) {
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.1fus", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.2fms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.3fs", nanos / 1e9);
    }
}
