package org.gradlab.ui.check;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.JavaCore;
import org.gradlab.check.run.CheckListener;
import org.gradlab.check.run.CheckRequest;
import org.gradlab.check.run.CheckRun;
import org.gradlab.check.run.CompileProblem;
import org.gradlab.check.selfcheck.ExerciseReport;
import org.gradlab.ui.project.GradLabProjects;
import org.gradlab.ui.project.StudentApiLocation;

/**
 * One Check run in the background: builds the project with JDT, hands the build's errors and
 * its bin/ folder to the check process (a separate JVM, so that a student's endless loop or
 * {@code System.exit} cannot touch the IDE), streams each exercise's report to the listeners and
 * the problem markers as it arrives, and records how the run ended. Nothing here throws at the
 * user: whatever goes wrong ends the run with a one-line problem the view shows.
 */
public final class CheckJob extends Job {
    /** The family of every check job (join it to wait for checks). */
    public static final Object FAMILY = CheckJob.class;

    private final CheckTarget target;
    private final CheckRunRecord record;
    private final CheckRunner runner;
    private final CheckRunListener listener;
    private final Duration timeout;

    CheckJob(CheckTarget target, CheckRunRecord record, CheckRunner runner, CheckRunListener listener,
            Duration timeout) {
        super("GradLab Check " + target.label());
        this.target = target;
        this.record = record;
        this.runner = runner;
        this.listener = listener;
        this.timeout = timeout;
    }

    public CheckRunRecord record() {
        return record;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        long t0 = System.nanoTime();
        listener.runStarted(record);
        boolean cancelled = false;
        String problem = null;
        try {
            CheckRun run = check(SubMonitor.convert(monitor, getName(), 100));
            cancelled = run.cancelled();
            problem = run.problem();
        } catch (OperationCanceledException e) {
            cancelled = true;
        } catch (NotCheckable e) {
            problem = e.getMessage();
        } catch (CoreException e) {
            problem = "Check could not build or read project " + target.project().getName() + ": "
                    + e.getStatus().getMessage();
        } catch (RuntimeException e) {
            // a bug of ours: logged for the maintainers, one clear line for the student
            ILog.of(getClass()).error("GradLab check failed", e);
            problem = "The check failed unexpectedly (" + e + "); details are in the Error Log";
        } finally {
            record.finish(cancelled || monitor.isCanceled(), problem, Duration.ofNanos(System.nanoTime() - t0));
            listener.runFinished(record);
        }
        // never an error status: the view shows what happened, no error dialog pops up
        return record.cancelled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
    }

    private CheckRun check(SubMonitor progress) throws CoreException {
        IProject project = target.project();
        IJavaProject java = checkable(project);
        ExerciseIndex index = ExerciseIndex.of(project);
        for (String id : target.exercises()) {
            if (!index.contains(id)) {
                throw new NotCheckable("Project " + project.getName() + " has no exercise folder exercises/" + id
                        + " with an exercise.json; its exercises are: "
                        + (index.ids().isEmpty() ? "none" : String.join(", ", index.ids())));
            }
        }
        List<String> exercises = target.everything() ? index.ids() : target.exercises();
        record.expect(exercises.size());

        progress.subTask("Building " + project.getName());
        // waits for a running auto-build, then builds what changed since
        project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, progress.split(15));
        List<CompileProblem> compileProblems = JdtCompileProblems.of(project);
        IPath output = java.getOutputLocation();
        IPath outputLocation = ResourcesPlugin.getWorkspace().getRoot().getFolder(output).getLocation();
        if (outputLocation == null) {
            throw new NotCheckable("Project " + project.getName() + " has no output folder on disk (" + output + ")");
        }
        CheckMarkers.clear(project, exercises);

        List<Path> api;
        try {
            // the very jars of the project's class path container: the check runs what the student compiles against
            api = StudentApiLocation.classpath();
        } catch (IOException e) {
            throw new NotCheckable("Cannot find the GradLab student API to check with: " + e.getMessage());
        }
        CheckRequest request;
        try {
            // everything asked in one JVM: a rerun of three failed exercises starts one, not three
            request = new CheckRequest(project.getLocation().toPath(), outputLocation.toPath(),
                    api, CheckJavaRuntime.javaExecutable(java), target.exercises(), timeout,
                    compileProblems);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // a request the protocol refuses, or API classes not found on disk
            throw new NotCheckable("Cannot check " + project.getName() + ": " + e.getMessage());
        }
        SubMonitor checking = progress.split(85).setWorkRemaining(exercises.size());
        return runner.run(request, new Streaming(project, checking), checking::isCanceled);
    }

    private static IJavaProject checkable(IProject project) throws CoreException {
        if (!project.isAccessible()) {
            throw new NotCheckable("Project " + project.getName() + " is closed or no longer exists");
        }
        // the folder, not the nature: a workspace imported by hand as a Java project checks too
        if (!project.getFolder(GradLabProjects.EXERCISES_FOLDER).exists()) {
            throw new NotCheckable("Project " + project.getName() + " has no exercises/ folder, so there is nothing"
                    + " to check: Check works on GradLab exercise projects (File > New > GradLab Exercise Project)");
        }
        if (!project.hasNature(JavaCore.NATURE_ID)) {
            throw new NotCheckable("Project " + project.getName() + " is not a Java project: the check runs the"
                    + " classes JDT compiles from src/");
        }
        return JavaCore.create(project);
    }

    /** From the check process (on this job's thread) to the record, the markers, the listeners and the progress. */
    private final class Streaming implements CheckListener {
        private final IProject project;
        private final SubMonitor progress;

        Streaming(IProject project, SubMonitor progress) {
            this.project = project;
            this.progress = progress;
        }

        @Override
        public void started(String exerciseId, String title, int index, int total) {
            String name = exerciseId + ": " + title;
            record.running(name);
            progress.subTask(name);
            listener.exerciseStarted(record, exerciseId, title);
        }

        @Override
        public void finished(ExerciseReport report) {
            record.add(report);
            try {
                CheckMarkers.update(project, report);
            } catch (CoreException e) {
                ILog.of(CheckJob.class).warn("GradLab markers of " + report.id() + ": " + e.getMessage());
            }
            progress.worked(1);
            listener.exerciseFinished(record, report);
        }

        @Override
        public void output(String line) {
            record.output(line);
        }
    }

    /** A project Check cannot work on; the message says why, for the student. */
    private static final class NotCheckable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotCheckable(String message) {
            super(message, null, false, false);
        }
    }
}
