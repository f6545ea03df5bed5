package org.gradlab.ui.instructor.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.editors.text.EditorsUI;
import org.gradlab.grader.batch.Journal;
import org.gradlab.grader.report.ReportFiles;
import org.gradlab.grader.report.Scores;
import org.gradlab.ui.instructor.tests.Screenshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch view driven like a teacher does, in a real workbench (UI harness, on the UI thread):
 * fields typed, buttons pressed, the display pumped while the grading Job runs real sandboxed
 * grading JVMs on copies of the repository's examples/submissions.
 */
class BatchGradingViewTest {
    /** The fragment runs in bundles/org.gradlab.ui.instructor.tests. */
    private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    private static final Path EXAMPLES = REPO.resolve("examples/submissions");

    @TempDir
    Path tmp;

    private IWorkbenchPage page;
    private BatchGradingView view;
    private Display display;

    @BeforeEach
    void openView() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "active workbench window");
        page = window.getActivePage();
        page.closeAllEditors(false);
        view = assertInstanceOf(BatchGradingView.class, page.showView(BatchGradingView.ID));
        display = window.getShell().getDisplay();
        window.getShell().setBounds(0, 0, 1280, 900);
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        view.submissions.setText("");
        view.reports.setText("");
        view.seed.setText("");
        view.regrade.setSelection(false);
        settle();
    }

    @AfterEach
    void closeView() {
        page.closeAllEditors(false);
        page.hideView(view);
    }

    @Test
    void gradesTheExampleSubmissionsWithTheGradersNumbersSortsExportsAndOpensReports() throws Exception {
        Path subs = copy(EXAMPLES, tmp.resolve("class"));
        int count = submissionCount(subs);
        long start = System.nanoTime();
        grade(subs, "", "42", 2);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals("", view.message.getText());
        String status = view.status.getText();
        assertTrue(status.startsWith("Graded " + count + " of " + count + " submissions with seed 42"), status);

        Path reports = tmp.resolve("class-reports");   // the default: next to the class folder
        Path csv = reports.resolve(ReportFiles.GRADEBOOK);
        assertTrue(Files.isRegularFile(csv), "the grader wrote " + csv);
        Table table = view.table.table();
        assertEquals(count, table.getItemCount(), "one row per submission");
        assertEquals(csvAsTable(Files.readString(csv)), tableAsCsvColumns(table),
                "the table shows the grader's gradebook.csv, cell for cell");

        String max = Scores.format(view.shownGradebook().maxTotal());
        assertEquals(max, cell(table, "reference-solution", "Total"), "the reference solution earns full marks");
        assertEquals(max, cell(table, "loop-style", "Total"));
        assertEquals("0", cell(table, "untouched-stubs", "Total"));
        assertTrue(cell(table, "adversarial-infinite-loop", "Notes").contains("03-activations timed out"),
                cell(table, "adversarial-infinite-loop", "Notes"));
        assertTrue(cell(table, "adversarial-zip-bomb", "Notes").contains("zip bomb"),
                cell(table, "adversarial-zip-bomb", "Notes"));

        clickHeader(table, "Total");   // best first
        List<Double> totals = column(table, "Total").stream().map(Double::parseDouble).toList();
        for (int i = 1; i < totals.size(); i++) {
            assertTrue(totals.get(i - 1) >= totals.get(i), "sorted by total, descending: " + totals);
        }
        assertEquals(max, column(table, "Total").get(0));
        assertEquals(SWT.DOWN, table.getSortDirection());
        clickHeader(table, "Total");   // again: the other way
        assertEquals("0", column(table, "Total").get(0));
        clickHeader(table, "Student");
        List<String> names = column(table, "Student");
        assertEquals(names.stream().sorted().toList(), names);
        settle();
        Path png = Screenshots.save(view.getSite().getShell(), "BatchGradingView.png");
        assertTrue(Screenshots.distinctColours(png) > 16, "the screenshot shows the view, not a blank window");

        Path exported = tmp.resolve("export/gradebook-for-moodle.csv");
        Files.createDirectories(exported.getParent());
        assertTrue(view.export.isEnabled());
        view.exportTo(exported);
        assertEquals(Files.readString(csv), Files.readString(exported), "export writes the grader's gradebook.csv");

        doubleClickRow(table, "reference-solution");
        IEditorPart report = page.getActiveEditor();
        assertNotNull(report, "double click opened the report");
        assertEquals(EditorsUI.DEFAULT_TEXT_EDITOR_ID, report.getSite().getId());
        assertEquals(reports.resolve("reference-solution/results.json").toUri().normalize(),
                ((IURIEditorInput) report.getEditorInput()).getURI().normalize());

        click(view.summary);
        HtmlReportEditor summary = assertInstanceOf(HtmlReportEditor.class, page.getActiveEditor());
        assertNotNull(summary.browser(), "WebKitGTK shows the summary");
        pumpUntil(() -> summary.browser().getUrl().endsWith(ReportFiles.SUMMARY), 20);
        pumpUntil(() -> String.valueOf(summary.browser().evaluate("return document.body.innerText;"))
                .contains("reference-solution"), 20);
        settle();
        Screenshots.save(view.getSite().getShell(), "BatchGradingSummary.png");
        assertEquals("", view.message.getText());

        writeTiming(status, seconds, Files.readString(csv));
    }

    @Test
    void cancelKeepsTheFinishedSubmissionsAndGradeResumes() throws Exception {
        Path subs = tmp.resolve("four");
        Files.createDirectories(subs);
        for (String zip : List.of("buggy-halfway.zip", "loop-style.zip", "reference-solution.zip", "untouched-stubs.zip")) {
            Files.copy(EXAMPLES.resolve(zip), subs.resolve(zip));
        }
        Path reports = tmp.resolve("four-reports");
        view.submissions.setText(subs.toString());
        view.seed.setText("7");
        view.jobs.setSelection(1);
        click(view.grade);
        assertFalse(view.grade.isEnabled(), "Grade is disabled while grading");
        assertTrue(view.cancel.isEnabled());
        pumpUntil(() -> view.table.table().getItemCount() >= 1 || !view.isGrading(), 300);
        assertTrue(view.isGrading(), "still grading after the first submission: " + view.status.getText());
        assertTrue(view.status.getText().contains("graded 1 of 4 — buggy-halfway"), view.status.getText());
        click(view.cancel);
        pumpUntil(() -> !view.isGrading(), 60);

        String status = view.status.getText();
        assertTrue(status.startsWith("Cancelled: "), status);
        int done = view.table.table().getItemCount();
        assertTrue(done >= 1 && done < 4, "rows after the cancel: " + done);
        assertTrue(status.contains(done + " of 4 submissions graded (seed 7)"), status);
        assertEquals("", view.message.getText(), "a cancel is no error");
        assertFalse(Files.exists(reports.resolve(ReportFiles.GRADEBOOK)), "no gradebook for a cancelled run");
        assertFalse(view.export.isEnabled(), "a partial gradebook is not exported");
        try (Stream<Path> journal = Files.list(reports.resolve(Journal.DIR))) {
            assertEquals(done, journal.filter(p -> p.toString().endsWith(".json")).count());
        }
        assertNoDialog();

        click(view.grade);
        pumpUntil(() -> !view.isGrading(), 300);
        status = view.status.getText();
        assertTrue(status.startsWith("Graded 4 of 4 submissions with seed 7"), status);
        assertTrue(status.contains(done + " resumed from the journal"), status);
        assertEquals(4, view.table.table().getItemCount());
        assertEquals(csvAsTable(Files.readString(reports.resolve(ReportFiles.GRADEBOOK))),
                tableAsCsvColumns(view.table.table()));

        // The same run, opened later from its folder.
        view.openRun(reports);
        assertTrue(view.status.getText().contains("4 of 4 submissions graded"), view.status.getText());
        assertEquals(4, view.table.table().getItemCount());
    }

    @Test
    void badInputIsExplainedInTheViewWithoutADialog() throws Exception {
        click(view.grade);
        assertTrue(view.message.getText().startsWith("Choose the submissions folder"), view.message.getText());

        grade(tmp.resolve("no-such-class"), "", "", 1);
        assertTrue(view.message.getText().contains("no-such-class does not exist"), view.message.getText());

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        grade(empty, "", "", 1);
        assertTrue(view.message.getText().startsWith("no submissions in " + empty), view.message.getText());

        Path subs = Files.createDirectories(tmp.resolve("class/alice/src"));
        view.submissions.setText(subs.getParent().getParent().toString());
        view.seed.setText("twelve");
        click(view.grade);
        assertEquals("Seed: expected a whole number (64-bit) or nothing for a random seed, got 'twelve'.",
                view.message.getText());
        assertFalse(view.isGrading());

        grade(tmp.resolve("class"), tmp.resolve("class/reports").toString(), "", 1);
        assertTrue(view.message.getText().contains("is inside SUBMISSIONS"), "the grader's own message: "
                + view.message.getText());

        view.openRun(tmp);
        assertTrue(view.message.getText().contains("has no run.json"), view.message.getText());
        assertNoDialog();
        assertTrue(view.grade.isEnabled());
    }

    // ---- driving the view ----

    private void grade(Path submissions, String reports, String seed, int jobs) throws Exception {
        view.submissions.setText(submissions.toString());
        view.reports.setText(reports);
        view.seed.setText(seed);
        view.jobs.setSelection(jobs);
        click(view.grade);
        pumpUntil(() -> !view.isGrading(), 540);
        settle();
    }

    private void click(Button b) {
        assertTrue(b.isEnabled(), b.getText() + " is enabled");
        b.notifyListeners(SWT.Selection, new Event());
    }

    private static void clickHeader(Table table, String header) {
        table.getColumn(columnIndex(table, header)).notifyListeners(SWT.Selection, new Event());
    }

    /** What a double click does: the row selected, then the default selection (Enter / double click). */
    private static void doubleClickRow(Table table, String student) {
        int row = column(table, "Student").indexOf(student);
        table.setSelection(row);
        Event e = new Event();
        e.item = table.getItem(row);
        table.notifyListeners(SWT.DefaultSelection, e);
    }

    private void pumpUntil(BooleanSupplier done, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not done after " + seconds + " s; status: "
                    + view.status.getText() + "; message: " + view.message.getText());
            if (!display.readAndDispatch()) {
                Thread.sleep(20);
            }
        }
    }

    private void settle() throws InterruptedException {
        for (int round = 0; round < 10; round++) {
            while (display.readAndDispatch()) {
                // drain
            }
            Thread.sleep(30);
        }
    }

    /** Only the workbench window is open: no error (or any other) dialog came up. */
    private void assertNoDialog() {
        List<String> shells = new ArrayList<>();
        for (Shell s : display.getShells()) {
            if (s.isVisible()) {
                shells.add(s.getText());
            }
        }
        assertEquals(1, shells.size(), "open shells: " + shells);
    }

    // ---- reading the table and the CSV ----

    private static int columnIndex(Table table, String header) {
        for (int i = 0; i < table.getColumnCount(); i++) {
            if (table.getColumn(i).getText().equals(header)) {
                return i;
            }
        }
        throw new AssertionError("no column " + header);
    }

    private static List<String> column(Table table, String header) {
        int c = columnIndex(table, header);
        return Arrays.stream(table.getItems()).map(item -> item.getText(c)).toList();
    }

    private static String cell(Table table, String student, String header) {
        for (TableItem item : table.getItems()) {
            if (item.getText(0).equals(student)) {
                return item.getText(columnIndex(table, header));
            }
        }
        throw new AssertionError("no row " + student);
    }

    /** header → column of cells, in row order. The examples' names need no CSV quoting (checked). */
    private static Map<String, List<String>> csvAsTable(String csv) {
        assertFalse(csv.contains("\""), "no quoted fields expected");
        List<String[]> rows = Arrays.stream(csv.split("\r\n")).map(line -> line.split(",", -1)).toList();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        String[] header = rows.get(0);
        for (int c = 0; c < header.length; c++) {
            List<String> cells = new ArrayList<>();
            for (String[] row : rows.subList(1, rows.size())) {
                cells.add(row[c]);
            }
            columns.put(header[c], cells);
        }
        return columns;
    }

    /** The table's columns that the CSV has (all but Notes), in the CSV's column order, rows by name. */
    private static Map<String, List<String>> tableAsCsvColumns(Table table) {
        List<TableItem> items = Arrays.stream(table.getItems())
                .sorted((a, b) -> a.getText(0).compareTo(b.getText(0))).toList();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        List<String> headers = new ArrayList<>();
        for (int c = 0; c < table.getColumnCount(); c++) {
            headers.add(table.getColumn(c).getText());
        }
        headers.remove("Notes");
        headers.remove("Total");
        headers.add("Total");
        for (String h : headers) {
            int c = columnIndex(table, h);
            columns.put(h, items.stream().map(i -> i.getText(c)).toList());
        }
        return columns;
    }

    // ---- files ----

    /** Copies a folder tree; symbolic links are copied as links (the grader refuses them either way). */
    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

    private static int submissionCount(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return (int) s.filter(p -> Files.isDirectory(p) || p.toString().endsWith(".zip")).count();
        }
    }

    /** For the report: the view's wall time and gradebook, next to the screenshots. */
    private static void writeTiming(String status, double seconds, String csv) throws IOException {
        Path dir = Files.createDirectories(Path.of(System.getProperty("gradlab.test.output", "target/batch-grading")));
        Files.writeString(dir.resolve("gradebook.csv"), csv);
        Files.writeString(dir.resolve("timing.txt"), String.format(java.util.Locale.ROOT,
                "Grade pressed to table filled: %.1f s%n%s%n", seconds, status));
        System.out.printf(java.util.Locale.ROOT, "batch view: %.1f s; %s%n", seconds, status);
    }
}
