package dev.robusta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.runtime.internal.PhaseTimer;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimingTest {
    @Test
    void requested_byTheVariableOrTheProperty() {
        assertTrue(Timing.requested("1", null));
        assertTrue(Timing.requested(null, "true"));
        assertFalse(Timing.requested(null, null));
        assertFalse(Timing.requested("", "false"));
        assertFalse(Timing.requested("0", null));
    }

    @Test
    void report_listsThePhasesAndTheirTotal() {
        String report = Timing.report(40, List.of(new PhaseTimer.Phase("decode", 2_500_000),
                new PhaseTimer.Phase("run", 7_500_000)), List.of());
        assertEquals("robusta: timing (wall ms)\n"
                + "  JVM start to main                       40.0\n"
                + "  decode                                   2.5\n"
                + "  run                                      7.5\n"
                + "  total (JVM start to exit)               50.0\n", report);
    }

    @Test
    void report_withoutTheJvmStart_totalsFromMain() {
        String report = Timing.report(-1, List.of(new PhaseTimer.Phase("run", 1_000_000)), List.of());
        assertTrue(report.endsWith("  total (main to exit)                     1.0\n"), report);
    }

    @Test
    void report_listsThePartsWithinThePhases_afterTheTotal() {
        String report = Timing.report(40, List.of(new PhaseTimer.Phase("run", 10_000_000)),
                List.of(new PhaseTimer.Part("generating classes", 3, 4_200_000)));
        assertEquals("robusta: timing (wall ms)\n"
                + "  JVM start to main                       40.0\n"
                + "  run                                     10.0\n"
                + "  total (JVM start to exit)               50.0\n"
                + "  within the phases:\n"
                + "    generating classes (3)                 4.2\n", report);
    }
}
