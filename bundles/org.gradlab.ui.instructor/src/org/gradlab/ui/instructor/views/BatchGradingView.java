package org.gradlab.ui.instructor.views;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.progress.IWorkbenchSiteProgressService;
import org.gradlab.grader.batch.BatchException;
import org.gradlab.grader.batch.GradeBatch;
import org.gradlab.grader.batch.GradedRun;
import org.gradlab.grader.report.AtomicFiles;
import org.gradlab.grader.report.Gradebook;
import org.gradlab.grader.report.ReportFiles;
import org.gradlab.grader.run.SubmissionGrader;
import org.gradlab.ui.instructor.BatchGradingJob;
import org.gradlab.ui.instructor.BatchRequest;
import org.gradlab.ui.instructor.BatchResult;

/**
 * GradLab Batch Grading: choose a class folder, seed and jobs, press Grade; the class is graded
 * in a background Job (as {@code gradlab grade}) and its gradebook fills the table as submissions
 * finish. Double click opens a submission's report; the gradebook exports as the grader's CSV.
 * Problems are said in the view's message line, never in a dialog.
 */
public final class BatchGradingView extends ViewPart {
    public static final String ID = "org.gradlab.ui.instructor.views.BatchGradingView";

    Text submissions;
    Text reports;
    Text seed;
    Spinner jobs;
    Button regrade;
    Button grade;
    Button cancel;
    Button openRun;
    Button export;
    Button summary;
    /** Errors: what is wrong and what to do. */
    Label message;
    /** Progress while grading, then what the run did. */
    Label status;
    GradebookTable table;

    /** The form as the last session left it (null: a fresh view). */
    private IMemento saved;
    private volatile BatchGradingJob job;
    private Gradebook shown = Gradebook.of(List.of());
    private Path shownReports;
    private boolean shownComplete;

    @Override
    public void init(IViewSite site, IMemento memento) throws PartInitException {
        super.init(site, memento);
        saved = memento;
    }

    /** The form's fields, so the next session starts where this one stopped (Grade then resumes). */
    @Override
    public void saveState(IMemento memento) {
        memento.putString("submissions", submissions.getText());
        memento.putString("reports", reports.getText());
        memento.putString("seed", seed.getText());
        memento.putInteger("jobs", jobs.getSelection());
    }

    private void restore() {
        if (saved == null) {
            return;
        }
        submissions.setText(nonNull(saved.getString("submissions")));
        reports.setText(nonNull(saved.getString("reports")));
        seed.setText(nonNull(saved.getString("seed")));
        Integer n = saved.getInteger("jobs");
        if (n != null) {
            jobs.setSelection(n);   // clamped to 1..cores by the Spinner
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite form = new Composite(parent, SWT.NONE);
        form.setLayout(new GridLayout(7, false));
        form.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        submissions = folderRow(form, "Submissions:", "folder with one subfolder or .zip per student");
        reports = folderRow(form, "Reports:", "default: next to the submissions, <submissions>-reports");
        submissions.addModifyListener(e -> updateReportsHint());

        new Label(form, SWT.NONE).setText("Seed:");
        seed = new Text(form, SWT.BORDER);
        seed.setMessage("random");
        seed.setToolTipText("Seed of the hidden cases: empty for a random one (shown after the run), or the seed of "
                + "an earlier run to replay it exactly");
        GridData seedData = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        seedData.widthHint = 180;
        seed.setLayoutData(seedData);
        new Label(form, SWT.NONE).setText("Jobs:");
        jobs = new Spinner(form, SWT.BORDER);
        jobs.setValues(GradeBatch.defaultJobs(), 1, Math.max(1, Runtime.getRuntime().availableProcessors()), 0, 1, 1);
        jobs.setToolTipText("Submissions graded at once, each in its own JVM");
        regrade = new Button(form, SWT.CHECK);
        regrade.setText("Regrade everything");
        regrade.setToolTipText("Ignore the journal of an earlier run in the reports folder and grade every submission again");
        regrade.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, true, false, 2, 1));

        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayout(new GridLayout(5, false));
        grade = button(buttons, "Grade", e -> grade());
        cancel = button(buttons, "Cancel", e -> cancelGrading());
        openRun = button(buttons, "Open Reports Folder…", e -> chooseRun());
        export = button(buttons, "Export Gradebook CSV…", e -> chooseExport());
        summary = button(buttons, "Open Summary", e -> openSummary());

        message = new Label(parent, SWT.WRAP);
        message.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        status = new Label(parent, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        status.setText("Choose the submissions folder and press Grade.");

        table = new GradebookTable(parent, this::openReport);
        table.table().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        restore();
        updateButtons();
    }

    private Text folderRow(Composite form, String label, String hint) {
        new Label(form, SWT.NONE).setText(label);
        Text text = new Text(form, SWT.BORDER);
        text.setMessage(hint);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1));
        button(form, "Browse…", e -> {
            DirectoryDialog d = new DirectoryDialog(form.getShell());
            d.setText(label.replace(":", ""));
            d.setFilterPath(text.getText().strip());
            String chosen = d.open();
            if (chosen != null) {
                text.setText(chosen);
            }
        });
        return text;
    }

    private static Button button(Composite parent, String text, org.eclipse.swt.widgets.Listener onClick) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, onClick);
        return b;
    }

    private void updateReportsHint() {
        String s = submissions.getText().strip();
        try {
            reports.setMessage(s.isEmpty() ? "default: next to the submissions, <submissions>-reports"
                    : "default: " + BatchRequest.defaultReports(Path.of(s)));
        } catch (RuntimeException invalid) {
            // an unfinished path: Grade says what is wrong with it
        }
    }

    /** The Grade button: checks the fields, then grades in a Job. */
    void grade() {
        if (job != null) {
            return;
        }
        clearMessage();
        BatchRequest request;
        try {
            request = BatchRequest.parse(submissions.getText(), reports.getText(), seed.getText(), jobs.getSelection(),
                    regrade.getSelection());
        } catch (IllegalArgumentException e) {
            showError(e.getMessage());
            return;
        }
        BatchGradingJob j = new BatchGradingJob(request, SubmissionGrader::new, snapshot -> inUi(() -> {
            if (job != null && job.request() == request) {
                show(Gradebook.of(snapshot.reports()), request.reports(), false);
                status.setText("Grading " + request.submissions() + ": " + snapshot.text());
            }
        }));
        j.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                inUi(() -> finished(j));
            }
        });
        job = j;
        regrade.setSelection(false);   // a one-off: the next Grade resumes
        status.setText("Grading " + request.submissions() + "…");
        updateButtons();
        IWorkbenchSiteProgressService progress = getSite().getService(IWorkbenchSiteProgressService.class);
        if (progress != null) {
            progress.schedule(j);   // the view shows itself busy; the Progress view can cancel too
        } else {
            j.schedule();
        }
    }

    void cancelGrading() {
        BatchGradingJob j = job;
        if (j != null) {
            j.cancel();
            status.setText("Cancelling: stopping the grading JVMs…");
        }
    }

    /** True while a batch is being graded. */
    public boolean isGrading() {
        return job != null;
    }

    private void finished(BatchGradingJob j) {
        if (job != j) {
            return;
        }
        job = null;
        BatchResult result = j.result();
        if (result == null) {
            showError("Grading did not start (the Job was cancelled before it ran).");
            status.setText("");
        } else if (result instanceof BatchResult.Failed failed) {
            showError(failed.message());
            status.setText("");
        } else if (result instanceof BatchResult.Graded graded) {
            show(Gradebook.of(graded.reports()), j.request().reports(), !graded.outcome().cancelled());
            status.setText(graded.message());
        }
        updateButtons();
        status.getParent().layout(true, true);
    }

    private void chooseRun() {
        DirectoryDialog d = new DirectoryDialog(getSite().getShell());
        d.setText("Open a reports folder of gradlab grade");
        d.setFilterPath(reports.getText().strip());
        String chosen = d.open();
        if (chosen != null) {
            openRun(Path.of(chosen));
        }
    }

    /** Shows an earlier (or unfinished) run from its reports folder. */
    void openRun(Path folder) {
        clearMessage();
        GradedRun run;
        try {
            run = GradedRun.read(folder.toAbsolutePath().normalize());
        } catch (BatchException e) {
            showError(e.getMessage());
            return;
        }
        reports.setText(run.folder().toString());
        show(Gradebook.of(run.reports()), run.folder(), run.complete());
        String text = "Run with seed " + run.info().seed() + " in " + run.folder() + ": " + run.reports().size() + " of "
                + run.total() + " submissions graded.";
        if (!run.pending().isEmpty()) {
            text += " " + run.pending().size() + " not graded yet: choose its submissions folder and press Grade to"
                    + " finish it.";
        }
        if (!run.problems().isEmpty()) {
            text += " To grade again: " + String.join("; ", run.problems()) + ".";
        }
        status.setText(text);
        updateButtons();
        status.getParent().layout(true, true);
    }

    private void chooseExport() {
        FileDialog d = new FileDialog(getSite().getShell(), SWT.SAVE);
        d.setText("Export the gradebook");
        d.setFilterExtensions(new String[] {"*.csv", "*"});
        d.setFileName(ReportFiles.GRADEBOOK);
        d.setOverwrite(true);
        String chosen = d.open();
        if (chosen != null) {
            exportTo(Path.of(chosen));
        }
    }

    /** Writes the gradebook shown as the grader's CSV (the same text as the reports folder's gradebook.csv). */
    void exportTo(Path file) {
        clearMessage();
        try {
            AtomicFiles.write(file.toAbsolutePath(), shown.csv());
            status.setText("Gradebook of " + shown.rows().size() + " submissions written to " + file.toAbsolutePath()
                    + ".");
        } catch (IOException | RuntimeException e) {
            showError("Cannot write the gradebook to " + file + ": " + e.getMessage());
        }
    }

    void openSummary() {
        clearMessage();
        Path html = shownReports == null ? null : shownReports.resolve(ReportFiles.SUMMARY);
        if (html == null || !Files.isRegularFile(html)) {
            showError("No summary.html yet" + (shownReports == null ? "" : " in " + shownReports)
                    + ": it is written when every submission is graded.");
            return;
        }
        try {
            ReportOpener.openSummary(getSite().getPage(), html);
        } catch (PartInitException e) {
            showError("Cannot open " + html + ": " + e.getMessage());
        }
    }

    /** Double click on a row. */
    void openReport(Gradebook.Row row) {
        clearMessage();
        Path file = shownReports == null ? null : ReportOpener.submissionReport(shownReports, row.student());
        if (file == null) {
            showError("No report of " + row.student() + " in " + shownReports + ".");
            return;
        }
        try {
            ReportOpener.openAsText(getSite().getPage(), file);
        } catch (PartInitException e) {
            showError("Cannot open " + file + ": " + e.getMessage());
        }
    }

    private void show(Gradebook gradebook, Path folder, boolean complete) {
        shown = gradebook;
        shownReports = folder;
        shownComplete = complete;
        table.show(gradebook);
        updateButtons();
    }

    /** The gradebook in the table (in the grader's order, whatever the sorting). */
    public Gradebook shownGradebook() {
        return shown;
    }

    private void updateButtons() {
        boolean running = job != null;
        grade.setEnabled(!running);
        cancel.setEnabled(running);
        openRun.setEnabled(!running);
        export.setEnabled(!running && shownComplete && !shown.rows().isEmpty());
        summary.setEnabled(!running && shownComplete && shownReports != null);
    }

    private void showError(String text) {
        message.setText(text);
        message.getParent().layout(true, true);
    }

    private void clearMessage() {
        message.setText("");
    }

    private void inUi(Runnable r) {
        if (message.isDisposed()) {
            return;
        }
        Display display = message.getDisplay();
        display.asyncExec(() -> {
            if (!message.isDisposed()) {
                r.run();
            }
        });
    }

    @Override
    public void setFocus() {
        (submissions.getText().isBlank() ? submissions : grade).setFocus();
    }

    @Override
    public void dispose() {
        BatchGradingJob j = job;
        if (j != null) {
            j.cancel();   // no orphaned grading JVMs; the journal keeps what finished
        }
        super.dispose();
    }
}
