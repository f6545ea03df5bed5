package org.gradlab.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.gradlab.grader.run.SubmissionReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradeBatchTest {
    @TempDir
    Path tmp;

    /** Collects warnings; the rest of the listener's calls are ignored. */
    static final class Warnings implements BatchListener {
        final List<String> messages = new ArrayList<>();
        long seed;
        int reused = -1;

        @Override
        public void started(long seed, boolean freshSeed, int selected, int reused, int toGrade, int jobs) {
            this.seed = seed;
            this.reused = reused;
        }

        @Override
        public synchronized void warning(String message) {
            messages.add(message);
        }
    }

    private Path submissions() throws IOException {
        return BatchFixtures.classFolder(tmp, BatchFixtures.CLASS);
    }

    private static GradeBatch.Outcome grade(Path subs, Path out, int jobs, Long seed, Shard shard, boolean regrade,
            FakeGrading grading, BatchListener listener) throws Exception {
        return GradeBatch.run(new GradeBatch.Options(subs, out, jobs, seed, shard, regrade), grading, listener);
    }

    @Test
    void parallelGradingWritesTheSameReportsAsOneJob() throws Exception {
        Path subs = submissions();
        FakeGrading serial = new FakeGrading(0, 0);
        FakeGrading parallel = new FakeGrading(30, 0);
        GradeBatch.Outcome one = grade(subs, tmp.resolve("r1"), 1, 42L, Shard.ALL, false, serial, BatchListener.NONE);
        GradeBatch.Outcome four = grade(subs, tmp.resolve("r4"), 4, 42L, Shard.ALL, false, parallel,
                BatchListener.NONE);
        assertEquals(1, serial.maxConcurrent());
        assertTrue(parallel.maxConcurrent() > 1, "4 jobs never overlapped: " + parallel.maxConcurrent());
        assertEquals(BatchFixtures.CLASS.length, one.graded());
        assertEquals(BatchFixtures.reproducibleFiles(tmp.resolve("r1")),
                BatchFixtures.reproducibleFiles(tmp.resolve("r4")));
        // Sorted by plain String order, whatever order the workers finished in.
        List<String> names = four.reports().stream().map(SubmissionReport::name).toList();
        List<String> sorted = Arrays.stream(BatchFixtures.CLASS).sorted().toList();
        assertEquals(sorted, names);
    }

    @Test
    void writesTheReportFilesAndNoTimingOutsideTheJournalAndResults() throws Exception {
        Path out = tmp.resolve("reports");
        grade(submissions(), out, 2, 7L, Shard.ALL, false, new FakeGrading(), BatchListener.NONE);
        Map<String, String> files = BatchFixtures.files(out);
        for (String name : BatchFixtures.CLASS) {
            assertTrue(files.containsKey(name + "/results.json"), name);
            assertTrue(files.containsKey(name + "/junit.xml"), name);
            assertTrue(files.containsKey("journal/" + name + ".json"), name);
        }
        assertTrue(files.containsKey("gradebook.csv") && files.containsKey("summary.html")
                && files.containsKey("run.json"), files.keySet().toString());
        files.forEach((path, text) -> {
            if (!path.startsWith("journal/")) {
                assertFalse(text.contains("millis"), path + " holds a timing field");
            }
            assertFalse(path.endsWith(".tmp") || path.contains("/."), "leftover " + path);
        });
        assertTrue(files.get("run.json").contains("\"seed\": \"7\""), files.get("run.json"));
    }

    @Test
    void sameSeedReplaysTheRunExactly() throws Exception {
        Path subs = submissions();
        grade(subs, tmp.resolve("a"), 3, 123456789012345L, Shard.ALL, false, new FakeGrading(), BatchListener.NONE);
        grade(subs, tmp.resolve("b"), 2, 123456789012345L, Shard.ALL, false, new FakeGrading(), BatchListener.NONE);
        grade(subs, tmp.resolve("c"), 2, 5L, Shard.ALL, false, new FakeGrading(), BatchListener.NONE);
        Map<String, String> a = BatchFixtures.reproducibleFiles(tmp.resolve("a"));
        assertEquals(a, BatchFixtures.reproducibleFiles(tmp.resolve("b")));
        assertNotEquals(a.get("gradebook.csv"), BatchFixtures.reproducibleFiles(tmp.resolve("c")).get("gradebook.csv"));
    }

    @Test
    void afterACrashARerunGradesOnlyTheMissingOnesWithTheSameSeed() throws Exception {
        Path subs = submissions();
        Path out = tmp.resolve("reports");
        FakeGrading crashing = new FakeGrading(0, 6); // the 6th grade() call dies like a broken runner
        GradingAborted aborted = assertThrows(GradingAborted.class,
                () -> grade(subs, out, 1, null, Shard.ALL, false, crashing, BatchListener.NONE));
        assertTrue(aborted.getMessage().contains("injected grader crash"), aborted.getMessage());
        Set<String> journaled = journaled(out);
        assertEquals(5, journaled.size(), journaled.toString());
        assertEquals(crashing.graded(), journaled);
        long seed = RunInfo.read(out).orElseThrow().seed();

        FakeGrading rerun = new FakeGrading();
        Warnings listener = new Warnings();
        GradeBatch.Outcome o = grade(subs, out, 3, null, Shard.ALL, false, rerun, listener);
        assertEquals(seed, o.seed(), "the rerun must resume with the seed of run.json");
        assertEquals(BatchFixtures.CLASS.length - 5, rerun.calls());
        Set<String> missing = new TreeSet<>(Arrays.asList(BatchFixtures.CLASS));
        missing.removeAll(journaled);
        assertEquals(missing, rerun.graded());
        assertEquals(5, listener.reused);
        assertEquals(7, o.graded());

        grade(subs, tmp.resolve("clean"), 2, seed, Shard.ALL, false, new FakeGrading(), BatchListener.NONE);
        assertEquals(BatchFixtures.reproducibleFiles(tmp.resolve("clean")), BatchFixtures.reproducibleFiles(out));
    }

    @Test
    void anInterruptedRunResumesToo() throws Exception {
        Path subs = submissions();
        Path out = tmp.resolve("reports");
        FakeGrading slow = new FakeGrading(200, 0);
        Thread main = Thread.currentThread();
        Thread killer = new Thread(() -> {
            while (journaled(out).size() < 3) {
                Thread.onSpinWait();
            }
            main.interrupt();
        });
        killer.start();
        assertThrows(InterruptedException.class,
                () -> grade(subs, out, 2, 99L, Shard.ALL, false, slow, BatchListener.NONE));
        killer.join();
        int done = journaled(out).size();
        assertTrue(done >= 3 && done < BatchFixtures.CLASS.length, "journaled " + done);
        assertNoInterruptedRunJournaled(out);
        FakeGrading rerun = new FakeGrading();
        grade(subs, out, 2, 99L, Shard.ALL, false, rerun, BatchListener.NONE);
        assertEquals(BatchFixtures.CLASS.length - done, rerun.calls());
    }

    @Test
    void aCrashStopsTheOtherWorkersWithoutJournalingWhatTheyWereDoing() throws Exception {
        Path subs = submissions();
        Path out = tmp.resolve("reports");
        FakeGrading crashing = new FakeGrading(300, 4); // 3 workers: the crash interrupts two in-flight ones
        assertThrows(GradingAborted.class, () -> grade(subs, out, 3, 5L, Shard.ALL, false, crashing,
                BatchListener.NONE));
        assertNoInterruptedRunJournaled(out);
        int done = journaled(out).size();
        assertTrue(done < 4, "journaled " + done);
        FakeGrading rerun = new FakeGrading();
        grade(subs, out, 3, 5L, Shard.ALL, false, rerun, BatchListener.NONE);
        assertEquals(BatchFixtures.CLASS.length - done, rerun.calls());
    }

    private static void assertNoInterruptedRunJournaled(Path out) {
        BatchFixtures.files(out.resolve("journal")).forEach((file, text) ->
                assertFalse(text.contains("grading interrupted"), file + " journaled an interrupted run"));
    }

    @Test
    void aDifferentSeedOnARerunIsRefusedUnlessRegrading() throws Exception {
        Path subs = submissions();
        Path out = tmp.resolve("reports");
        grade(subs, out, 2, 11L, Shard.ALL, false, new FakeGrading(), BatchListener.NONE);
        FakeGrading again = new FakeGrading();
        BatchException e = assertThrows(BatchException.class,
                () -> grade(subs, out, 2, 12L, Shard.ALL, false, again, BatchListener.NONE));
        assertTrue(e.getMessage().contains("seed 11") && e.getMessage().contains("--seed 12")
                && e.getMessage().contains("--regrade"), e.getMessage());
        assertEquals(0, again.calls());
        // The same seed again, or none: nothing left to grade.
        grade(subs, out, 2, 11L, Shard.ALL, false, again, BatchListener.NONE);
        grade(subs, out, 2, null, Shard.ALL, false, again, BatchListener.NONE);
        assertEquals(0, again.calls());

        GradeBatch.Outcome o = grade(subs, out, 2, 12L, Shard.ALL, true, again, BatchListener.NONE);
        assertEquals(BatchFixtures.CLASS.length, again.calls());
        assertEquals(12L, o.seed());
        assertEquals(12L, RunInfo.read(out).orElseThrow().seed());
        assertTrue(o.reports().stream().allMatch(r -> r.seed() == 12L));
    }

    @Test
    void anUnreadableJournalEntryIsGradedAgainWithAWarning() throws Exception {
        Path subs = submissions();
        Path out = tmp.resolve("reports");
        grade(subs, out, 2, 3L, Shard.ALL, false, new FakeGrading(), BatchListener.NONE);
        Files.writeString(out.resolve("journal/bob.json"), "{\"name\": \"bob\", \"seed\": "); // torn by hand
        Files.writeString(out.resolve("journal/heidi.json"),
                Files.readString(out.resolve("journal/alice.json"))); // someone else's report
        FakeGrading again = new FakeGrading();
        Warnings w = new Warnings();
        grade(subs, out, 2, null, Shard.ALL, false, again, w);
        assertEquals(Set.of("bob", "heidi"), again.graded());
        assertEquals(2, w.messages.size(), w.messages.toString());
        String all = String.join("\n", w.messages);
        assertTrue(all.contains("bob.json is unreadable") && all.contains("grading bob again"), all);
        assertTrue(all.contains("heidi.json holds the report of 'alice'"), all);
    }

    @Test
    void shardsPartitionTheClassAndMergeIntoTheFullRun() throws Exception {
        Path subs = submissions();
        List<Submission> all = Submissions.list(subs);
        for (int n = 1; n <= 5; n++) {
            List<String> covered = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                List<Submission> mine = new Shard(i, n).select(all);
                assertTrue(mine.size() >= all.size() / n && mine.size() <= all.size() / n + 1);
                mine.forEach(s -> covered.add(s.name()));
            }
            assertEquals(all.size(), covered.size(), "a submission graded twice with n=" + n);
            assertEquals(all.stream().map(Submission::name).collect(Collectors.toSet()), Set.copyOf(covered));
        }
        // Index k goes to shard (k mod n) + 1.
        assertEquals(List.of(all.get(1), all.get(4), all.get(7), all.get(10)), new Shard(2, 3).select(all));

        List<Path> shards = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Path out = tmp.resolve("shard" + i);
            FakeGrading g = new FakeGrading();
            grade(subs, out, 2, 77L, new Shard(i, 3), false, g, BatchListener.NONE);
            assertEquals(4, g.calls());
            shards.add(out);
        }
        grade(subs, tmp.resolve("full"), 2, 77L, Shard.ALL, false, new FakeGrading(), BatchListener.NONE);
        MergeShards.Outcome merged = MergeShards.merge(shards, tmp.resolve("merged"), false);
        assertEquals(BatchFixtures.CLASS.length, merged.reports().size());
        assertEquals(List.of(), merged.warnings());
        assertEquals(BatchFixtures.reproducibleFiles(tmp.resolve("full")),
                BatchFixtures.reproducibleFiles(tmp.resolve("merged")));
    }

    @Test
    void mergeRefusesDifferentSeedsOverlapsAndMissingShards() throws Exception {
        Path subs = submissions();
        grade(subs, tmp.resolve("s1"), 2, 1L, new Shard(1, 2), false, new FakeGrading(), BatchListener.NONE);
        grade(subs, tmp.resolve("s2"), 2, 1L, new Shard(2, 2), false, new FakeGrading(), BatchListener.NONE);
        grade(subs, tmp.resolve("s2other"), 2, 2L, new Shard(2, 2), false, new FakeGrading(), BatchListener.NONE);

        BatchException seeds = assertThrows(BatchException.class,
                () -> MergeShards.merge(List.of(tmp.resolve("s1"), tmp.resolve("s2other")), tmp.resolve("m"), false));
        assertTrue(seeds.getMessage().contains("different seeds") && seeds.getMessage().contains("seed 1")
                && seeds.getMessage().contains("seed 2"), seeds.getMessage());

        BatchException gap = assertThrows(BatchException.class,
                () -> MergeShards.merge(List.of(tmp.resolve("s1")), tmp.resolve("m"), false));
        assertTrue(gap.getMessage().contains("missing shard 2/2"), gap.getMessage());
        MergeShards.Outcome partial = MergeShards.merge(List.of(tmp.resolve("s1")), tmp.resolve("m"), true);
        assertEquals(6, partial.reports().size());
        assertEquals(1, partial.warnings().size());

        // A conflicting duplicate: alice graded by shard 1 and, differently, by a tampered full run.
        Path full = tmp.resolve("full");
        grade(subs, full, 2, 1L, Shard.ALL, false, new FakeGrading(), BatchListener.NONE);
        Path alice = full.resolve("journal/alice.json");
        Files.writeString(alice, Files.readString(alice).replaceFirst("\"passed\": true", "\"passed\": false"));
        BatchException overlap = assertThrows(BatchException.class,
                () -> MergeShards.merge(List.of(tmp.resolve("s1"), full), tmp.resolve("m2"), false));
        assertTrue(overlap.getMessage().contains("'alice' was graded differently"), overlap.getMessage());
        // An identical duplicate is fine.
        Path full2 = tmp.resolve("full2");
        grade(subs, full2, 2, 1L, Shard.ALL, false, new FakeGrading(), BatchListener.NONE);
        assertEquals(12, MergeShards.merge(List.of(tmp.resolve("s1"), full2), tmp.resolve("m3"), false)
                .reports().size());

        // An unfinished shard (its journal lost an entry) is refused.
        Files.delete(tmp.resolve("s2/journal/bob.json"));
        BatchException unfinished = assertThrows(BatchException.class,
                () -> MergeShards.merge(List.of(tmp.resolve("s1"), tmp.resolve("s2")), tmp.resolve("m4"), false));
        assertTrue(unfinished.getMessage().contains("shard 2/2") && unfinished.getMessage().contains("unfinished")
                && unfinished.getMessage().contains("bob"), unfinished.getMessage());

        BatchException notReports = assertThrows(BatchException.class,
                () -> MergeShards.merge(List.of(subs), tmp.resolve("m5"), false));
        assertTrue(notReports.getMessage().contains("no run.json"), notReports.getMessage());
    }

    @Test
    void mergingIntoOneOfTheInputsKeepsItsJournal() throws Exception {
        Path subs = submissions();
        grade(subs, tmp.resolve("s1"), 2, 1L, new Shard(1, 2), false, new FakeGrading(), BatchListener.NONE);
        grade(subs, tmp.resolve("s2"), 2, 1L, new Shard(2, 2), false, new FakeGrading(), BatchListener.NONE);
        MergeShards.merge(List.of(tmp.resolve("s1"), tmp.resolve("s2")), tmp.resolve("s1"), false);
        assertEquals(BatchFixtures.CLASS.length, journaled(tmp.resolve("s1")).size());
        assertEquals(Shard.ALL, RunInfo.read(tmp.resolve("s1")).orElseThrow().shard());
    }

    @Test
    void submissionsAreSortedAndHiddenOrOtherFilesIgnored() throws Exception {
        Path subs = submissions();
        List<Submission> list = Submissions.list(subs);
        List<String> names = list.stream().map(Submission::name).toList();
        assertEquals(Arrays.stream(BatchFixtures.CLASS).sorted().toList(), names);
        assertTrue(list.stream().anyMatch(s -> s.path().toString().endsWith("carol, jr.zip")));

        BatchException missing = assertThrows(BatchException.class, () -> Submissions.list(tmp.resolve("nope")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(empty.resolve(".hidden.zip"), "");
        BatchException none = assertThrows(BatchException.class, () -> Submissions.list(empty));
        assertTrue(none.getMessage().contains("no submissions in"), none.getMessage());
        Files.createDirectories(subs.resolve("alice.zip").getParent());
        Files.writeString(subs.resolve("alice.zip"), "");
        BatchException twice = assertThrows(BatchException.class, () -> Submissions.list(subs));
        assertTrue(twice.getMessage().contains("two submissions are named 'alice'"), twice.getMessage());
        Path reserved = Files.createDirectories(tmp.resolve("reserved/journal"));
        BatchException clash = assertThrows(BatchException.class, () -> Submissions.list(reserved.getParent()));
        assertTrue(clash.getMessage().contains("clashes"), clash.getMessage());
    }

    @Test
    void reportsInsideTheSubmissionsFolderAreRefused() throws Exception {
        Path subs = submissions();
        FakeGrading g = new FakeGrading();
        BatchException e = assertThrows(BatchException.class, () -> grade(subs, subs.resolve("reports"), 1, 1L,
                Shard.ALL, false, g, BatchListener.NONE));
        assertTrue(e.getMessage().contains("is inside SUBMISSIONS"), e.getMessage());
        assertEquals(0, g.calls());
    }

    @Test
    void aShardWithNothingToGradeStillWritesEmptyReports() throws Exception {
        Path subs = BatchFixtures.classFolder(tmp, "alice", "bob");
        Path out = tmp.resolve("r");
        GradeBatch.Outcome o = grade(subs, out, 2, 1L, new Shard(3, 3), false, new FakeGrading(), BatchListener.NONE);
        assertEquals(0, o.reports().size());
        assertEquals("Student,Total\r\n", Files.readString(out.resolve("gradebook.csv")));
    }

    @Test
    void shardSpecificationsAreChecked() {
        assertEquals(new Shard(2, 4), Shard.parse("2/4"));
        assertTrue(assertThrows(BatchException.class, () -> Shard.parse("3/2")).getMessage()
                .contains("i must be between 1 and 2"));
        assertThrows(BatchException.class, () -> Shard.parse("0/2"));
        assertThrows(BatchException.class, () -> Shard.parse("1/0"));
        assertThrows(BatchException.class, () -> Shard.parse("a/b"));
        assertThrows(BatchException.class, () -> Shard.parse("1"));
        assertThrows(BatchException.class, () -> new GradeBatch.Options(tmp, tmp, 0, null, Shard.ALL, false));
    }

    private static Set<String> journaled(Path out) {
        Path dir = out.resolve("journal");
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".json") && !f.startsWith("."))
                    .map(f -> f.substring(0, f.length() - ".json".length())).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            return Set.of();
        }
    }
}
