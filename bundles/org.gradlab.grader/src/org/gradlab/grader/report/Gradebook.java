package org.gradlab.grader.report;

import java.util.ArrayList;
import java.util.List;

import org.gradlab.grader.run.SubmissionReport;
import org.gradlab.grader.spec.ExerciseResult;

/**
 * The class's grades as a table: one row per submission, one score column per exercise (course
 * order), the total and notes. The one place that decides what a cell holds, so that the
 * gradebook CSV and the IDE's table cannot disagree.
 */
public final class Gradebook {
    /**
     * @param scores one per column; an exercise the report does not list (an intake error cut it
     *               short) scores 0
     * @param notes  what the teacher should look at: errors, compile errors, policy violations,
     *               time-outs, crashes, reduced isolation; "" when nothing
     */
    public record Row(SubmissionReport report, List<Double> scores, double total, String notes) {
        public Row {
            scores = List.copyOf(scores);
        }

        public String student() {
            return report.name();
        }
    }

    private final List<Scores.Column> columns;
    private final List<Row> rows;
    private final List<SubmissionReport> reports;

    private Gradebook(List<SubmissionReport> reports) {
        this.reports = List.copyOf(reports);
        this.columns = List.copyOf(Scores.columns(this.reports));
        List<Row> list = new ArrayList<>();
        for (SubmissionReport r : this.reports) {
            List<Double> scores = new ArrayList<>();
            for (Scores.Column c : columns) {
                ExerciseResult e = Scores.exercise(r, c.id());
                scores.add(e == null ? 0 : e.score());
            }
            list.add(new Row(r, scores, r.score(), notes(r)));
        }
        this.rows = List.copyOf(list);
    }

    /** Rows in the order given (the grader sorts reports by name). */
    public static Gradebook of(List<SubmissionReport> reports) {
        return new Gradebook(reports);
    }

    public List<Scores.Column> columns() {
        return columns;
    }

    public List<Row> rows() {
        return rows;
    }

    public List<SubmissionReport> reports() {
        return reports;
    }

    /** The largest total a submission can reach. */
    public double maxTotal() {
        return Scores.maxTotal(columns);
    }

    /** The same text as the reports folder's gradebook.csv for these reports. */
    public String csv() {
        return GradebookCsv.write(this);
    }

    /** The summary's notes, plus reduced isolation (the teacher may want to regrade on a machine with bubblewrap). */
    static String notes(SubmissionReport r) {
        String notes = SummaryHtml.notes(r);
        if (r.isolation().startsWith("reduced")) {
            notes += (notes.isEmpty() ? "" : "; ") + "sandbox reduced";
        }
        return notes;
    }
}
