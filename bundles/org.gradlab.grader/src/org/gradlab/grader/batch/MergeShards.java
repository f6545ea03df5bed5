package org.gradlab.grader.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.gradlab.grader.report.ReportFiles;
import org.gradlab.grader.report.ReportJson;
import org.gradlab.grader.report.Scores;
import org.gradlab.grader.run.SubmissionReport;

/**
 * Joins the reports folders of shards (graded by separate CI or array jobs with the same seed)
 * into one: checks that they share the seed, that no submission was graded differently by two of
 * them, and that every shard is complete and present; then writes the joint journal, run.json and
 * reports, so the result is itself a complete run folder.
 */
public final class MergeShards {
    private MergeShards() {
    }

    /** The merged reports, sorted by name, and what --partial let through. */
    public record Outcome(long seed, List<SubmissionReport> reports, List<String> warnings) {
    }

    /** @param partial write what there is even when a shard is missing or unfinished (each becomes a warning) */
    public static Outcome merge(List<Path> inputs, Path out, boolean partial) throws IOException {
        if (inputs.isEmpty()) {
            throw new BatchException("give at least one reports folder to merge");
        }
        Map<Path, RunInfo> runs = new TreeMap<>();
        for (Path in : inputs) {
            if (!Files.isDirectory(in)) {
                throw new BatchException(in + " is not a folder");
            }
            RunInfo run = RunInfo.read(in).orElseThrow(() -> new BatchException(in
                    + " is not a reports folder of `gradlab grade` (it has no " + RunInfo.FILE + ")"));
            if (runs.put(in.toAbsolutePath().normalize(), run) != null) {
                throw new BatchException(in + " is given twice");
            }
        }
        Set<Long> seeds = new TreeSet<>();
        runs.values().forEach(r -> seeds.add(r.seed()));
        if (seeds.size() > 1) {
            StringBuilder which = new StringBuilder();
            runs.forEach((p, r) -> which.append("\n  ").append(p).append(": seed ").append(r.seed()));
            throw new BatchException("the shards were graded with different seeds, so their results are not"
                    + " comparable:" + which + "\ngrade every shard with the same --seed S");
        }
        long seed = seeds.iterator().next();

        List<String> warnings = new ArrayList<>();
        Map<String, SubmissionReport> merged = new TreeMap<>();
        Map<String, Path> source = new TreeMap<>();
        for (Map.Entry<Path, RunInfo> e : runs.entrySet()) {
            Path in = e.getKey();
            Journal journal = new Journal(in);
            List<String> missing = new ArrayList<>();
            for (String name : e.getValue().submissions()) {
                Journal.Entry entry = journal.read(name);
                if (entry.problem() != null) {
                    throw new BatchException(entry.problem() + "; rerun the `gradlab grade` of " + in
                            + " to grade it again");
                }
                if (entry.absent()) {
                    missing.add(name);
                    continue;
                }
                SubmissionReport r = entry.report();
                if (r.seed() != seed) {
                    throw new BatchException(journal.file(name) + " was graded with seed " + r.seed() + ", but "
                            + in.resolve(RunInfo.FILE) + " says " + seed);
                }
                SubmissionReport other = merged.putIfAbsent(name, r);
                if (other != null && !sameResults(other, r)) {
                    throw new BatchException("'" + name + "' was graded differently in " + source.get(name) + " ("
                            + Scores.outOf(other.score(), other.maxScore()) + ") and in " + in + " ("
                            + Scores.outOf(r.score(), r.maxScore()) + "); shards must not overlap: give each job"
                            + " its own --shard i/n");
                }
                source.putIfAbsent(name, in);
            }
            if (!missing.isEmpty()) {
                String message = "shard " + e.getValue().shard() + " in " + in + " is unfinished: " + missing.size()
                        + " of " + e.getValue().submissions().size() + " submissions not graded ("
                        + String.join(", ", missing.subList(0, Math.min(5, missing.size())))
                        + (missing.size() > 5 ? ", …" : "") + "); rerun its `gradlab grade` to finish it";
                if (!partial) {
                    throw new BatchException(message + ", or merge with --partial");
                }
                warnings.add(message);
            }
        }
        String gap = missingShards(runs.values());
        if (gap != null) {
            if (!partial) {
                throw new BatchException(gap + "; merge all of them, or pass --partial");
            }
            warnings.add(gap);
        }

        // Everything is read before anything is written: --out may be one of the inputs.
        List<SubmissionReport> reports = new ArrayList<>(merged.values());
        Files.createDirectories(out);
        Journal journal = new Journal(out);
        journal.clear();
        for (SubmissionReport r : reports) {
            journal.write(r);
        }
        new RunInfo(seed, Shard.ALL, new ArrayList<>(merged.keySet())).write(out);
        ReportFiles.writeAll(out, reports);
        return new Outcome(seed, reports, warnings);
    }

    /** Equal results, timing aside: the same submission graded twice with one seed must agree. */
    static boolean sameResults(SubmissionReport a, SubmissionReport b) {
        Map<String, Object> x = ReportJson.toJson(a);
        Map<String, Object> y = ReportJson.toJson(b);
        x.remove("millis");
        y.remove("millis");
        return Objects.equals(x, y);
    }

    /** "missing shards 2/4, 4/4" when every input is a shard of the same n but some i is absent; else null. */
    private static String missingShards(Iterable<RunInfo> runs) {
        Set<Integer> counts = new TreeSet<>();
        Set<Integer> present = new TreeSet<>();
        for (RunInfo r : runs) {
            counts.add(r.shard().count());
            present.add(r.shard().index());
        }
        if (counts.size() != 1) {
            return null;
        }
        int n = counts.iterator().next();
        List<String> absent = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            if (!present.contains(i)) {
                absent.add(i + "/" + n);
            }
        }
        return absent.isEmpty() ? null : "missing shard" + (absent.size() == 1 ? " " : "s ") + String.join(", ", absent);
    }
}
