package org.gradlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.part.ISetSelectionTarget;
import org.gradlab.check.selfcheck.ExerciseReport;
import org.gradlab.check.selfcheck.ExerciseReport.Status;
import org.gradlab.ui.check.CheckJob;
import org.gradlab.ui.check.CheckMarkers;
import org.gradlab.ui.check.CheckRunRecord;
import org.gradlab.ui.check.CheckService;
import org.gradlab.ui.check.GradLabTestProject;
import org.gradlab.ui.task.TaskViewProbe;
import org.gradlab.ui.task.TaskViewer;
import org.gradlab.ui.tests.EventLoop;
import org.gradlab.ui.tests.Measurements;
import org.gradlab.ui.tests.Screenshots;
import org.gradlab.ui.views.CheckHandler;
import org.gradlab.ui.views.CheckView;
import org.gradlab.ui.views.CheckViewProbe;
import org.gradlab.ui.wizards.WizardDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The acceptance, as a new student lives it in the workbench: File > New > GradLab
 * Exercise Project, read the first task, Check (not started), implement it wrongly (red, a marker
 * on the method), implement it right (green, no markers). Everything through the real wizard,
 * the real Check command on the Project Explorer's selection and the real check JVM.
 */
class StudentJourneyTest {
    private static final String PROJECT = "student-journey";
    private static final String FIRST = "01-autodiff";
    private static final String EXPLORER = "org.eclipse.ui.navigator.ProjectExplorer";

    private IWorkbenchWindow window;

    @AfterEach
    void deleteProject() throws Exception {
        window.getActivePage().closeAllEditors(false);
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(PROJECT);
        if (project.exists()) {
            project.delete(true, true, null);
        }
    }

    @Test
    void aNewStudentCreatesTheProjectReadsTheFirstTaskImplementsItAndSeesCheckGoGreen() throws Exception {
        window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        window.getShell().setBounds(0, 0, 1280, 1000);
        IWorkbenchPage page = window.getActivePage();
        assertFalse(ResourcesPlugin.getWorkspace().getRoot().getProject(PROJECT).exists(), "a fresh start");

        // File > New > GradLab Exercise Project
        long t0 = System.nanoTime();
        WizardDriver wizard = WizardDriver.open(window.getShell());
        wizard.typeName(PROJECT);
        assertTrue(wizard.wizard().canFinish(), "Finish enabled: " + wizard.wizard().getPage().getErrorMessage());
        assertTrue(wizard.finish(), "the wizard made the project");
        IProject project = wizard.wizard().getCreatedProject();
        assertEquals(PROJECT, project.getName());
        Measurements.since("journey-wizard-finish-s", t0);

        // the first task is on screen, its math typeset
        t0 = System.nanoTime();
        EventLoop.until(() -> WizardDriver.showsTask(page, project, FIRST), Duration.ofSeconds(20),
                "the GradLab Task view showing " + FIRST);
        TaskViewer task = (TaskViewer) page.findView(TaskViewer.ID);
        EventLoop.until(() -> TaskViewProbe.typesetFormulas(task) > 0, Duration.ofSeconds(30),
                "KaTeX typesetting the task of " + FIRST);
        assertEquals(0.0, TaskViewProbe.katexErrors(task), "no formula KaTeX could not typeset");
        Measurements.since("journey-task-typeset-s", t0);

        // Check on the project, as the student does: selected in the Project Explorer, the command
        ExerciseReport untouched = check(page, project, "stubs");
        assertEquals(Status.NOT_STARTED, untouched.status(), untouched.toString());
        CheckView view = (CheckView) page.findView(CheckView.ID);
        assertEquals(13, view.shownRun().reports().size(), "every exercise of the course checked");
        assertTrue(CheckViewProbe.rootRows(view).get(0).startsWith(FIRST + "  ")
                && CheckViewProbe.rootRows(view).get(0).endsWith("(not started)"), CheckViewProbe.rootRows(view).toString());

        // implemented, but without the chain rule: red, and a marker on the method
        GradLabTestProject files = GradLabTestProject.of(project, FIRST);
        files.overlaySolution(FIRST);
        files.applyVariant(FIRST, "no-chain-rule");
        ExerciseReport wrong = check(page, project, "no-chain-rule");
        assertEquals(Status.FAILED, wrong.status(), wrong.toString());
        assertEquals(CheckViewProbe.RED, CheckViewProbe.barColor(view), "red bar");
        List<IMarker> markers = markersIn(project, "src/autodiff");
        assertFalse(markers.isEmpty(), "a GradLab marker in src/autodiff for the failure");
        assertEquals("Value.java", markers.get(0).getResource().getName());
        assertTrue(markers.get(0).getAttribute(IMarker.MESSAGE, "").startsWith("GradLab: "));

        // implemented right: the reference solution's files written over src/ (through IFile, as an editor saves)
        files.overlaySolution(FIRST);
        ExerciseReport right = check(page, project, "solution");
        assertEquals(Status.PASSED, right.status(), right.toString());
        assertEquals(CheckViewProbe.GREEN, CheckViewProbe.barColor(view), "green bar");
        assertTrue(CheckViewProbe.counts(view).startsWith("Exercises: 13/13    Passed: 1    In progress: 0    Failed: 0"),
                CheckViewProbe.counts(view));
        assertEquals(List.of(), markersIn(project, "src/autodiff"), "no GradLab markers left in src/autodiff");
        assertTrue(CheckViewProbe.rootRows(view).get(0).endsWith("(passed)"), CheckViewProbe.rootRows(view).toString());

        // the picture of it: the task beside the editor area, the green GradLab view below
        page.showView(TaskViewer.ID, null, IWorkbenchPage.VIEW_VISIBLE);
        page.activate(view);
        view.getViewer().setSelection(new StructuredSelection(view.getViewer().getTree().getItem(0).getData()), true);
        EventLoop.settle();
        assertTrue(page.isPartVisible(task) && page.isPartVisible(view), "the Task and the GradLab view both visible");
        Path png = Screenshots.take(window.getShell(), "student-journey.png");
        assertTrue(Screenshots.distinctPixels(new ImageLoader().load(png.toString())[0]) > 16, "a real picture");
        assertTrue(Files.size(png) > 10_000, png + ": " + Files.size(png) + " bytes");
    }

    /** Selects the project in the Project Explorer, runs the Check command and waits for the view to show the end. */
    private static ExerciseReport check(IWorkbenchPage page, IProject project, String what) throws Exception {
        IViewPart explorer = page.showView(EXPLORER);
        ((ISetSelectionTarget) explorer).selectReveal(new StructuredSelection(project));
        EventLoop.settle();
        long t0 = System.nanoTime();
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(CheckHandler.COMMAND, null);
        CheckJob job = CheckService.get().current();
        assertEquals(PROJECT, job.record().label(), "the command checks the whole selected project");
        CheckView view = assertInstanceOf(CheckView.class, page.findView(CheckView.ID), "the GradLab view opened");
        EventLoop.until(() -> job.getState() == Job.NONE && job.record().finished() && view.shownRun() == job.record()
                && !CheckViewProbe.stopEnabled(view), Duration.ofSeconds(120), "Check of " + what);
        EventLoop.settle();
        Measurements.since("journey-check-" + what + "-s", t0);
        CheckRunRecord run = job.record();
        assertNull(run.problem(), "the check ran");
        assertTrue(CheckViewProbe.statusLine(view).startsWith(PROJECT + ": 13 exercises checked in "),
                CheckViewProbe.statusLine(view));
        return run.reports().stream().filter(r -> r.id().equals(FIRST)).findFirst()
                .orElseThrow(() -> new AssertionError("no report of " + FIRST + ": " + run.reports()));
    }

    private static List<IMarker> markersIn(IProject project, String folder) throws Exception {
        return Arrays.asList(project.getFolder(folder).findMarkers(CheckMarkers.TYPE, false, IResource.DEPTH_INFINITE));
    }
}
