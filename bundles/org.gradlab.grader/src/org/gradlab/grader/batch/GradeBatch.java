package org.gradlab.grader.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import org.gradlab.grader.report.ReportFiles;
import org.gradlab.grader.run.SubmissionGrading;
import org.gradlab.grader.run.SubmissionReport;

/**
 * Grades a class folder into a reports folder, resumably: picks (or resumes) the seed, records it
 * in run.json, takes every submission the journal already holds as done, grades the rest in
 * parallel, then writes the reports of the whole shard. A cancelled run stops between
 * submissions and kills the running ones; what finished stays journaled, so running it again
 * resumes.
 */
public final class GradeBatch {
    private GradeBatch() {
    }

    /**
     * @param seed    the seed to grade with, or null for the seed of the run being resumed or else a fresh one
     * @param regrade ignore (and clear) the journal; grade everything again
     */
    public record Options(Path submissions, Path reports, int jobs, Long seed, Shard shard, boolean regrade) {
        public Options {
            if (jobs < 1) {
                throw new BatchException("--jobs must be at least 1, got " + jobs);
            }
        }
    }

    /**
     * @param reports       every report of this shard, sorted by name (reused and newly graded)
     * @param graded        how many were graded by this call (the others came from the journal)
     * @param wallMillis    wall time of this call's grading
     * @param gradingMillis summed wall time of the grade() calls of this run
     * @param cancelled     the run was cancelled: {@code reports} holds only what finished (the
     *                      journal has them) and no report files were written
     */
    public record Outcome(long seed, List<SubmissionReport> reports, int graded, long wallMillis,
            long gradingMillis, boolean cancelled) {
        public int reused() {
            return reports.size() - graded;
        }

        /** Mean wall time of one submission's grading (JVM start included), 0 when none was graded. */
        public double meanMillis() {
            return graded == 0 ? 0 : (double) gradingMillis / graded;
        }
    }

    /** Submissions graded at once by default: each drives a whole JVM, so half the cores keeps the machine responsive; 8 bounds the memory. */
    public static int defaultJobs() {
        return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors() / 2));
    }

    public static Outcome run(Options o, SubmissionGrading grading, BatchListener listener)
            throws IOException, InterruptedException {
        return run(o, grading, listener, () -> false);
    }

    /**
     * @param cancel asked between submissions and while waiting for them (every
     *               {@value ParallelGrader#POLL_MILLIS} ms): once true, no further submission starts,
     *               the running ones are interrupted (their child JVMs killed, nothing journaled for
     *               them) and the outcome comes back {@link Outcome#cancelled() cancelled}
     */
    public static Outcome run(Options o, SubmissionGrading grading, BatchListener listener, BooleanSupplier cancel)
            throws IOException, InterruptedException {
        if (o.reports().toAbsolutePath().normalize().startsWith(o.submissions().toAbsolutePath().normalize())) {
            throw new BatchException("--out " + o.reports() + " is inside SUBMISSIONS " + o.submissions()
                    + ": a rerun would grade the reports as a submission; write them elsewhere");
        }
        List<Submission> all = Submissions.list(o.submissions());
        List<Submission> selected = o.shard().select(all);
        if (Files.exists(o.reports()) && !Files.isDirectory(o.reports())) {
            throw new BatchException("--out " + o.reports() + " is a file, not a folder");
        }
        Files.createDirectories(o.reports());
        Journal journal = new Journal(o.reports());
        Optional<RunInfo> previous = o.regrade() ? Optional.empty() : RunInfo.read(o.reports());
        long seed;
        boolean fresh = false;
        if (previous.isPresent()) {
            seed = previous.get().seed();
            if (o.seed() != null && o.seed() != seed) {
                throw new BatchException(o.reports() + " holds a run graded with seed " + seed + " (see "
                        + o.reports().resolve(RunInfo.FILE) + "), not --seed " + o.seed()
                        + ". Run without --seed to resume it, or add --regrade to grade everything again with seed "
                        + o.seed() + ".");
            }
        } else if (o.seed() != null) {
            seed = o.seed();
        } else {
            seed = new SecureRandom().nextLong() & Long.MAX_VALUE; // non-negative: easier to read and retype
            fresh = true;
        }
        if (o.regrade()) {
            journal.clear();
        }
        journal.removeLeftovers();
        // Before anything is graded: a kill from here on resumes with this seed.
        new RunInfo(seed, o.shard(), selected.stream().map(Submission::name).toList()).write(o.reports());

        Map<String, SubmissionReport> reports = new TreeMap<>();
        List<Submission> todo = new ArrayList<>();
        for (Submission s : selected) {
            Journal.Entry e = o.regrade() ? new Journal.Entry(null, null) : journal.read(s.name());
            if (e.report() != null && e.report().seed() == seed) {
                reports.put(s.name(), e.report());
                continue;
            }
            if (e.problem() != null) {
                listener.warning(e.problem() + "; grading " + s.name() + " again");
            } else if (e.report() != null) {
                listener.warning(journal.file(s.name()) + " was graded with seed " + e.report().seed()
                        + ", not this run's " + seed + "; grading " + s.name() + " again");
            }
            todo.add(s);
        }
        listener.started(seed, fresh, selected.size(), reports.size(), todo.size(), o.jobs());
        long start = System.nanoTime();
        ParallelGrader.Result result = ParallelGrader.grade(todo, seed, o.jobs(), grading, journal, listener, cancel);
        long wall = (System.nanoTime() - start) / 1_000_000;
        long gradingMillis = 0;
        for (ParallelGrader.Graded g : result.done().values()) {
            reports.put(g.report().name(), g.report());
            gradingMillis += g.millis();
        }
        List<SubmissionReport> sorted = new ArrayList<>(reports.values());
        if (!result.cancelled()) {
            // A cancelled run writes no gradebook: a partial one could be imported as if it were the class's.
            ReportFiles.writeAll(o.reports(), sorted);
        }
        return new Outcome(seed, sorted, result.done().size(), wall, gradingMillis, result.cancelled());
    }
}
