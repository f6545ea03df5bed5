package org.gradlab.ui.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jdt.core.IClasspathEntry;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.JavaCore;
import org.eclipse.jdt.launching.JavaRuntime;
import org.eclipse.jdt.launching.environments.IExecutionEnvironment;
import org.gradlab.course.Course;
import org.gradlab.course.StudentWorkspace;

/**
 * GradLab exercise projects: a Java project whose root is exactly a student workspace (src/ as the
 * source folder, exercises/, README.md; output bin/) with the Java and GradLab natures and the
 * classpath JRE + {@link StudentApiContainer}. Headless: the wizard is a thin page over
 * {@link #create}.
 */
public final class GradLabProjects {
    public static final String SOURCE_FOLDER = "src";
    public static final String OUTPUT_FOLDER = "bin";
    public static final String EXERCISES_FOLDER = "exercises";
    /** The Java level of the course: the grader compiles submissions with --release 21. */
    static final String JAVA_LEVEL = "21";
    static final String EXECUTION_ENVIRONMENT = "JavaSE-21";

    private GradLabProjects() {
    }

    /** An open project with the GradLab nature. */
    public static boolean isGradLab(IProject project) {
        try {
            return project != null && project.isOpen() && project.hasNature(GradLabNature.ID);
        } catch (CoreException e) {
            return false;
        }
    }

    /**
     * The exercises of a project, read from its exercises/ folder.
     *
     * @throws IOException when the project has no readable exercises/ folder (message names the folder)
     */
    public static Course exercises(IProject project) throws IOException {
        IPath location = project.getLocation();
        if (location == null) {
            throw new IOException("the project " + project.getName() + " is not on the local file system");
        }
        return Course.of(location.toPath().resolve(EXERCISES_FOLDER));
    }

    /** The folder a new project called {@code name} occupies: {@code location}, or the workspace's default. */
    public static Path folder(String name, IPath location) {
        IPath dir = location != null ? location : ResourcesPlugin.getWorkspace().getRoot().getLocation().append(name);
        return dir.toPath();
    }

    /**
     * Why a project with this name and location cannot be created, or null when it can: an invalid
     * or taken name, or a folder that holds files already (a GradLab project is laid out from scratch,
     * so nothing of the student's is ever overwritten).
     */
    public static String problem(String name, IPath location) {
        IWorkspace workspace = ResourcesPlugin.getWorkspace();
        IStatus valid = workspace.validateName(name, IResource.PROJECT);
        if (!valid.isOK()) {
            return valid.getMessage();
        }
        if (workspace.getRoot().getProject(name).exists()) {
            return "A project named " + name + " already exists in the workspace.";
        }
        Path folder = folder(name, location);
        try {
            StudentWorkspace.requireNewOrEmpty(folder);
        } catch (IOException e) {
            return e.getMessage();
        }
        return null;
    }

    /** {@code base}, or base-2, base-3 … : the first name that {@link #problem} accepts in the default location. */
    public static String freeName(String base) {
        String name = base;
        for (int i = 2; problem(name, null) != null && i < 1000; i++) {
            name = base + "-" + i;
        }
        return name;
    }

    /**
     * Creates and opens a GradLab project: the course bundled with GradLab laid out in its folder,
     * then the project with both natures and its classpath. On failure or cancel, what was made is
     * removed again (the folder was new or empty, so that loses nothing of the student's).
     *
     * @param location the project's folder, or null for the default in the workspace
     * @throws CoreException with a one-line message when {@link #problem} objects or creation fails
     * @throws OperationCanceledException when the monitor is cancelled
     */
    public static IProject create(String name, IPath location, IProgressMonitor monitor) throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, "Creating GradLab project " + name, 10);
        String problem = problem(name, location);
        if (problem != null) {
            throw new CoreException(Status.error(problem));
        }
        IWorkspace workspace = ResourcesPlugin.getWorkspace();
        IProject project = workspace.getRoot().getProject(name);
        Path folder = folder(name, location);
        boolean folderExisted = Files.isDirectory(folder);
        try {
            progress.subTask("Copying the exercises");
            StudentWorkspace.create(Course.bundled(), folder, List.of());
            progress.worked(3);
            // one batch: the auto-build must not see the Java nature before the classpath (JDT's default
            // classpath, the whole project as source folder, would compile and copy everything into bin/)
            workspace.run(m -> configure(project, location, m), workspace.getRoot(), IWorkspace.AVOID_UPDATE,
                    progress.split(7));
            return project;
        } catch (CoreException | RuntimeException e) {
            undo(project, folder, folderExisted);
            throw e;
        } catch (StudentWorkspace.FolderInUseException e) {
            // someone wrote into the folder since problem() looked: those files are not ours to remove
            throw new CoreException(Status.error(e.getMessage(), e));
        } catch (IOException e) {
            undo(project, folder, folderExisted);
            throw new CoreException(Status.error("Could not lay out the exercises in " + folder + ": " + e.getMessage(), e));
        }
    }

    /** Creates and opens the project in the laid-out folder, with natures, encoding, compiler level and classpath. */
    private static void configure(IProject project, IPath location, IProgressMonitor monitor) throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, "Configuring the Java project", 5);
        IWorkspace workspace = project.getWorkspace();
        IProjectDescription description = workspace.newProjectDescription(project.getName());
        if (location != null && !location.equals(workspace.getRoot().getLocation().append(project.getName()))) {
            description.setLocation(location);
        }
        project.create(description, progress.split(1));
        project.open(progress.split(1));
        // natures set on an open project, so that the Java nature configures its builder
        description = project.getDescription();
        description.setNatureIds(new String[] { JavaCore.NATURE_ID, GradLabNature.ID });
        project.setDescription(description, progress.split(1));
        // the texts and stubs are UTF-8 (…, ×, Greek letters), whatever the platform's default
        project.setDefaultCharset(StandardCharsets.UTF_8.name(), progress.split(1));

        IJavaProject java = JavaCore.create(project);
        // the grader compiles with --release 21: the IDE must not accept newer language or API
        Map<String, String> options = java.getOptions(false);
        JavaCore.setComplianceOptions(JAVA_LEVEL, options);
        options.put(JavaCore.COMPILER_RELEASE, JavaCore.ENABLED);
        java.setOptions(options);
        java.setRawClasspath(classpath(project), project.getFullPath().append(OUTPUT_FOLDER), progress.split(1));
    }

    /** src/, the JRE (the course's execution environment when a JRE fits it, else the default JRE), the student API. */
    static IClasspathEntry[] classpath(IProject project) {
        IExecutionEnvironment environment = JavaRuntime.getExecutionEnvironmentsManager()
                .getEnvironment(EXECUTION_ENVIRONMENT);
        IPath jre = environment != null && environment.getCompatibleVMs().length > 0
                ? JavaRuntime.newJREContainerPath(environment)
                : JavaRuntime.newDefaultJREContainerPath();
        return new IClasspathEntry[] {
                JavaCore.newSourceEntry(project.getFullPath().append(SOURCE_FOLDER)),
                JavaCore.newContainerEntry(jre),
                JavaCore.newContainerEntry(StudentApiContainer.PATH) };
    }

    /** Removes a half-made project: the project (with its content) if it got created, else the files written. */
    private static void undo(IProject project, Path folder, boolean folderExisted) {
        try {
            if (project.exists()) {
                project.delete(true, true, null);
            }
            if (Files.isDirectory(folder)) {
                try (Stream<Path> s = Files.walk(folder)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        if (!(folderExisted && p.equals(folder))) {
                            Files.deleteIfExists(p);
                        }
                    }
                }
            }
        } catch (CoreException | IOException | RuntimeException cleanup) {
            // best effort: the failure being reported matters more than leftovers of our own
        }
    }
}
