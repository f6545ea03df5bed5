package org.gradlab.ui.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.gradlab.check.run.CheckListener;
import org.gradlab.check.run.CheckRequest;
import org.gradlab.check.run.CheckRun;
import org.gradlab.check.selfcheck.SelfCheckRunner;

/** The real check process, remembering every request it was given (what a run asked for). */
public final class RecordingRunner implements CheckRunner {
    private final List<CheckRequest> requests = new ArrayList<>();

    /** Makes the IDE's check service use a new recording runner with the given limit per exercise. */
    public static RecordingRunner install(Duration perExercise) {
        RecordingRunner r = new RecordingRunner();
        CheckService.get().use(r, perExercise);
        return r;
    }

    /** Puts the plain check process back with the default limit. */
    public static void uninstall() {
        CheckService.get().use(CheckRunner.PROCESS, SelfCheckRunner.DEFAULT_TIMEOUT);
    }

    @Override
    public CheckRun run(CheckRequest request, CheckListener listener, BooleanSupplier cancelled) {
        synchronized (requests) {
            requests.add(request);
        }
        return CheckRunner.PROCESS.run(request, listener, cancelled);
    }

    public List<CheckRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public void clear() {
        synchronized (requests) {
            requests.clear();
        }
    }
}
