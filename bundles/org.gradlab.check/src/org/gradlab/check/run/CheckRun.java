package org.gradlab.check.run;

import java.time.Duration;
import java.util.List;

import org.gradlab.check.selfcheck.ExerciseReport;

/**
 * How a check went: the reports of the exercises it reached (in order; those not reached are
 * absent), whether it was cancelled, and {@code problem} — null when the check ran to its end,
 * else one human line on why it did not ("the check JVM died (exit 137) after 03-activations: …").
 */
public record CheckRun(List<ExerciseReport> reports, boolean cancelled, String problem, Duration elapsed) {

    public CheckRun {
        reports = List.copyOf(reports);
    }

    /** Ran to its end, not cancelled. */
    public boolean complete() {
        return !cancelled && problem == null;
    }
}
