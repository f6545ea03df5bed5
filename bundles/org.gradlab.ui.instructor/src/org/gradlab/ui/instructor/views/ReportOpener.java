package org.gradlab.ui.instructor.views;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.filesystem.IFileStore;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.ui.ide.FileStoreEditorInput;
import org.gradlab.grader.batch.Journal;
import org.gradlab.grader.report.ReportFiles;

/**
 * Opens what a reports folder holds in the workbench's editors: a submission's report as text
 * (its Gradescope results.json; while a run is unfinished only its journal entry exists, the
 * full report in the grader's own JSON) and the class summary in {@link HtmlReportEditor}.
 */
final class ReportOpener {
    private ReportOpener() {
    }

    /** The file that shows {@code student}'s report: results.json, else its journal entry; null when neither exists. */
    static Path submissionReport(Path reports, String student) {
        Path results = reports.resolve(student).resolve(ReportFiles.RESULTS);
        if (Files.isRegularFile(results)) {
            return results;
        }
        Path journal = new Journal(reports).file(student);
        return Files.isRegularFile(journal) ? journal : null;
    }

    static IEditorPart openAsText(IWorkbenchPage page, Path file) throws PartInitException {
        return page.openEditor(input(file), EditorsUI.DEFAULT_TEXT_EDITOR_ID);
    }

    static IEditorPart openSummary(IWorkbenchPage page, Path summaryHtml) throws PartInitException {
        return page.openEditor(input(summaryHtml), HtmlReportEditor.ID);
    }

    private static FileStoreEditorInput input(Path file) {
        IFileStore store = EFS.getLocalFileSystem().getStore(file.toUri());
        return new FileStoreEditorInput(store);
    }
}
