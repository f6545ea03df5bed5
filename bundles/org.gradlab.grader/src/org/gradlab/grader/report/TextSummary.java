package org.gradlab.grader.report;

import java.util.ArrayList;
import java.util.List;

import org.gradlab.grader.run.SubmissionReport;
import org.gradlab.grader.spec.Status;

/**
 * The end-of-run table for the terminal: each submission's total and notes, then each exercise's
 * mean and status counts, then the class mean.
 */
public final class TextSummary {
    private TextSummary() {
    }

    public static String write(List<SubmissionReport> reports) {
        ClassStats s = new ClassStats(reports);
        StringBuilder sb = new StringBuilder();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Submission", "Total", "Notes"});
        for (SubmissionReport r : reports) {
            rows.add(new String[] {r.name(), Scores.outOf(r.score(), r.maxScore()), SummaryHtml.notes(r)});
        }
        table(sb, rows, 1);
        sb.append('\n');
        rows = new ArrayList<>();
        rows.add(new String[] {"Exercise", "Mean", "Graded", "Not started", "Other"});
        for (ClassStats.ExerciseStats x : s.exercises.values()) {
            StringBuilder other = new StringBuilder();
            for (Status st : Status.values()) {
                if (st != Status.GRADED && st != Status.NOT_STARTED && x.count(st) > 0) {
                    other.append(other.isEmpty() ? "" : ", ").append(x.count(st)).append(' ').append(Scores.label(st));
                }
            }
            rows.add(new String[] {x.column.id(), Scores.outOf(s.mean(x), x.column.maxScore()),
                    Integer.toString(x.count(Status.GRADED)), Integer.toString(x.count(Status.NOT_STARTED)),
                    other.toString()});
        }
        table(sb, rows, 1);
        sb.append("\nClass mean ").append(Scores.outOf(s.meanTotal(), s.maxTotal)).append(" over ")
                .append(reports.size()).append(" submission").append(reports.size() == 1 ? "" : "s").append('\n');
        return sb.toString();
    }

    /** Left-aligned columns; columns from {@code rightFrom} on that hold numbers are right-aligned. */
    private static void table(StringBuilder sb, List<String[]> rows, int rightFrom) {
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean last = i == row.length - 1;
                boolean right = i >= rightFrom && !last && row != rows.get(0);
                String cell = right ? " ".repeat(width[i] - row[i].length()) + row[i]
                        : last ? row[i] : row[i] + " ".repeat(width[i] - row[i].length());
                line.append(i == 0 ? "" : "  ").append(cell);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
