package org.gradlab.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gradlab.grader.batch.BatchListener;
import org.gradlab.grader.batch.GradeBatch;
import org.gradlab.grader.batch.GradedRun;
import org.gradlab.grader.batch.Shard;
import org.junit.jupiter.api.Test;

/** Cancelling a batch with the real runner: the grading JVM of a looping submission dies at once. */
class CancelledGradingTest {

    @Test
    void cancellingKillsTheGradingJvmOfALoopingSubmission() throws Exception {
        Path subs = Submissions.tempDir("cancel-");
        Path loop = Submissions.root().resolve("examples/submissions/adversarial-infinite-loop/src/activations/ReLU.java");
        Path dest = Files.createDirectories(subs.resolve("class/looper/src/activations")).resolve("ReLU.java");
        Files.copy(loop, dest);
        // Limits far beyond the test: only the cancel can end this run quickly.
        SubmissionGrader grader = new SubmissionGrader(Submissions.config().withTimeLimits(60, 120));
        long[] cancelAt = {0};
        GradeBatch.Outcome o = GradeBatch.run(new GradeBatch.Options(subs.resolve("class"), subs.resolve("reports"),
                1, 8L, Shard.ALL, false), grader, BatchListener.NONE, () -> {
                    if (cancelAt[0] == 0 && ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive)) {
                        cancelAt[0] = System.nanoTime() + 1_000_000_000L;   // the child runs: let it loop for 1 s
                    }
                    return cancelAt[0] != 0 && System.nanoTime() > cancelAt[0];
                });
        long stopMillis = (System.nanoTime() - cancelAt[0]) / 1_000_000;
        assertTrue(o.cancelled());
        assertTrue(stopMillis < 5000, "stopped " + stopMillis + " ms after the cancel");
        assertEquals(List.of(), o.reports());
        assertEquals(List.of("looper"), GradedRun.read(subs.resolve("reports")).pending());
        List<ProcessHandle> alive = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
        assertTrue(alive.isEmpty(), "grading processes left running: " + alive);
    }
}
