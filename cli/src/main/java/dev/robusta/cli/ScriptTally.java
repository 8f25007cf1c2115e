package dev.robusta.cli;

import dev.robusta.testsuite.Outcome;
import java.util.LinkedHashMap;
import java.util.Map;

/** What became of the directives of one WAST script: counts, and the distinct reasons of failures and skips. */
final class ScriptTally {
    private final String file;
    private int passed;
    private int failed;
    private int skipped;
    private final Map<String, Integer> failures = new LinkedHashMap<>();
    private final Map<String, Integer> skips = new LinkedHashMap<>();

    ScriptTally(String file) {
        this.file = file;
    }

    void add(Outcome outcome) {
        switch (outcome.status()) {
            case PASSED:
                passed++;
                break;
            case FAILED:
                failed++;
                failures.merge(Reason.of(outcome), 1, Integer::sum);
                break;
            default:
                skipped++;
                skips.merge(Reason.of(outcome), 1, Integer::sum);
                break;
        }
    }

    String file() {
        return file;
    }

    int passed() {
        return passed;
    }

    int failed() {
        return failed;
    }

    int skipped() {
        return skipped;
    }

    /** The short reasons of the failures, with how many directives failed for each, in order of appearance. */
    Map<String, Integer> failures() {
        return failures;
    }

    /** The short reasons of the skips, with how many directives were skipped for each. */
    Map<String, Integer> skips() {
        return skips;
    }
}
