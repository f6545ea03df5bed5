package org.gradlab.ui.instructor.views;

import java.util.Comparator;

import org.gradlab.grader.report.Gradebook;
import org.gradlab.grader.report.Scores;

/** One column of the gradebook table: its header, its cell text and the order it sorts rows in. */
record GradebookColumn(String header, String tooltip, int width, boolean numeric,
        java.util.function.Function<Gradebook.Row, String> text, Comparator<Gradebook.Row> order) {

    static GradebookColumn student() {
        return new GradebookColumn("Student", "the submission's folder or .zip name", 180, false, Gradebook.Row::student,
                Comparator.comparing(Gradebook.Row::student));
    }

    static GradebookColumn total(double maxTotal) {
        return new GradebookColumn("Total", "points out of " + Scores.format(maxTotal), 70, true,
                r -> Scores.format(r.total()), Comparator.comparingDouble(Gradebook.Row::total));
    }

    /** The {@code index}-th exercise of the gradebook. */
    static GradebookColumn exercise(Scores.Column c, int index) {
        return new GradebookColumn(c.id(), c.title() + " (out of " + Scores.format(c.maxScore()) + ")", 60, true,
                r -> Scores.format(r.scores().get(index)), Comparator.comparingDouble(r -> r.scores().get(index)));
    }

    static GradebookColumn notes() {
        return new GradebookColumn("Notes", "errors, compile errors, policy violations, time-outs, reduced sandbox", 320,
                false, Gradebook.Row::notes, Comparator.comparing(Gradebook.Row::notes));
    }
}
