package org.gradlab.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.gradlab.grader.batch.FakeGrading;
import org.gradlab.grader.run.SubmissionReport;
import org.gradlab.grader.spec.ExerciseResult;
import org.junit.jupiter.api.Test;

class GradebookTest {

    @Test
    void rowsHoldTheCsvsNumbersAndTheNotes() {
        List<String> names = List.of("alice", "dave \"the typo\"", "eve-hacker", "grace_slowpoke", "broken-oscar");
        List<SubmissionReport> reports = names.stream().map(n -> FakeGrading.report(n, 4)).toList();
        Gradebook g = Gradebook.of(reports);
        assertEquals(List.of("01-autodiff", "03-activations", "07-convolution"),
                g.columns().stream().map(Scores.Column::id).toList());
        assertEquals(30.0, g.maxTotal(), 1e-12);

        List<List<String>> csv = GradebookCsvTest.parse(g.csv());
        assertEquals(names.size() + 1, csv.size());
        for (int i = 0; i < names.size(); i++) {
            Gradebook.Row row = g.rows().get(i);
            List<String> fields = new ArrayList<>();
            fields.add(row.student());
            row.scores().forEach(s -> fields.add(Scores.format(s)));
            fields.add(Scores.format(row.total()));
            assertEquals(csv.get(i + 1), fields, "row " + i + " of the table and the CSV");
            double sum = row.scores().stream().mapToDouble(Double::doubleValue).sum();
            assertEquals(row.total(), sum, 1e-9, "the total is the sum of the exercise scores");
        }
        assertEquals("", g.rows().get(0).notes());
        assertTrue(g.rows().get(1).notes().contains("1 compile error"), g.rows().get(1).notes());
        assertTrue(g.rows().get(2).notes().contains("1 policy violation"), g.rows().get(2).notes());
        assertTrue(g.rows().get(3).notes().contains("07-convolution timed out"), g.rows().get(3).notes());
        assertTrue(g.rows().get(4).notes().contains("error: not a zip file"), g.rows().get(4).notes());
        assertEquals(0.0, g.rows().get(4).total());
    }

    @Test
    void anExerciseMissingFromAReportScoresZeroAndReducedIsolationIsNoted() {
        SubmissionReport full = FakeGrading.report("alice", 1);
        List<ExerciseResult> firstOnly = List.of(full.exercises().get(0));
        SubmissionReport cut = new SubmissionReport("bob", 1, firstOnly, List.of(), List.of(), "",
                "reduced: bubblewrap not installed; forked JVM with heap and time limits only", "", 3);
        Gradebook g = Gradebook.of(List.of(cut, full));
        assertEquals(3, g.columns().size(), "columns come from every report");
        Gradebook.Row bob = g.rows().get(0);
        assertEquals(List.of(full.exercises().get(0).score(), 0.0, 0.0), bob.scores());
        assertEquals("sandbox reduced", bob.notes());
    }
}
