package org.gradlab.grader.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.gradlab.grader.run.SubmissionReport;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.Status;

/** What every report form shares: how points are printed, the exercise columns, status words. */
public final class Scores {
    /** A parenthesised number such as "(4)" or "(0.25)": case-specific detail inside a diagnosis. */
    private static final Pattern NUMBER_DETAIL = Pattern.compile("\\s*\\(-?[0-9.eE+/-]+\\)");

    private Scores() {
    }

    /** One exercise as a column of the gradebook and the summaries, in course order. */
    public record Column(String id, String title, double maxScore) {
    }

    /** Points with at most two decimals and no trailing zeros: 87.5, 100, 3.33. Locale-independent. */
    public static String format(double points) {
        if (!Double.isFinite(points)) {
            return String.valueOf(points);
        }
        BigDecimal d = BigDecimal.valueOf(points).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    /** "87.5/100" */
    public static String outOf(double score, double max) {
        return format(score) + "/" + format(max);
    }

    /**
     * The exercises seen in any report, in the order they first appear (the catalog's course
     * order), with the largest max score seen: a report cut short by an intake error may list none.
     */
    public static List<Column> columns(List<SubmissionReport> reports) {
        Map<String, Column> columns = new LinkedHashMap<>();
        for (SubmissionReport r : reports) {
            for (ExerciseResult e : r.exercises()) {
                columns.merge(e.id(), new Column(e.id(), e.title(), e.maxScore()),
                        (a, b) -> b.maxScore() > a.maxScore() ? new Column(a.id(), a.title(), b.maxScore()) : a);
            }
        }
        return new ArrayList<>(columns.values());
    }

    /** The result of exercise {@code id} in {@code r}, or null when the report has none. */
    public static ExerciseResult exercise(SubmissionReport r, String id) {
        return r.exercises().stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
    }

    /** The largest total any report can reach: the sum of the columns' max scores. */
    public static double maxTotal(List<Column> columns) {
        return columns.stream().mapToDouble(Column::maxScore).sum();
    }

    /** Words for a status, as students and teachers read them. */
    public static String label(Status status) {
        return switch (status) {
            case GRADED -> "graded";
            case NOT_STARTED -> "not started";
            case MISSING -> "missing class or method";
            case COMPILE_ERROR -> "compile error";
            case POLICY_VIOLATION -> "policy violation";
            case TIMED_OUT -> "timed out";
            case CRASHED -> "crashed";
        };
    }

    /**
     * A diagnosis without its case-specific numbers ("off by a factor of the batch size (4)" →
     * "… the batch size"), so that the same mistake made on different hidden cases counts once.
     */
    public static String mistake(String diagnosis) {
        return NUMBER_DETAIL.matcher(diagnosis).replaceAll("").strip();
    }
}
