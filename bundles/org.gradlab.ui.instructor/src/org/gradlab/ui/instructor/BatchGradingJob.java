package org.gradlab.ui.instructor;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.gradlab.grader.batch.BatchException;
import org.gradlab.grader.batch.GradeBatch;
import org.gradlab.grader.batch.GradingAborted;
import org.gradlab.grader.batch.Journal;
import org.gradlab.grader.run.SubmissionGrading;

/**
 * Grades a class folder in the background, like {@code gradlab grade}: each submission in its
 * own sandboxed JVM, journaled as it finishes. Cancelling (the view's button or the Progress
 * view's) kills the running grading JVMs and keeps the journal, so the next run resumes.
 * Every outcome, failures included, ends as a {@link BatchResult} for the view to show inline:
 * the Job's own status is never an error, so the workbench shows no error dialog.
 */
public final class BatchGradingJob extends Job {
    /** The family of every batch-grading Job (to find, join or cancel them). */
    public static final Object FAMILY = BatchGradingJob.class;

    private final BatchRequest request;
    private final Supplier<? extends SubmissionGrading> grading;
    private final Consumer<BatchProgress.Snapshot> onProgress;
    private volatile BatchResult result;

    /**
     * @param grading    makes the grader when the Job starts (the real one finds its JVM's classpath then)
     * @param onProgress called from grading threads with each new snapshot
     */
    public BatchGradingJob(BatchRequest request, Supplier<? extends SubmissionGrading> grading,
            Consumer<BatchProgress.Snapshot> onProgress) {
        super("Grading " + request.submissions().getFileName());
        this.request = request;
        this.grading = grading;
        this.onProgress = onProgress;
    }

    public BatchRequest request() {
        return request;
    }

    /** Null until the Job has run. */
    public BatchResult result() {
        return result;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor sub = SubMonitor.convert(monitor, "Grading " + request.submissions(), 1);
        result = grade(sub, monitor);
        monitor.done();
        return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
    }

    private BatchResult grade(SubMonitor sub, IProgressMonitor monitor) {
        String resume = " Finished submissions are journaled in " + request.reports().resolve(Journal.DIR)
                + "; press Grade to resume.";
        try {
            SubmissionGrading g = grading.get();
            BatchProgress progress = new BatchProgress(sub, request.reports(), onProgress);
            GradeBatch.Outcome o = GradeBatch.run(request.options(), g, progress, monitor::isCanceled);
            return new BatchResult.Graded(request, o, progress.total(), progress.warnings());
        } catch (BatchException e) {
            // The grader speaks the CLI's options; say which of this view's fields they are.
            String hint = e.getMessage().contains("--regrade") ? " (here: tick Regrade everything, or empty the Seed)"
                    : "";
            return new BatchResult.Failed(e.getMessage() + hint);
        } catch (GradingAborted e) {
            return new BatchResult.Failed("The grader stopped: " + e.getMessage() + "." + resume);
        } catch (IOException e) {
            return new BatchResult.Failed("Cannot write the reports in " + request.reports() + ": " + e.getMessage()
                    + "." + resume);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new BatchResult.Failed("Grading was interrupted." + resume);
        } catch (RuntimeException e) {
            // A bug or a broken installation (e.g. the grader's classes not found): the trace goes to the
            // error log for whoever fixes it, the view says what happened.
            ILog.of(BatchGradingJob.class).error("Batch grading of " + request.submissions() + " failed", e);
            return new BatchResult.Failed("Cannot grade: " + e.getMessage() + " (details in the Error Log)." + resume);
        }
    }
}
