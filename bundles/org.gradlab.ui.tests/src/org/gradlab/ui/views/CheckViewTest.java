package org.gradlab.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.ISeries;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.ui.keys.IBindingService;
import org.eclipse.ui.part.ISetSelectionTarget;
import org.eclipse.ui.texteditor.ITextEditor;
import org.gradlab.check.selfcheck.Curve;
import org.gradlab.check.selfcheck.ExerciseReport;
import org.gradlab.check.selfcheck.ExerciseReport.Status;
import org.gradlab.ui.check.CheckJob;
import org.gradlab.ui.check.CheckRunRecord;
import org.gradlab.ui.check.CheckService;
import org.gradlab.ui.check.CheckTarget;
import org.gradlab.ui.check.GradLabTestProject;
import org.gradlab.ui.check.RecordingRunner;
import org.gradlab.ui.tests.EventLoop;
import org.gradlab.ui.tests.Measurements;
import org.gradlab.ui.tests.Screenshots;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The GradLab view in a real workbench (tycho-surefire UI harness, on the UI thread): the Check
 * command on a selected project, the tree, counter bar, details and chart as results stream in,
 * double click to the method, the history; screenshots of the failing and the green run.
 */
class CheckViewTest {
    private static final String ACTIVATIONS = "03-activations";
    private static GradLabTestProject ws;
    private static IWorkbenchWindow window;
    private static CheckView view;

    @BeforeAll
    static void open() throws Exception {
        assertTrue(PlatformUI.isWorkbenchRunning(), "workbench running");
        window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        window.getShell().setBounds(0, 0, 1280, 1000);
        ws = GradLabTestProject.create("gradlab-view", "01-autodiff", ACTIVATIONS);
        RecordingRunner.install(Duration.ofSeconds(20));
        IViewPart part = window.getActivePage().showView(CheckView.ID);
        view = assertInstanceOf(CheckView.class, part);
        EventLoop.settle();
    }

    @AfterAll
    static void reset() {
        RecordingRunner.uninstall();
    }

    private static CheckRunRecord runAndShow(CheckJob job) {
        EventLoop.until(() -> job.getState() == Job.NONE && view.shownRun() == job.record()
                && job.record().finished(), Duration.ofSeconds(60), job.getName());
        EventLoop.settle(); // the last asyncExecs: refresh, selection of the first failure, chart
        return job.record();
    }

    private static List<String> rootTexts() {
        Tree tree = view.getViewer().getTree();
        return Arrays.stream(tree.getItems()).map(TreeItem::getText).toList();
    }

    @Test
    void aSelectionSpanningTwoProjectsChecksOneAndTheStatusLineSaysSo() throws Exception {
        ws.resetToStubs();
        IProject other = GradLabTestProject.create("gradlab-view-other", "01-autodiff").project;
        try {
            IWorkbenchPage page = window.getActivePage();
            IViewPart explorer = page.showView("org.eclipse.ui.navigator.ProjectExplorer");
            ((ISetSelectionTarget) explorer).selectReveal(new StructuredSelection(List.of(
                    ws.project.getFolder("exercises/" + ACTIVATIONS), other.getFolder("exercises/01-autodiff"))));
            EventLoop.settle();
            assertEquals(2, ((IStructuredSelection) page.getSelection()).size(), "both folders selected");
            PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(
                    "org.gradlab.ui.commands.check", null);
            CheckRunRecord run = runAndShow(CheckService.get().current());
            String checked = run.project();
            String leftOut = checked.equals(ws.project.getName()) ? other.getName() : ws.project.getName();
            String note = "checked " + checked + " only, not " + leftOut + ": a Check runs on one project at a time;"
                    + " select items of one project";
            assertEquals(note, run.note());
            assertEquals(1, run.reports().size(), "one exercise of one project: " + run.reports());
            String status = view.counter().statusText();
            assertTrue(status.startsWith(run.label() + ": 1 exercise checked in ") && status.endsWith(" (" + note + ")"),
                    status);
        } finally {
            other.delete(true, true, null);
        }
    }

    @Test
    void theCheckCommandOnTheSelectedProjectShowsNotStartedExercisesAndTheCounts() throws Exception {
        ws.resetToStubs();
        IWorkbenchPage page = window.getActivePage();
        IViewPart explorer = page.showView("org.eclipse.ui.navigator.ProjectExplorer");
        ((ISetSelectionTarget) explorer).selectReveal(new StructuredSelection(ws.project));
        EventLoop.settle();
        long t0 = System.nanoTime();
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.gradlab.ui.commands.check",
                null);
        CheckJob job = CheckService.get().current();
        assertEquals(new CheckTarget(ws.project, List.of()).label(), job.record().label(), "the whole project");
        CheckRunRecord run = runAndShow(job);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Measurements.report("check-to-last-result-stubs-2-exercises", seconds);

        List<String> roots = rootTexts();
        assertEquals(2, roots.size(), roots.toString());
        assertTrue(roots.get(0).startsWith("01-autodiff  ") && roots.get(0).endsWith("(not started)"),
                roots.toString());
        assertEquals("03-activations  Activation functions  (not started)", roots.get(1));
        assertEquals("Exercises: 2/2    Passed: 0    In progress: 0    Failed: 0    Not started: 2",
                view.counter().countsText());
        assertTrue(view.counter().statusText().startsWith("gradlab-view: 2 exercises checked in "),
                view.counter().statusText());
        assertEquals(2, run.reports().size());
        // Alt+Shift+X G (GTK formats it "Shift+Alt+X G")
        assertTrue(Arrays.asList(PlatformUI.getWorkbench().getService(IBindingService.class)
                .getActiveBindingsFor("org.gradlab.ui.commands.check")).contains(KeySequence.getInstance("M2+M3+X G")),
                "key binding");
    }

    @Test
    void aKnownWrongSignShowsTheFailureItsDiagnosisAChartAndOpensTheMethodThenTheFixGoesGreen() throws Exception {
        ws.resetToStubs();
        ws.overlaySolution(ACTIVATIONS);
        ws.applyVariant(ACTIVATIONS, "sigmoid-backward-sign");
        CheckRunRecord run = runAndShow(CheckService.get().check(CheckTarget.of(ws.project, ACTIVATIONS)));
        assertEquals(Status.FAILED, run.reports().get(0).status());

        // the first failure is selected: Sigmoid's failed aspect, with the diagnosis and a scatter chart
        IStructuredSelection selection = view.getViewer().getStructuredSelection();
        ResultNode.Aspect aspect = assertInstanceOf(ResultNode.Aspect.class, selection.getFirstElement());
        assertEquals("activations.Sigmoid", aspect.parent().report().className());
        assertTrue(ResultText.diagnosis(aspect).contains("sign flipped"), ResultText.diagnosis(aspect));
        assertTrue(view.details().getText().contains("Diagnosis: sign flipped"), view.details().getText());
        assertTrue(ResultText.worst(aspect).contains("expected "), ResultText.worst(aspect));
        Chart chart = view.chart().charts().get(0);
        ISeries<?> points = chart.getSeriesSet().getSeries(ChartPane.POINTS);
        assertNotNull(points, "scatter series");
        assertEquals(aspect.item().evidence().expectedValues().length, points.getXSeries().length);
        assertTrue(points.getXSeries().length > 0);
        // a flipped sign: every point lies on y = -x·(something ≥ 0): actual and expected never agree in sign
        double[] x = points.getXSeries();
        double[] y = points.getYSeries();
        for (int i = 0; i < x.length; i++) {
            assertTrue(x[i] * y[i] <= 1e-12, "point " + i + ": " + x[i] + ", " + y[i]);
        }
        assertEquals(new RGB(207, 34, 46), view.counter().barColor().getRGB(), "red bar");
        Path failed = screenshot("check-view-failed.png");
        assertTrue(Screenshots.distinctPixels(new ImageLoader().load(failed.toString())[0]) > 16, "a real picture");

        // double click: the Java editor at Sigmoid.backward
        assertTrue(ResultOpener.open(window.getActivePage(), aspect).isEmpty());
        EventLoop.settle();
        IEditorPart editor = window.getActivePage().getActiveEditor();
        assertEquals("Sigmoid.java", editor.getEditorInput().getName());
        ITextSelection at = (ITextSelection) ((ITextEditor) editor).getSelectionProvider().getSelection();
        assertEquals(ws.lineOf("activations/Sigmoid.java", "public Tensor backward("), at.getStartLine() + 1);
        assertEquals("backward", at.getText());
        window.getActivePage().closeAllEditors(false);

        // fixed: green
        ws.resetToStubs();
        ws.overlaySolution(ACTIVATIONS);
        CheckRunRecord green = runAndShow(CheckService.get().rerunAll(run));
        assertEquals(Status.PASSED, green.reports().get(0).status());
        assertEquals(new RGB(46, 160, 67), view.counter().barColor().getRGB(), "green bar");
        assertTrue(view.counter().countsText().contains("Passed: 1"), view.counter().countsText());
        view.getViewer().setSelection(new StructuredSelection(new ResultNode.Exercise(ws.project.getName(),
                green.reports().get(0))), true);
        EventLoop.settle();
        Path passed = screenshot("check-view-passed.png");
        assertTrue(Files.size(passed) > 0);

        // the history drop-down lists both runs; choosing the older shows it again
        HistoryAction history = view.history();
        List<String> entries = history.entries().stream().map(a -> a.getText()).toList();
        assertTrue(entries.get(0).contains("gradlab-view: 03-activations") && entries.get(0).contains("1 passed"),
                entries.toString());
        assertTrue(entries.get(1).contains("1 failed"), entries.toString());
        assertEquals("Clear History", entries.get(entries.size() - 1));
        history.entries().get(1).run();
        assertEquals(run, view.shownRun());
    }

    @Test
    void whatTheStudentsCodePrintedIsARowWhoseDetailsShowTheLines() throws Exception {
        ws.resetToStubs();
        ws.overlaySolution(ACTIVATIONS);
        ws.replace("activations/ReLU.java", "public Tensor forward(Tensor input) {",
                "public Tensor forward(Tensor input) {\n        System.out.println(\"relu saw \" + input.numel());");
        CheckRunRecord run = runAndShow(CheckService.get().check(CheckTarget.of(ws.project, ACTIVATIONS)));
        assertEquals(Status.PASSED, run.reports().get(0).status(), "printing does not break the check");

        List<String> printed = run.output();
        assertTrue(!printed.isEmpty() && printed.stream().allMatch(l -> l.matches("relu saw \\d+")), printed.toString());
        assertEquals(run.printed(), printed.size(), "fewer than the record keeps: all of them");
        List<String> roots = rootTexts();
        assertEquals("Output of your code (" + printed.size() + (printed.size() == 1 ? " line)" : " lines)"),
                roots.get(roots.size() - 1), roots.toString());
        ResultNode.Output output = assertInstanceOf(ResultNode.Output.class,
                ResultNode.roots(run).get(roots.size() - 1));
        view.getViewer().setSelection(new StructuredSelection(output), true);
        EventLoop.settle();
        String details = view.details().getText();
        assertTrue(details.startsWith("What your code printed during this check"), details);
        assertTrue(details.endsWith(printed.get(printed.size() - 1)), details);
        assertEquals(printed.size(), details.lines().filter(l -> l.startsWith("relu saw ")).count());
    }

    @Test
    void whileAStudentMethodSleepsTheStatusLineSaysWhichExerciseRunsAndStopIsEnabled() throws Exception {
        ws.resetToStubs();
        ws.overlaySolution(ACTIVATIONS);
        // the first forward of Sigmoid sleeps 3 s: long enough to look at the view meanwhile
        ws.replace("activations/Sigmoid.java", "private Tensor output;", "private Tensor output;\n"
                + "    private static boolean slept;");
        ws.replace("activations/Sigmoid.java", "public Tensor forward(Tensor input) {",
                "public Tensor forward(Tensor input) {\n"
                        + "        if (!slept) { slept = true; try { Thread.sleep(3000); } catch (InterruptedException x) { } }");
        assertTrue(!view.stopAction().isEnabled(), "Stop disabled before the run");
        CheckJob job = CheckService.get().check(CheckTarget.all(ws.project));
        String running = "gradlab-view: Checking 03-activations: Activation functions (2 of 2)…";
        EventLoop.until(() -> running.equals(view.counter().statusText()), Duration.ofSeconds(60),
                "the status line to say \"" + running + "\"");
        assertTrue(view.stopAction().isEnabled(), "Stop enabled while the check runs");
        assertTrue(job.getState() != Job.NONE, "still running");
        assertTrue(view.counter().countsText().startsWith("Exercises: 1/2 "), view.counter().countsText());

        CheckRunRecord run = runAndShow(job);
        assertEquals(Status.PASSED, run.reports().get(1).status(), run.reports().toString());
        assertTrue(!view.stopAction().isEnabled(), "Stop disabled after the run");
        assertTrue(view.counter().statusText().startsWith("gradlab-view: 2 exercises checked in "),
                view.counter().statusText());
        assertTrue(run.elapsed().toMillis() >= 3000, "the sleep was inside the run: " + run.elapsed());
    }

    @Test
    void aProjectWithoutExercisesIsAMessageInTheViewNotADialog() throws Exception {
        IProject plain = GradLabTestProject.createPlainJava("no-exercises");
        runAndShow(CheckService.get().check(CheckTarget.all(plain)));
        List<String> roots = rootTexts();
        assertEquals(1, roots.size(), roots.toString());
        assertTrue(roots.get(0).startsWith("Project no-exercises has no exercises/ folder"), roots.get(0));
        assertEquals(0, Job.getJobManager().find(CheckJob.FAMILY).length, "no check job left");
        Shell[] shells = window.getShell().getDisplay().getShells();
        assertEquals(1, Arrays.stream(shells).filter(Shell::isVisible).count(), "no dialog open");
    }

    @Test
    void aTrainingExerciseShowsItsCurvesAsLineCharts() {
        Curve loss = new Curve("Loss per epoch", "epoch", "loss", List.of(
                Curve.Series.perEpoch("true labels", new double[] { 2.3, 1.1, 0.4 }),
                Curve.Series.perEpoch("random labels", new double[] { 2.3, 2.2, 1.9 })));
        ExerciseReport memo = new ExerciseReport("13-memorization", "Memorization", Status.PASSED, List.of(),
                List.of(), List.of(loss));
        CheckRunRecord run = CheckRunRecord.restored("gradlab-view", List.of("13-memorization"), Instant.now(),
                List.of(memo), 1, false, null, Duration.ofSeconds(2));
        CheckRunRecord before = view.shownRun();
        try {
            view.show(run);
            view.getViewer().setSelection(new StructuredSelection(new ResultNode.Exercise("gradlab-view", memo)));
            EventLoop.settle();
            Chart chart = view.chart().charts().get(0);
            assertEquals("Loss per epoch", chart.getTitle().getText());
            assertEquals(2, chart.getSeriesSet().getSeries().length);
            assertEquals(List.of(2.3, 2.2, 1.9), Arrays.stream(
                    chart.getSeriesSet().getSeries("random labels").getYSeries()).boxed().toList());
        } finally {
            view.show(before);
        }
    }

    @Test
    void theViewMakesOneImagePerStatusIconAndDisposesThemWhenClosed() throws Exception {
        int made = view.images().count();
        assertTrue(made <= StatusIcon.values().length, made + " images");
        Image passed = view.images().get(StatusIcon.PASSED);
        ImageData data = passed.getImageData();
        assertEquals(16, data.width);
        assertEquals(0, data.getAlpha(0, 0), "transparent corner");
        assertEquals(255, data.getAlpha(8, 3), "opaque disc");
        Measurements.report("status-images-made", view.images().count());
        window.getActivePage().hideView(view);
        EventLoop.settle();
        assertTrue(passed.isDisposed(), "disposed with the view");
        view = (CheckView) window.getActivePage().showView(CheckView.ID);
        EventLoop.settle();
    }

    /** The workbench with the GradLab view maximized, so that tree, details and chart are readable. */
    private static Path screenshot(String name) throws Exception {
        IWorkbenchPage page = window.getActivePage();
        page.activate(view);
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        EventLoop.settle();
        try {
            return Screenshots.take(window.getShell(), name);
        } finally {
            page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
            EventLoop.settle();
        }
    }
}
