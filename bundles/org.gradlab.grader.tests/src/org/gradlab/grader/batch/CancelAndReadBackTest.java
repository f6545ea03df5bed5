package org.gradlab.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.gradlab.grader.report.Gradebook;
import org.gradlab.grader.report.ReportFiles;
import org.gradlab.grader.run.SubmissionReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the IDE needs from a batch: cancel it, resume it, and read a reports folder back as a gradebook. */
class CancelAndReadBackTest {
    @TempDir
    Path tmp;

    /** Cancels once {@code after} submissions have finished; remembers when. */
    static final class CancelAfter implements BatchListener {
        final int after;
        final AtomicInteger finished = new AtomicInteger();
        final AtomicLong cancelledAt = new AtomicLong();

        CancelAfter(int after) {
            this.after = after;
        }

        @Override
        public void finished(SubmissionReport report, long millis) {
            if (finished.incrementAndGet() == after) {
                cancelledAt.set(System.nanoTime());
            }
        }

        boolean cancelled() {
            return cancelledAt.get() != 0;
        }
    }

    private static Set<String> journaled(Path out) {
        Set<String> names = new TreeSet<>();
        BatchFixtures.files(out.resolve(Journal.DIR)).keySet().forEach(f -> names.add(f.replace(".json", "")));
        return names;
    }

    @Test
    void aCancelledRunStopsSoonKeepsWhatFinishedAndResumes() throws Exception {
        Path subs = BatchFixtures.classFolder(tmp, BatchFixtures.CLASS);
        Path out = tmp.resolve("reports");
        FakeGrading slow = new FakeGrading(300, 0);
        CancelAfter cancel = new CancelAfter(3);
        GradeBatch.Outcome o = GradeBatch.run(new GradeBatch.Options(subs, out, 2, 17L, Shard.ALL, false), slow,
                cancel, cancel::cancelled);
        long stopMillis = (System.nanoTime() - cancel.cancelledAt.get()) / 1_000_000;

        assertTrue(o.cancelled());
        assertTrue(stopMillis < 1000, "the running submissions were not interrupted: stopped after " + stopMillis
                + " ms");
        Set<String> done = journaled(out);
        assertTrue(done.size() >= 3 && done.size() < BatchFixtures.CLASS.length, "journaled " + done);
        assertEquals(done, new TreeSet<>(o.reports().stream().map(SubmissionReport::name).toList()),
                "the outcome holds exactly what the journal holds");
        assertEquals(done.size(), o.graded());
        assertFalse(Files.exists(out.resolve(ReportFiles.GRADEBOOK)), "a cancelled run must not write a gradebook");
        BatchFixtures.files(out.resolve(Journal.DIR)).forEach((file, text) ->
                assertFalse(text.contains("grading interrupted"), file + " journaled an interrupted run"));

        GradedRun partial = GradedRun.read(out);
        assertFalse(partial.complete());
        assertEquals(17L, partial.info().seed());
        assertEquals(BatchFixtures.CLASS.length, partial.total());
        assertEquals(BatchFixtures.CLASS.length - done.size(), partial.pending().size());
        assertEquals(List.copyOf(done), partial.reports().stream().map(SubmissionReport::name).toList());

        FakeGrading rerun = new FakeGrading();
        GradeBatch.Outcome resumed = GradeBatch.run(new GradeBatch.Options(subs, out, 2, null, Shard.ALL, false),
                rerun, BatchListener.NONE, () -> false);
        assertFalse(resumed.cancelled());
        assertEquals(17L, resumed.seed());
        assertEquals(BatchFixtures.CLASS.length - done.size(), rerun.calls());
        assertEquals(done.size(), resumed.reused());

        GradeBatch.run(new GradeBatch.Options(subs, tmp.resolve("clean"), 3, 17L, Shard.ALL, false),
                new FakeGrading(), BatchListener.NONE);
        assertEquals(BatchFixtures.reproducibleFiles(tmp.resolve("clean")), BatchFixtures.reproducibleFiles(out),
                "cancel and resume must end with the same reports as one uninterrupted run");
    }

    @Test
    void cancelledBeforeTheFirstSubmissionGradesNothing() throws Exception {
        Path subs = BatchFixtures.classFolder(tmp, "alice", "bob", "carol");
        FakeGrading grading = new FakeGrading();
        GradeBatch.Outcome o = GradeBatch.run(new GradeBatch.Options(subs, tmp.resolve("r"), 2, 3L, Shard.ALL, false),
                grading, BatchListener.NONE, () -> true);
        assertTrue(o.cancelled());
        assertEquals(0, grading.calls());
        assertEquals(List.of(), o.reports());
        assertEquals(List.of("alice", "bob", "carol"), GradedRun.read(tmp.resolve("r")).pending(),
                "run.json is written before grading, so even this run can be opened and resumed");
    }

    @Test
    void aReadBackRunGivesTheSameGradebookAsTheFolder() throws Exception {
        Path subs = BatchFixtures.classFolder(tmp, BatchFixtures.CLASS);
        Path out = tmp.resolve("reports");
        GradeBatch.Outcome o = GradeBatch.run(new GradeBatch.Options(subs, out, 2, 5L, Shard.ALL, false),
                new FakeGrading(), BatchListener.NONE);
        assertFalse(o.cancelled());
        GradedRun run = GradedRun.read(out);
        assertTrue(run.complete());
        assertEquals(Files.readString(out.resolve(ReportFiles.GRADEBOOK)), Gradebook.of(run.reports()).csv());
        assertEquals(Gradebook.of(o.reports()).csv(), Gradebook.of(run.reports()).csv());
    }

    @Test
    void aDamagedJournalEntryIsAProblemNotAReport() throws Exception {
        Path subs = BatchFixtures.classFolder(tmp, "alice", "bob");
        Path out = tmp.resolve("reports");
        GradeBatch.run(new GradeBatch.Options(subs, out, 1, 5L, Shard.ALL, false), new FakeGrading(),
                BatchListener.NONE);
        Files.writeString(new Journal(out).file("bob"), "{ not json");
        GradedRun run = GradedRun.read(out);
        assertFalse(run.complete());
        assertEquals(List.of("alice"), run.reports().stream().map(SubmissionReport::name).toList());
        assertEquals(1, run.problems().size());
        assertTrue(run.problems().get(0).contains("bob.json is unreadable"), run.problems().get(0));
    }

    @Test
    void aFolderThatIsNoRunIsRefusedWithTheReason() throws Exception {
        BatchException missing = assertThrows(BatchException.class, () -> GradedRun.read(tmp.resolve("nope")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        BatchException notRun = assertThrows(BatchException.class, () -> GradedRun.read(tmp));
        assertTrue(notRun.getMessage().contains("has no run.json"), notRun.getMessage());
    }
}
