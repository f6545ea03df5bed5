package org.gradlab.grader.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.gradlab.grader.run.SubmissionReport;
import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.Status;

/** Class-wide figures shared by the text and HTML summaries: means, statuses, histograms, mistakes. */
final class ClassStats {
    static final int BINS = 10;

    final List<SubmissionReport> reports;
    final List<Scores.Column> columns;
    final double maxTotal;
    final Map<String, ExerciseStats> exercises = new LinkedHashMap<>();
    final int[] totalHistogram = new int[BINS];
    final List<Mistake> mistakes;
    final Map<String, Integer> isolations = new TreeMap<>();
    final Set<Long> seeds = new TreeSet<>();

    /** One exercise across the class. */
    static final class ExerciseStats {
        final Scores.Column column;
        final Map<Status, Integer> statuses = new EnumMap<>(Status.class);
        final int[] histogram = new int[BINS];
        double sum;

        ExerciseStats(Scores.Column column) {
            this.column = column;
        }

        int count(Status s) {
            return statuses.getOrDefault(s, 0);
        }
    }

    /** A diagnosed mistake: in how many submissions it showed, and in how many failed checks. */
    record Mistake(String exercise, String text, int submissions, int checks) {
    }

    ClassStats(List<SubmissionReport> reports) {
        this.reports = reports;
        this.columns = Scores.columns(reports);
        this.maxTotal = Scores.maxTotal(columns);
        columns.forEach(c -> exercises.put(c.id(), new ExerciseStats(c)));
        Map<List<String>, int[]> mistakeCounts = new LinkedHashMap<>();
        for (SubmissionReport r : reports) {
            totalHistogram[bin(r.score(), maxTotal)]++;
            isolations.merge(r.isolation(), 1, Integer::sum);
            seeds.add(r.seed());
            Set<List<String>> seenHere = new HashSet<>();
            for (ExerciseStats x : exercises.values()) {
                ExerciseResult e = Scores.exercise(r, x.column.id());
                double score = e == null ? 0 : e.score();
                x.sum += score;
                x.histogram[bin(score, x.column.maxScore())]++;
                if (e == null) {
                    continue;
                }
                x.statuses.merge(e.status(), 1, Integer::sum);
                for (CheckResult c : e.checks()) {
                    if (!c.passed() && c.diagnosis() != null && !c.diagnosis().isBlank()) {
                        List<String> key = List.of(e.title(), Scores.mistake(c.diagnosis()));
                        int[] n = mistakeCounts.computeIfAbsent(key, k -> new int[2]);
                        n[1]++;
                        if (seenHere.add(key)) {
                            n[0]++;
                        }
                    }
                }
            }
        }
        List<Mistake> list = new ArrayList<>();
        mistakeCounts.forEach((k, n) -> list.add(new Mistake(k.get(0), k.get(1), n[0], n[1])));
        // Most widespread first; ties broken by text so the order never depends on hash order.
        list.sort(Comparator.comparingInt(Mistake::submissions).reversed()
                .thenComparing(Comparator.comparingInt(Mistake::checks).reversed())
                .thenComparing(Mistake::exercise).thenComparing(Mistake::text));
        this.mistakes = List.copyOf(list);
    }

    double mean(ExerciseStats x) {
        return reports.isEmpty() ? 0 : x.sum / reports.size();
    }

    double meanTotal() {
        return reports.stream().mapToDouble(SubmissionReport::score).average().orElse(0);
    }

    /** Bin of a score in ten equal-width bins of [0, max]; full marks fall in the last. */
    static int bin(double score, double max) {
        if (max <= 0) {
            return 0;
        }
        int b = (int) Math.floor(score / max * BINS);
        return Math.max(0, Math.min(BINS - 1, b));
    }
}
