package org.gradlab.ui.instructor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.runtime.SubMonitor;
import org.gradlab.grader.batch.BatchException;
import org.gradlab.grader.batch.BatchListener;
import org.gradlab.grader.batch.GradedRun;
import org.gradlab.grader.run.SubmissionReport;

/**
 * Turns a batch's events into Job progress ("graded 7 of 23 — alice") and into snapshots of the
 * finished reports, so the view's table fills while the class is graded. The grader calls
 * {@link #finished} from its worker threads, hence the synchronisation.
 */
public final class BatchProgress implements BatchListener {
    /** What the view shows while grading: the finished reports (sorted by name) and a progress line. */
    public record Snapshot(List<SubmissionReport> reports, String text) {
    }

    private final SubMonitor monitor;
    private final Path reportsFolder;
    private final Consumer<Snapshot> onChange;
    private final List<SubmissionReport> finished = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private int total;

    BatchProgress(SubMonitor monitor, Path reportsFolder, Consumer<Snapshot> onChange) {
        this.monitor = monitor;
        this.reportsFolder = reportsFolder;
        this.onChange = onChange;
    }

    /** "graded 7 of 23 — alice" */
    static String progressText(int done, int total, String last) {
        return "graded " + done + " of " + total + (last == null ? "" : " — " + last);
    }

    @Override
    public synchronized void started(long seed, boolean freshSeed, int selected, int reused, int toGrade, int jobs) {
        total = selected;
        monitor.setTaskName("Grading " + toGrade + " of " + selected + " submissions (seed " + seed + ", " + jobs
                + " job" + (jobs == 1 ? "" : "s") + ")");
        monitor.setWorkRemaining(Math.max(toGrade, 1));
        if (reused > 0) {
            // The journal's reports with this seed: the ones this run takes over from an earlier one.
            try {
                finished.addAll(GradedRun.read(reportsFolder).reports());
            } catch (BatchException e) {
                warnings.add(e.getMessage());
            }
        }
        publish(null);
    }

    @Override
    public synchronized void warning(String message) {
        warnings.add(message);
    }

    @Override
    public synchronized void finished(SubmissionReport report, long millis) {
        finished.add(report);
        monitor.worked(1);
        publish(report.name());
    }

    synchronized int total() {
        return total;
    }

    synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    private void publish(String last) {
        String text = progressText(finished.size(), total, last);
        monitor.subTask(text);
        List<SubmissionReport> sorted = finished.stream().sorted(Comparator.comparing(SubmissionReport::name)).toList();
        onChange.accept(new Snapshot(sorted, text));
    }
}
