package org.gradlab.grader.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gradlab.grader.run.SubmissionReport;

/**
 * A reports folder of {@code gradlab grade} read back: its run.json and every journaled report,
 * finished or not. What the IDE shows for an earlier run, or for a cancelled one before it is
 * resumed; the journal holds the full reports, so its gradebook equals the folder's gradebook.csv.
 *
 * @param reports  the journaled reports of the run's submissions, sorted by name
 * @param pending  the run's submissions without a journal entry (not graded yet), sorted
 * @param problems journal entries that cannot be used (unreadable, another seed); a rerun grades those again
 */
public record GradedRun(Path folder, RunInfo info, List<SubmissionReport> reports, List<String> pending,
        List<String> problems) {
    public GradedRun {
        reports = List.copyOf(reports);
        pending = List.copyOf(pending);
        problems = List.copyOf(problems);
    }

    /** Every submission of the run is graded with its seed. */
    public boolean complete() {
        return pending.isEmpty() && problems.isEmpty();
    }

    public int total() {
        return info.submissions().size();
    }

    /** @throws BatchException when {@code folder} is not a reports folder of a run */
    public static GradedRun read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new BatchException("reports folder " + folder + " does not exist");
        }
        RunInfo info = RunInfo.read(folder).orElseThrow(() -> new BatchException(folder
                + " is not a reports folder of `gradlab grade` (it has no " + RunInfo.FILE + ")"));
        Journal journal = new Journal(folder);
        List<SubmissionReport> reports = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String name : info.submissions().stream().sorted().toList()) {
            Journal.Entry e = journal.read(name);
            if (e.absent()) {
                pending.add(name);
            } else if (e.problem() != null) {
                problems.add(e.problem());
            } else if (e.report().seed() != info.seed()) {
                problems.add(journal.file(name) + " was graded with seed " + e.report().seed() + ", not the run's "
                        + info.seed());
            } else {
                reports.add(e.report());
            }
        }
        return new GradedRun(folder, info, reports, pending, problems);
    }
}
