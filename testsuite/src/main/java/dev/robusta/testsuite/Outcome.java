package dev.robusta.testsuite;

/**
 * What became of one directive of a script.
 *
 * @param file   the script's file name
 * @param line   the directive's line
 * @param kind   the directive's name in the script ({@code assert_return}, {@code module}, ...)
 * @param status passed, failed or skipped
 * @param detail why it failed or was skipped; empty when it passed
 */
public record Outcome(String file, int line, String kind, Status status, String detail) {
    /** The result of a directive. */
    public enum Status {
        PASSED, FAILED, SKIPPED
    }

    static Outcome passed(String file, int line, String kind) {
        return new Outcome(file, line, kind, Status.PASSED, "");
    }

    /** {@code file:line}, the name of the directive in reports and test names. */
    public String name() {
        return file + ":" + line;
    }

    @Override
    public String toString() {
        return name() + " " + kind + " " + status + (detail.isEmpty() ? "" : ": " + detail);
    }
}
