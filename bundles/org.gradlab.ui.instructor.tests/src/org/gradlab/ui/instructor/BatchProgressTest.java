package org.gradlab.ui.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.gradlab.grader.batch.Journal;
import org.gradlab.grader.batch.RunInfo;
import org.gradlab.grader.batch.Shard;
import org.gradlab.grader.run.SubmissionReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchProgressTest {
    @TempDir
    Path reports;

    /** Remembers the sub-task lines and the work done. */
    static final class Recorder extends NullProgressMonitor {
        final List<String> subTasks = new ArrayList<>();
        double total;
        double worked;

        @Override
        public void beginTask(String name, int totalWork) {
            total = totalWork;
        }

        @Override
        public void subTask(String name) {
            subTasks.add(name);
        }

        @Override
        public void internalWorked(double work) {
            worked += work;
        }

        @Override
        public void worked(int work) {
            worked += work;
        }
    }

    private static SubmissionReport report(String name, long seed) {
        return new SubmissionReport(name, seed, List.of(), List.of(), List.of(), "", "test", "", 1);
    }

    @Test
    void eachFinishedSubmissionAdvancesTheProgressAndTheSnapshot() {
        Recorder monitor = new Recorder();
        List<BatchProgress.Snapshot> snapshots = new ArrayList<>();
        BatchProgress p = new BatchProgress(SubMonitor.convert(monitor, 100), reports, snapshots::add);
        p.started(5, true, 3, 0, 3, 2);
        p.finished(report("carol", 5), 10);
        p.finished(report("alice", 5), 10);
        assertEquals(List.of("graded 0 of 3", "graded 1 of 3 — carol", "graded 2 of 3 — alice"), monitor.subTasks);
        assertEquals(List.of("carol", "alice"), List.of(snapshots.get(1).reports().get(0).name(),
                snapshots.get(2).reports().get(0).name()));
        assertEquals(List.of("alice", "carol"), snapshots.get(2).reports().stream().map(SubmissionReport::name).toList(),
                "sorted by name, like the grader's reports");
        assertEquals(3, p.total());
        assertEquals(2.0 / 3, monitor.worked / monitor.total, 0.01, "two thirds of the work done");
    }

    @Test
    void aResumedRunShowsTheJournaledSubmissionsFromTheStart() throws Exception {
        new RunInfo(5, Shard.ALL, List.of("alice", "bob", "carol")).write(reports);
        new Journal(reports).write(report("bob", 5));
        List<BatchProgress.Snapshot> snapshots = new ArrayList<>();
        BatchProgress p = new BatchProgress(SubMonitor.convert(new NullProgressMonitor(), 100), reports,
                snapshots::add);
        p.started(5, false, 3, 1, 2, 1);
        assertEquals("graded 1 of 3", snapshots.get(0).text());
        assertEquals(List.of("bob"), snapshots.get(0).reports().stream().map(SubmissionReport::name).toList());
        p.warning("journal/x.json is unreadable; grading x again");
        assertEquals(List.of("journal/x.json is unreadable; grading x again"), p.warnings());
    }
}
