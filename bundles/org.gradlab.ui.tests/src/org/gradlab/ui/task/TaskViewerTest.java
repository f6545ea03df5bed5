package org.gradlab.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jdt.ui.JavaUI;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.ITextEditor;
import org.gradlab.course.task.MethodLocator;
import org.gradlab.ui.tests.Screenshots;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The task view in a real workbench (UI harness, on the UI thread) with WebKitGTK under Xvfb. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TaskViewerTest {
    private static final String EXERCISE = "01-autodiff";
    private static final String OTHER = "03-activations";
    private static IProject project;

    /** A minimal GradLab-like project: one exercise's task text and manifest, its stub in src/. */
    @BeforeAll
    static void createProject() throws Exception {
        Path repo = Path.of("../..").toAbsolutePath().normalize();
        Path exercise = repo.resolve("exercises").resolve(EXERCISE);
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("task-viewer-test");
        project.create(null);
        project.open(null);
        Path root = project.getLocation().toPath();
        Path dir = Files.createDirectories(root.resolve("exercises").resolve(EXERCISE));
        Files.copy(exercise.resolve("README.md"), dir.resolve("README.md"));
        Files.copy(exercise.resolve("exercise.json"), dir.resolve("exercise.json"));
        Path other = Files.createDirectories(root.resolve("exercises").resolve(OTHER));
        Files.copy(repo.resolve("exercises").resolve(OTHER).resolve("README.md"), other.resolve("README.md"));
        Files.copy(repo.resolve("exercises").resolve(OTHER).resolve("exercise.json"), other.resolve("exercise.json"));
        Files.createDirectories(root.resolve("src/autodiff"));
        Files.copy(exercise.resolve("src/autodiff/Value.java"), root.resolve("src/autodiff/Value.java"));
        project.refreshLocal(IResource.DEPTH_INFINITE, null);
        page().getWorkbenchWindow().getShell().setBounds(0, 0, 1280, 900);
    }

    @AfterAll
    static void deleteProject() throws Exception {
        TaskViewer.forceFallback = false;
        page().closeAllEditors(false);
        project.delete(true, true, null);
    }

    @Test
    @Order(1)
    void showsTheTaskTypesetAndTheStubLinkOpensTheMethod() throws Exception {
        TaskViewer.open(project, EXERCISE);
        TaskViewer view = (TaskViewer) page().findView(TaskViewer.ID);
        assertNotNull(view, "the view is open");
        Browser browser = view.browser();
        assertNotNull(browser, "WebKitGTK browser created: " + view.fallbackNotice());

        long start = System.nanoTime();
        waitFor(() -> TaskViewProbe.number(browser, "return document.querySelectorAll('.katex').length") > 0, 30_000,
                "KaTeX typeset the page");
        System.out.printf("task page typeset in %.0f ms%n", (System.nanoTime() - start) / 1e6);
        String text = (String) browser.evaluate("return document.body.innerText");
        assertTrue(text.contains("Scalar reverse-mode autodiff"), text);
        assertEquals("done", browser.evaluate("return document.body.getAttribute('data-math')"));
        double math = TaskViewProbe.number(browser, "return document.querySelectorAll('.math').length");
        assertTrue(math > 50, "math elements: " + math);
        assertEquals(math, TaskViewProbe.number(browser, "return document.querySelectorAll('.math > .katex, .math > .katex-display').length"),
                "every math element typeset");
        assertEquals(0.0, TaskViewProbe.number(browser, "return document.querySelectorAll('.katex-error').length"), "no KaTeX errors");
        assertEquals("[" + EXERCISE + ", " + OTHER + "]", java.util.Arrays.toString(view.exerciseItems()));
        System.out.println("KaTeX fonts: " + browser.evaluate(
                "return document.fonts.check('16px KaTeX_Main') + ' ' + document.fonts.status + ' ' + document.fonts.size"));
        settle(1000);
        Path png = Screenshots.take(page().getWorkbenchWindow().getShell(), "TaskView.png");
        ImageData shot = new ImageLoader().load(png.toString())[0];
        assertTrue(shot.width >= 1000 && shot.height >= 700, "screenshot size " + shot.width + "x" + shot.height);
        browser.execute("document.querySelectorAll('h2')[2].scrollIntoView()");   // "The math": formulas and a table
        settle(500);
        Screenshots.take(page().getWorkbenchWindow().getShell(), "TaskView-math.png");

        browser.execute("document.querySelector('section.your-files a[href$=\"method=backward\"]').click()");
        waitFor(() -> page().getActiveEditor() != null, 10_000, "an editor opened from the link; view says: " + view.message());
        IEditorPart editor = page().getActiveEditor();
        assertEquals("Value.java", editor.getEditorInput().getName());
        assertEquals(JavaUI.ID_CU_EDITOR, editor.getSite().getId(), "the Java editor");
        String source = Files.readString(project.getLocation().toPath().resolve("src/autodiff/Value.java"));
        ITextSelection selection = (ITextSelection) ((ITextEditor) editor).getSelectionProvider().getSelection();
        assertEquals(MethodLocator.find(source, "backward"), selection.getOffset(), "caret on backward's declaration");
        assertEquals("backward", selection.getText());
    }

    @Test
    @Order(2)
    void aRelativeLinkToAnotherExercisesTaskShowsThatTask() throws Exception {
        TaskViewer view = (TaskViewer) page().showView(TaskViewer.ID);
        Browser browser = view.browser();
        browser.execute("location.href = '../" + OTHER + "/README.md'");   // relative to the page's <base>
        waitFor(() -> view.getContentDescription().endsWith("Activation functions"), 10_000,
                "the view switched to " + OTHER + "; it says: " + view.message() + " / " + view.getContentDescription());
        waitFor(() -> TaskViewProbe.number(browser, "return document.querySelectorAll('.katex').length") > 0
                && String.valueOf(browser.evaluate("return document.title")).startsWith(OTHER), 30_000, OTHER + " typeset");
        assertEquals(0.0, TaskViewProbe.number(browser, "return document.querySelectorAll('.katex-error').length"), "no KaTeX errors");
        assertEquals("", view.message());
    }

    @Test
    @Order(3)
    void problemsAreALineInTheViewNotADialog() throws Exception {
        TaskViewer view = (TaskViewer) page().showView(TaskViewer.ID);
        view.browser().execute("window.location.href = 'gradlab:open?file=autodiff/Gone.java&method=x'");
        waitFor(() -> view.message().contains("Gone.java"), 10_000, "message about the missing file");
        assertEquals("src/autodiff/Gone.java is not in project task-viewer-test (looking for its method x): "
                + "was it renamed or deleted?", view.message());

        TaskViewer.open(project, "99-missing");
        assertEquals("No exercise \"99-missing\" in " + project.getLocation().toOSString()
                + ": expected the folder exercises/99-missing; the exercises there are 01-autodiff, 03-activations", view.message());

        TaskViewer.open(ResourcesPlugin.getWorkspace().getRoot().getProject("no-such-project"), EXERCISE);
        assertEquals("Project no-such-project does not exist in this workspace: cannot show the task of exercise 01-autodiff.",
                view.message());
        assertEquals(1, java.util.Arrays.stream(Display.getCurrent().getShells()).filter(s -> s.isVisible()).count(),
                "only the workbench window, no dialog");
    }

    @Test
    @Order(4)
    void withoutABrowserTheMarkdownSourceIsShownAndSaysWhy() throws Exception {
        page().hideView(page().findView(TaskViewer.ID));
        TaskViewer.forceFallback = true;
        try {
            TaskViewer.open(project, EXERCISE);
            TaskViewer view = (TaskViewer) page().findView(TaskViewer.ID);
            assertNull(view.browser());
            assertTrue(view.fallbackText().startsWith("# 01 — Scalar reverse-mode autodiff"), view.fallbackText());
            assertTrue(view.fallbackNotice().startsWith("The task is shown as Markdown source: this IDE has no web browser"),
                    view.fallbackNotice());
            settle(300);
            Screenshots.take(page().getWorkbenchWindow().getShell(), "TaskView-fallback.png");
        } finally {
            TaskViewer.forceFallback = false;
            page().hideView(page().findView(TaskViewer.ID));
        }
    }

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    /** Runs the event loop until the condition holds (the browser loads and runs scripts asynchronously). */
    private static void waitFor(BooleanSupplier condition, long timeoutMs, String what) throws InterruptedException {
        Display display = Display.getCurrent();
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out after " + timeoutMs + " ms waiting for: " + what);
            }
            while (display.readAndDispatch()) {
                // drain
            }
            Thread.sleep(20);
        }
    }

    private static void settle(long ms) throws InterruptedException {
        long end = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < end) {
            while (Display.getCurrent().readAndDispatch()) {
                // drain
            }
            Thread.sleep(20);
        }
    }
}
