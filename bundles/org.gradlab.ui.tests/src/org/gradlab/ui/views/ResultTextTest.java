package org.gradlab.ui.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.gradlab.check.selfcheck.ClassReport;
import org.gradlab.check.selfcheck.Evidence;
import org.gradlab.check.selfcheck.ExerciseReport;
import org.gradlab.check.selfcheck.ExerciseReport.Status;
import org.gradlab.check.selfcheck.Item;
import org.gradlab.check.selfcheck.Outcome;
import org.gradlab.ui.check.CheckRunRecord;
import org.junit.jupiter.api.Test;

/** The words and the tree shape of the view, without widgets. */
class ResultTextTest {
    private static final Evidence EVIDENCE = new Evidence("sigmoid/2d", "grad input", "[1, 4]", 0.33215141782,
            -0.33215141782, 2.0, new double[] { 0.1, 0.33215141782 }, new double[] { -0.1, -0.33215141782 },
            "expected (PyTorch)", "yours");
    private static final Item FAILED = new Item("backward", Outcome.FAILED, 2, 5, "sigmoid/2d: grad input: mismatch",
            "sign flipped", EVIDENCE);
    private static final ExerciseReport REPORT = new ExerciseReport("03-activations", "Activation functions",
            Status.FAILED, List.of(new ClassReport("activations.Sigmoid", List.of(
                    new Item("forward", Outcome.PASSED, 0, 5, "", null), FAILED))),
            List.of("src/activations/ReLU.java:7: error: x"));

    @Test
    void numbersAreShortLikeTheJUnitViews() {
        assertEquals("0.3322", ResultText.number(0.33215141782));
        assertEquals("2", ResultText.number(2.0));
        assertEquals("-0.31", ResultText.number(-0.31));
        assertEquals("1.000e-07", ResultText.number(1e-7));
        assertEquals("NaN", ResultText.number(Double.NaN));
    }

    @Test
    void theTreeIsExerciseThenNotesAndClassesThenAspectsThenEvidence() {
        ResultNode.Exercise exercise = new ResultNode.Exercise("p", REPORT);
        List<ResultNode> children = exercise.children();
        assertInstanceOf(ResultNode.Note.class, children.get(0));
        ResultNode.StudentClass sigmoid = assertInstanceOf(ResultNode.StudentClass.class, children.get(1));
        assertEquals("Sigmoid  (failed)", ResultText.name(sigmoid));
        ResultNode.Aspect backward = (ResultNode.Aspect) sigmoid.children().get(1);
        assertEquals("backward  (failed, 2 of 5 cases)", ResultText.name(backward));
        assertEquals("[1, 4]: expected 0.3322, got -0.3322", ResultText.worst(backward));
        assertEquals("2", ResultText.relativeError(backward));
        assertEquals("sign flipped", ResultText.diagnosis(backward));
        ResultNode.EvidenceRow row = assertInstanceOf(ResultNode.EvidenceRow.class, backward.children().get(0));
        assertEquals("sigmoid/2d: grad input", ResultText.name(row));
        assertEquals(List.of(), sigmoid.children().get(0).children(), "a passed aspect has no evidence row");
        assertEquals("", ResultText.worst(sigmoid.children().get(0)));
        assertEquals("Sigmoid.backward: failed, 2 of 5 cases\n\nsigmoid/2d: grad input: mismatch\n\n"
                + "Diagnosis: sign flipped\n\nCase: sigmoid/2d\nTensor: grad input\nWorst element: [1, 4]\n"
                + "  expected (PyTorch): 0.3322\n  yours: -0.3322\n  relative error: 2\n\nDouble click opens backward().",
                ResultText.details(backward));
        assertEquals(backward, ResultNode.firstFailure(List.of(exercise)));
    }

    @Test
    void aRunThatCouldNotRunOrWasCancelledLeadsWithItsMessage() {
        CheckRunRecord broken = CheckRunRecord.restored("p", List.of(), Instant.EPOCH, List.of(), 0, false,
                "the check JVM could not start: no java", Duration.ZERO);
        ResultNode.Message m = assertInstanceOf(ResultNode.Message.class, ResultNode.roots(broken).get(0));
        assertEquals(ResultNode.Message.Severity.ERROR, m.severity());
        assertEquals("the check JVM could not start: no java", m.text());

        CheckRunRecord cancelled = CheckRunRecord.restored("p", List.of(), Instant.EPOCH, List.of(REPORT), 13, true,
                null, Duration.ofSeconds(3));
        List<ResultNode> roots = ResultNode.roots(cancelled);
        assertEquals("Cancelled after 1 of 13 exercises", ((ResultNode.Message) roots.get(0)).text());
        assertInstanceOf(ResultNode.Exercise.class, roots.get(1));
    }

    @Test
    void theOutputRowCountsThePrintedLinesAndSaysWhenOnlyTheLastAreKept() {
        ResultNode.Output all = new ResultNode.Output(List.of("loss 0.5"), 1);
        assertEquals("Output of your code (1 line)", ResultText.name(all));
        assertEquals("What your code printed during this check (System.out and System.err), 1 line:\n\nloss 0.5",
                ResultText.details(all));
        ResultNode.Output tail = new ResultNode.Output(List.of("step 249", "step 250"), 250);
        assertEquals("Output of your code (the last 2 of 250 lines)", ResultText.name(tail));
        assertEquals(List.of(), tail.children());

        CheckRunRecord quiet = CheckRunRecord.restored("p", List.of(), Instant.EPOCH, List.of(REPORT), 1, false, null,
                Duration.ofSeconds(1));
        assertEquals(1, ResultNode.roots(quiet).size(), "no output row when nothing was printed");
    }
}
