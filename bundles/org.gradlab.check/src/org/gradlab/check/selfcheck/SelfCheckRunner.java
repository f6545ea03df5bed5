package org.gradlab.check.selfcheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Runs self-checks with a watchdog: each exercise's check runs on its own daemon thread and is
 * abandoned when it has not finished after the time limit — an endless loop in a student method
 * then costs one exercise ("timed out after N s (infinite loop?)"), not the whole check. The
 * abandoned thread cannot be stopped safely; it is a daemon, so it ends with the JVM (the CLI
 * exits right after the summary). One exercise that fails in any way never stops the others.
 */
public final class SelfCheckRunner {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private SelfCheckRunner() {
    }

    /** The exercise folders (those with an exercise.json) under {@code exercisesDir}, sorted by name. */
    public static List<Path> exercises(Path exercisesDir) throws IOException {
        try (Stream<Path> s = Files.list(exercisesDir)) {
            return s.filter(p -> Files.isRegularFile(p.resolve(ExerciseManifest.FILE))).sorted().toList();
        }
    }

    /** {@link SelfCheck#check} of one exercise under the watchdog; never throws. */
    public static ExerciseReport run(Path exerciseDir, ClassLoader loader, Duration timeout) {
        String id = exerciseDir.getFileName().toString();
        String title = "";
        try {
            ExerciseManifest m = ExerciseManifest.read(exerciseDir);
            id = m.id();
            title = m.title();
        } catch (IOException | RuntimeException e) {
            return failed(id, title, "cannot read " + exerciseDir.resolve(ExerciseManifest.FILE) + ": "
                    + e.getMessage());
        }
        AtomicReference<Object> result = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                result.set(SelfCheck.check(exerciseDir, loader));
            } catch (Throwable t) {
                result.set(t);
            }
        }, "gradlab-selfcheck-" + id);
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Object r = result.get();
        if (r instanceof ExerciseReport report) {
            return report;
        }
        if (r instanceof Throwable t) {
            return failed(id, title, "the self-check itself failed: " + t);
        }
        worker.interrupt(); // a loop that checks for interruption may still end; others run on as a daemon
        return new ExerciseReport(id, title, ExerciseReport.Status.TIMED_OUT, List.of(), List.of("timed out after "
                + seconds(timeout) + " s (infinite loop?): the check of this exercise was abandoned"));
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? String.valueOf(d.toSeconds()) : String.valueOf(d.toMillis() / 1000.0);
    }

    private static ExerciseReport failed(String id, String title, String note) {
        return new ExerciseReport(id, title, ExerciseReport.Status.FAILED, List.of(), List.of(note));
    }
}
