package dev.robusta.cli;

import dev.robusta.testsuite.Outcome;

/**
 * The short reason of a failed or skipped command, for the conformance report: the outcome's detail with
 * what differs between commands that failed for the same cause taken out (numbers, export names, the
 * position in parentheses at the end, the values of wrong results), so that such commands share one reason.
 */
final class Reason {
    private Reason() {
    }

    static String of(Outcome outcome) {
        String d = outcome.detail();
        boolean unexpected = d.startsWith("unexpected ");
        // a failure the runner did not expect: the exception's message says it all
        d = d.replaceFirst("^unexpected [A-Za-z.]*(Exception|Error): ", "");
        // the position of an error at the end: "(function 3, ref.test at expression byte 12)"
        d = d.replaceFirst(" \\([^()\"]*\\)$", "");
        if (d.matches("(?s)result \\d+: expected .*")) {
            d = "wrong result";
        } else if (d.matches("(?s)expected \\d+ results, got .*")) {
            d = "wrong number of results";
        }
        d = d.replaceAll("no export named \"[^\"]*\"", "no export named ...");
        d = d.replaceAll(", got [A-Za-z]*(Exception|Error): ", ", got: ");
        d = d.replaceAll("\\b\\d+\\b", "N");
        return unexpected ? d : outcome.kind() + ": " + d;
    }
}
