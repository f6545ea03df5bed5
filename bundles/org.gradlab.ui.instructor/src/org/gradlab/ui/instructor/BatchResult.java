package org.gradlab.ui.instructor;

import java.util.List;
import java.util.Locale;

import org.gradlab.grader.batch.GradeBatch;
import org.gradlab.grader.batch.Journal;
import org.gradlab.grader.run.SubmissionReport;

/** How a batch-grading Job ended, in words for the view's status line. */
public sealed interface BatchResult {
    /** The line the view shows. */
    String message();

    /** The reports to show in the table: every finished submission, or none. */
    List<SubmissionReport> reports();

    /**
     * The batch ran to its end or was cancelled.
     *
     * @param total    submissions in the class folder
     * @param warnings what the grader warned about (e.g. an unreadable journal entry graded again)
     */
    record Graded(BatchRequest request, GradeBatch.Outcome outcome, int total, List<String> warnings)
            implements BatchResult {
        public Graded {
            warnings = List.copyOf(warnings);
        }

        @Override
        public List<SubmissionReport> reports() {
            return outcome.reports();
        }

        @Override
        public String message() {
            long seed = outcome.seed();
            String warned = warnings.isEmpty() ? "" : " Warnings: " + String.join("; ", warnings) + ".";
            if (outcome.cancelled()) {
                return "Cancelled: " + outcome.reports().size() + " of " + total + " submissions graded (seed " + seed
                        + "). Press Grade to resume; the finished ones are kept in "
                        + request.reports().resolve(Journal.DIR) + "." + warned;
            }
            String resumed = outcome.reused() == 0 ? "" : "; " + outcome.reused() + " resumed from the journal";
            return String.format(Locale.ROOT, "Graded %d of %d submissions with seed %d in %.1f s (%d job%s%s). Reports in %s.",
                    outcome.reports().size(), total, seed, outcome.wallMillis() / 1000.0, request.jobs(),
                    request.jobs() == 1 ? "" : "s", resumed, request.reports()) + warned;
        }
    }

    /** Nothing was graded or the grader stopped: the message says why and what to do. */
    record Failed(String message) implements BatchResult {
        @Override
        public List<SubmissionReport> reports() {
            return List.of();
        }
    }
}
