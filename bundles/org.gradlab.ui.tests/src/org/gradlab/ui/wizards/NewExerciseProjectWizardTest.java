package org.gradlab.ui.wizards;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jdt.core.IClasspathContainer;
import org.eclipse.jdt.core.IClasspathEntry;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.JavaCore;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.gradlab.ui.project.GradLabNature;
import org.gradlab.ui.project.GradLabProjects;
import org.gradlab.ui.project.StudentApiContainer;
import org.gradlab.ui.project.StudentApiLocation;
import org.gradlab.ui.tests.EventLoop;
import org.gradlab.ui.tests.Screenshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The New GradLab Exercise Project wizard in a real workbench (UI harness, on the UI thread): its
 * dialog is opened and filled through the page's widgets as a student would, then finished.
 */
class NewExerciseProjectWizardTest {
    private static final Path REPO = Path.of("").toAbsolutePath().resolve("../..").normalize();
    private static final Path EXERCISES = REPO.resolve("exercises");

    private final List<IProject> made = new ArrayList<>();
    private WizardDriver driver;

    @AfterEach
    void cleanUp() throws CoreException {
        if (driver != null) {
            driver.close();
        }
        for (IProject p : made) {
            if (p.exists()) {
                p.delete(true, true, null);
            }
        }
    }

    @Test
    void createsAProjectThatCompilesWithTheStubsAndOpensTheFirstTask() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        Shell shell = window.getShell();
        shell.setBounds(0, 0, 1024, 700);
        NewExerciseProjectWizard wizard = openWizard(shell);
        ExerciseProjectPage page = wizard.getPage();
        assertTrue(page.getProjectName().startsWith(ExerciseProjectPage.DEFAULT_NAME), page.getProjectName());

        String name = "gradlab-wizard-test";
        driver.typeName(name); // as typed: the page validates on every change
        assertNull(page.getErrorMessage());
        assertTrue(page.isPageComplete() && wizard.canFinish());
        settle(shell.getDisplay());
        Screenshots.take(driver.dialog().getShell(), "NewExerciseProjectWizard-page.png");

        long start = System.nanoTime();
        assertTrue(driver.finish(), "finish: " + page.getErrorMessage());
        long created = System.nanoTime();
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        made.add(project);
        assertEquals(project, wizard.getCreatedProject());

        // natures, layout, classpath
        assertTrue(project.isOpen() && project.hasNature(JavaCore.NATURE_ID) && project.hasNature(GradLabNature.ID));
        assertTrue(GradLabProjects.isGradLab(project));
        Path root = project.getLocation().toPath();
        assertEquals(ResourcesPlugin.getWorkspace().getRoot().getLocation().append(name).toPath(), root);
        int stubs = 0;
        for (Path exercise : exerciseFolders()) {
            String id = exercise.getFileName().toString();
            for (Map.Entry<String, Path> stub : files(exercise.resolve("src")).entrySet()) {
                assertArrayEquals(Files.readAllBytes(stub.getValue()), Files.readAllBytes(root.resolve("src").resolve(stub.getKey())),
                        id + ": src/" + stub.getKey());
                stubs++;
            }
            assertTrue(Files.isRegularFile(root.resolve("exercises").resolve(id).resolve("exercise.json")), id);
            assertTrue(Files.isRegularFile(root.resolve("exercises").resolve(id).resolve("README.md")), id);
        }
        assertEquals(54, stubs, "stub files of the 13 exercises");
        assertTrue(Files.isRegularFile(root.resolve("README.md")));
        assertFalse(Files.exists(root.resolve("lib")), "the API comes from the container, not lib/");
        assertEquals(13, GradLabProjects.exercises(project).exercises().size());

        IJavaProject java = JavaCore.create(project);
        assertEquals(List.of(project.getFullPath().append("src"), JavaCore.newContainerEntry(
                        org.eclipse.jdt.launching.JavaRuntime.newJREContainerPath(
                                org.eclipse.jdt.launching.JavaRuntime.getExecutionEnvironmentsManager().getEnvironment("JavaSE-21")))
                        .getPath(), StudentApiContainer.PATH),
                Arrays.stream(java.getRawClasspath()).map(IClasspathEntry::getPath).toList());
        assertEquals(project.getFullPath().append("bin"), java.getOutputLocation());
        assertEquals("21", java.getOption(JavaCore.COMPILER_COMPLIANCE, true));

        // the container: the jars (or class folders) of the installed core and check bundles
        IClasspathContainer api = JavaCore.getClasspathContainer(StudentApiContainer.PATH, java);
        assertEquals("GradLab Student API", api.getDescription());
        List<Path> entries = Arrays.stream(api.getClasspathEntries()).map(e -> e.getPath().toPath()).toList();
        assertEquals(StudentApiLocation.classpath(), entries);
        assertEquals(2, entries.size());
        assertTrue(holds(entries.get(0), "org/gradlab/core/Tensor.class"), entries.get(0).toString());
        assertTrue(holds(entries.get(1), "org/gradlab/check/NumericGradient.class"), entries.get(1).toString());
        assertFalse(holds(entries.get(1), "org/gradlab/engine") || holds(entries.get(0), "org/gradlab/grader"),
                "the reference engine and the grader stay off the student's path");
        System.out.println("student API: " + StudentApiLocation.libraries());

        // the key acceptance: the stubs compile in JDT without a single error
        project.build(IncrementalProjectBuilder.FULL_BUILD, new NullProgressMonitor());
        waitForBuilds(shell.getDisplay());
        long built = System.nanoTime();
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (IMarker m : project.findMarkers(IMarker.PROBLEM, true, IResource.DEPTH_INFINITE)) {
            String text = m.getResource().getProjectRelativePath() + ":" + m.getAttribute(IMarker.LINE_NUMBER, -1) + ": "
                    + m.getAttribute(IMarker.MESSAGE, "");
            (m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR ? errors : warnings).add(text);
        }
        assertEquals(List.of(), errors, "JDT errors in the fresh project");
        IFile relu = project.getFile("bin/activations/ReLU.class");
        assertTrue(relu.exists(), "compiled " + relu);
        assertTrue(project.getFile("bin/autodiff/Value.class").exists());
        assertFalse(project.getFolder("bin/src").exists() || project.getFile("bin/README.md").exists(),
                "bin/ holds only the classes of src/ (never compiled with the project root as source folder)");
        assertEquals("UTF-8", project.getDefaultCharset(false));
        long classes;
        try (Stream<Path> s = Files.walk(root.resolve("bin"))) {
            classes = s.filter(p -> p.toString().endsWith(".class")).count();
        }
        assertTrue(classes >= stubs, classes + " class files for " + stubs + " stub files");
        System.out.printf("wizard: project created in %d ms, full JDT build in %d ms: %d class files, 0 errors, %d warnings%n",
                (created - start) / 1_000_000, (built - created) / 1_000_000, classes, warnings.size());
        warnings.stream().limit(5).forEach(w -> System.out.println("  warning " + w));

        // the first task is on screen
        IWorkbenchPage workbenchPage = window.getActivePage();
        EventLoop.until(() -> WizardDriver.showsTask(workbenchPage, project, "01-autodiff"), Duration.ofSeconds(10),
                "the GradLab Task view showing 01-autodiff");
        settle(shell.getDisplay());
        Screenshots.take(shell, "NewExerciseProjectWizard-workbench.png");
    }

    @Test
    void aTakenNameOrAFolderInUseIsAnErrorOnThePageAndChangesNothing() throws Exception {
        IProject first = GradLabProjects.create("gradlab-twice", null, new NullProgressMonitor());
        made.add(first);
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        waitForBuilds(shell.getDisplay()); // the build's output is no part of what must stay unchanged
        Map<String, Long> before = snapshot(first.getLocation().toPath());
        int projects = ResourcesPlugin.getWorkspace().getRoot().getProjects().length;

        NewExerciseProjectWizard wizard = openWizard(shell);
        ExerciseProjectPage page = wizard.getPage();
        driver.typeName("gradlab-twice");
        assertEquals("A project with that name already exists in the workspace.", page.getErrorMessage());
        assertFalse(page.isPageComplete() || wizard.canFinish(), "Finish is disabled");

        // a free name whose folder in the workspace holds someone's file
        Path taken = ResourcesPlugin.getWorkspace().getRoot().getLocation().toPath().resolve("gradlab-notes");
        Files.createDirectories(taken);
        Files.writeString(taken.resolve("notes.txt"), "mine");
        try {
            driver.typeName("gradlab-notes");
            assertEquals(taken + " is not empty; choose a new or empty folder (nothing was written)", page.getErrorMessage());
            assertFalse(wizard.canFinish());
            driver.typeName("gradlab-fine");
            assertNull(page.getErrorMessage());
            assertTrue(wizard.canFinish());
            assertEquals(List.of("notes.txt"), names(taken));
        } finally {
            Files.deleteIfExists(taken.resolve("notes.txt"));
            Files.deleteIfExists(taken);
        }

        // headless too: the same refusal, and nothing touched
        CoreException e = assertThrows(CoreException.class,
                () -> GradLabProjects.create("gradlab-twice", null, new NullProgressMonitor()));
        assertEquals("A project named gradlab-twice already exists in the workspace.", e.getMessage());
        assertEquals(before, snapshot(first.getLocation().toPath()));
        assertEquals(projects, ResourcesPlugin.getWorkspace().getRoot().getProjects().length);
    }

    @Test
    void aFileAsLocationIsRefusedACancelLeavesNothingAndTheDefaultNameMovesOn() throws Exception {
        Path file = Files.createTempFile("gradlab", ".txt");
        try {
            CoreException e = assertThrows(CoreException.class,
                    () -> GradLabProjects.create("gradlab-file", IPath.fromPath(file), new NullProgressMonitor()));
            assertEquals(file + " is a file; choose a new or empty folder (nothing was written)", e.getMessage());
            assertFalse(ResourcesPlugin.getWorkspace().getRoot().getProject("gradlab-file").exists());
        } finally {
            Files.deleteIfExists(file);
        }
        // a project in a folder of its own outside the workspace
        Path outside = Files.createTempDirectory("gradlab-outside").resolve("course");
        IProject elsewhere = GradLabProjects.create("gradlab-elsewhere", IPath.fromPath(outside), new NullProgressMonitor());
        made.add(elsewhere);
        assertEquals(outside, elsewhere.getLocation().toPath());
        assertTrue(Files.isRegularFile(outside.resolve("src/activations/ReLU.java")));

        // cancelled after the files were laid out: the half-made project and its files are removed again
        NullProgressMonitor cancelled = new NullProgressMonitor();
        cancelled.setCanceled(true);
        Path cancelledFolder = ResourcesPlugin.getWorkspace().getRoot().getLocation().toPath().resolve("gradlab-cancelled");
        assertThrows(OperationCanceledException.class, () -> GradLabProjects.create("gradlab-cancelled", null, cancelled));
        assertFalse(ResourcesPlugin.getWorkspace().getRoot().getProject("gradlab-cancelled").exists());
        assertFalse(Files.exists(cancelledFolder), "nothing left in " + cancelledFolder);

        long start = System.nanoTime();
        IProject taken = GradLabProjects.create(GradLabProjects.freeName(ExerciseProjectPage.DEFAULT_NAME), null,
                new NullProgressMonitor());
        made.add(taken);
        System.out.printf("GradLabProjects.create (JDT warm): %d ms%n", (System.nanoTime() - start) / 1_000_000);
        String next = GradLabProjects.freeName(ExerciseProjectPage.DEFAULT_NAME);
        assertFalse(next.equals(taken.getName()));
        assertTrue(next.startsWith(ExerciseProjectPage.DEFAULT_NAME + "-"), next);
    }

    // ---------------------------------------------------------------- helpers

    private NewExerciseProjectWizard openWizard(Shell shell) {
        driver = WizardDriver.open(shell);
        return driver.wizard();
    }

    private static List<Path> exerciseFolders() throws IOException {
        try (Stream<Path> s = Files.list(EXERCISES)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("exercise.json"))).sorted().toList();
        }
    }

    private static Map<String, Path> files(Path root) throws IOException {
        Map<String, Path> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).forEach(p -> out.put(root.relativize(p).toString(), p));
        }
        return out;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Every file below root with its size and modification time. */
    private static Map<String, Long> snapshot(Path root) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        for (Map.Entry<String, Path> f : files(root).entrySet()) {
            out.put(f.getKey(), Files.size(f.getValue()) * 31 + Files.getLastModifiedTime(f.getValue()).toMillis());
        }
        return out;
    }

    private static boolean holds(Path classpathEntry, String entry) throws IOException {
        if (Files.isDirectory(classpathEntry)) {
            return Files.isRegularFile(classpathEntry.resolve(entry)) || Files.isDirectory(classpathEntry.resolve(entry));
        }
        try (JarFile jar = new JarFile(classpathEntry.toFile())) {
            return jar.stream().anyMatch(e -> e.getName().startsWith(entry));
        }
    }

    private static void settle(Display display) throws InterruptedException {
        for (int round = 0; round < 10; round++) {
            while (display.readAndDispatch()) {
                // drain
            }
            Thread.sleep(50);
        }
    }

    private static void waitForBuilds(Display display) throws InterruptedException {
        waitUntil(display, 120_000, () -> Job.getJobManager().find(ResourcesPlugin.FAMILY_AUTO_BUILD).length == 0
                && Job.getJobManager().find(ResourcesPlugin.FAMILY_MANUAL_BUILD).length == 0);
    }

    /** Runs the event loop until the condition holds (jobs may need the UI thread), or fails after timeoutMs. */
    private static void waitUntil(Display display, long timeoutMs, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < deadline, "timed out after " + timeoutMs + " ms");
            while (display.readAndDispatch()) {
                // drain
            }
            Thread.sleep(20);
        }
        assertNotNull(display);
    }
}
