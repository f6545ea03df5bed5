package org.gradlab.ui.check;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.gradlab.check.selfcheck.ExerciseReport;
import org.gradlab.check.selfcheck.SelfCheckRunner;
import org.osgi.framework.FrameworkUtil;

/**
 * The IDE's one entry to Check: starts check jobs (a new Check cancels one still running: the
 * student changed something and wants the new answer), tells the listeners (the view), and keeps
 * the history of the last {@value #HISTORY_SIZE} runs, saved in the plug-in's state location so
 * that it survives a restart as the JUnit view's does.
 */
public final class CheckService {
    public static final int HISTORY_SIZE = 10;
    private static final String HISTORY_FILE = "check-history.json";

    private static CheckService instance;

    private final List<CheckRunListener> listeners = new CopyOnWriteArrayList<>();
    private final List<CheckRunRecord> history = new ArrayList<>(); // newest first; guarded by this
    private final CheckHistoryStore store;
    private volatile CheckRunner runner = CheckRunner.PROCESS;
    private volatile Duration timeout = SelfCheckRunner.DEFAULT_TIMEOUT;
    private CheckJob current; // guarded by this

    CheckService(CheckHistoryStore store) {
        this.store = store;
        history.addAll(store.load());
    }

    public static synchronized CheckService get() {
        if (instance == null) {
            Path state = Platform.getStateLocation(FrameworkUtil.getBundle(CheckService.class)).toPath();
            instance = new CheckService(new CheckHistoryStore(state.resolve(HISTORY_FILE)));
        }
        return instance;
    }

    public void addListener(CheckRunListener l) {
        listeners.add(l);
    }

    public void removeListener(CheckRunListener l) {
        listeners.remove(l);
    }

    /** Starts checking {@code target} in the background; returns the job (already scheduled). */
    public CheckJob check(CheckTarget target) {
        return check(target, null);
    }

    /** {@link #check(CheckTarget)} with a note the view shows with the run (see {@link CheckRunRecord#note()}). */
    public synchronized CheckJob check(CheckTarget target, String note) {
        if (current != null) {
            current.cancel();
        }
        CheckRunRecord record = new CheckRunRecord(target.project().getName(), target.exercises(), Instant.now());
        record.note(note);
        current = new CheckJob(target, record, runner, new Fanout(), timeout);
        current.schedule();
        return current;
    }

    /** Checks again what {@code run} checked. */
    public CheckJob rerunAll(CheckRunRecord run) {
        return check(new CheckTarget(project(run), run.asked()));
    }

    /** Checks again only the exercises that failed in {@code run}; empty when none did. */
    public Optional<CheckJob> rerunFailed(CheckRunRecord run) {
        List<String> failed = run.failedExercises();
        return failed.isEmpty() ? Optional.empty() : Optional.of(check(new CheckTarget(project(run), failed)));
    }

    /** Cancels the running check, if any. */
    public synchronized void stop() {
        if (current != null) {
            current.cancel();
        }
    }

    /** The job of the latest check (running or done), or null. */
    public synchronized CheckJob current() {
        return current;
    }

    /** The last runs, newest first (the running one included). */
    public synchronized List<CheckRunRecord> history() {
        return List.copyOf(history);
    }

    public synchronized void clearHistory() {
        history.clear();
        store.save(history);
    }

    private static IProject project(CheckRunRecord run) {
        return ResourcesPlugin.getWorkspace().getRoot().getProject(run.project());
    }

    /** For tests: the check process seam and the time limit per exercise. */
    void use(CheckRunner checkRunner, Duration perExercise) {
        this.runner = checkRunner;
        this.timeout = perExercise;
    }

    private synchronized void remember(CheckRunRecord run) {
        history.remove(run);
        history.add(0, run);
        while (history.size() > HISTORY_SIZE) {
            history.remove(history.size() - 1);
        }
    }

    private synchronized void persist() {
        store.save(history.stream().filter(CheckRunRecord::finished).toList());
    }

    /** Hands the job's events to every listener; one listener's failure does not stop the others. */
    private final class Fanout implements CheckRunListener {
        @Override
        public void runStarted(CheckRunRecord run) {
            remember(run);
            listeners.forEach(l -> safely(() -> l.runStarted(run)));
        }

        @Override
        public void exerciseStarted(CheckRunRecord run, String exerciseId, String title) {
            listeners.forEach(l -> safely(() -> l.exerciseStarted(run, exerciseId, title)));
        }

        @Override
        public void exerciseFinished(CheckRunRecord run, ExerciseReport report) {
            listeners.forEach(l -> safely(() -> l.exerciseFinished(run, report)));
        }

        @Override
        public void runFinished(CheckRunRecord run) {
            persist();
            listeners.forEach(l -> safely(() -> l.runFinished(run)));
        }

        private void safely(Runnable r) {
            try {
                r.run();
            } catch (RuntimeException e) {
                ILog.of(CheckService.class).error("GradLab check listener failed", e);
            }
        }
    }
}
