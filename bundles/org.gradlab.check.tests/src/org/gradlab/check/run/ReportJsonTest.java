package org.gradlab.check.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.gradlab.check.selfcheck.ClassReport;
import org.gradlab.check.selfcheck.Curve;
import org.gradlab.check.selfcheck.Evidence;
import org.gradlab.check.selfcheck.ExerciseReport;
import org.gradlab.check.selfcheck.ExerciseReport.Status;
import org.gradlab.check.selfcheck.Item;
import org.gradlab.check.selfcheck.Outcome;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

    static ExerciseReport sample() {
        Evidence evidence = new Evidence("sigmoid/2d", "grad input", "[1, 2]", 0.25, Double.NaN,
                Double.POSITIVE_INFINITY, new double[] {0.25, -1e-300, 3.5e12, Double.NEGATIVE_INFINITY},
                new double[] {Double.NaN, 1e-300, -3.5e12, 0.0}, "expected (PyTorch)", "yours");
        Item failed = new Item("backward", Outcome.FAILED, 2, 3, "sigmoid/2d: grad input: mismatch, \"quoted\"\nline",
                "sign flipped", evidence);
        Item passed = new Item("forward", Outcome.PASSED, 0, 3, "", null);
        Item todo = new Item("numeric gradient", Outcome.NOT_STARTED, 0, 1, "not started: TODO", null);
        Curve loss = new Curve("Loss per epoch", "epoch", "loss", List.of(
                Curve.Series.perEpoch("true labels", new double[] {2.3, 1.1, 0.4}),
                new Curve.Series("random labels", new double[] {1, 2.5, 3}, new double[] {2.3, Double.NaN, 2.2})));
        return new ExerciseReport("03-activations", "Activation functions — ReLU … σ", Status.FAILED,
                List.of(new ClassReport("activations.Sigmoid", List.of(passed, failed)),
                        new ClassReport("activations.ReLU", List.of(todo))),
                List.of("a note", "src/x/Y.java:3: error: ü"), List.of(loss));
    }

    @Test
    void aReportWithEvidenceCurvesAndNonFiniteNumbersSurvivesTheRoundTrip() {
        ExerciseReport r = sample();
        String line = ReportJson.write(r);
        assertFalse(line.contains("\n"), "one protocol line");
        ExerciseReport back = ReportJson.read(line);
        assertEquals(r, back);
        Evidence e = back.classes().get(0).items().get(1).evidence();
        assertTrue(Double.isNaN(e.actual()));
        assertEquals(Double.POSITIVE_INFINITY, e.relativeError());
        assertArrayEquals(new double[] {0.25, -1e-300, 3.5e12, Double.NEGATIVE_INFINITY}, e.expectedValues());
        assertArrayEquals(new double[] {Double.NaN, 1e-300, -3.5e12, 0.0}, e.actualValues());
        assertEquals(List.of(1.0, 2.0, 3.0), boxed(back.curves().get(0).series().get(0).x()));
        assertTrue(Double.isNaN(back.curves().get(0).series().get(1).y()[1]));
        assertEquals(ReportJson.write(back), line, "writing again gives the same line");
    }

    @Test
    void aWholeRunSurvivesTheRoundTripForTheHistory() {
        CheckRun run = new CheckRun(List.of(sample(), new ExerciseReport("01-autodiff", "Autodiff", Status.NOT_STARTED,
                List.of(), List.of())), true, "the check JVM died (exit 137) after 01-autodiff", Duration.ofMillis(1234));
        CheckRun back = ReportJson.readRun(ReportJson.write(run));
        assertEquals(run, back);
    }

    @Test
    void aMalformedLineIsAClearError() {
        ReportJson.FormatException e = assertThrows(ReportJson.FormatException.class,
                () -> ReportJson.read("{\"id\": \"03\", \"title\": "));
        assertTrue(e.getMessage().startsWith("not JSON: unexpected end of input at line 1, column "), e.getMessage());
        assertTrue(e.getMessage().endsWith("in: {\"id\": \"03\", \"title\": "), e.getMessage());
    }

    @Test
    void aWrongFieldIsNamedWithWhatCame() {
        String line = ReportJson.write(sample());
        ReportJson.FormatException e = assertThrows(ReportJson.FormatException.class,
                () -> ReportJson.read(line.replace("\"status\":\"FAILED\"", "\"status\":\"BROKEN\"")));
        assertEquals("report: \"status\" must be one of [PASSED, IN_PROGRESS, NOT_STARTED, FAILED, COMPILE_ERROR,"
                + " TIMED_OUT], got \"BROKEN\"", e.getMessage());
        e = assertThrows(ReportJson.FormatException.class,
                () -> ReportJson.read(line.replace("\"relativeError\":\"Infinity\"", "\"relativeError\":\"huge\"")));
        assertEquals("report.classes[0].items[1].evidence: \"relativeError\" must be a number, got \"huge\"",
                e.getMessage());
        e = assertThrows(ReportJson.FormatException.class, () -> ReportJson.read("[1, 2]"));
        assertEquals("report: expected a JSON object, got an array", e.getMessage());
    }

    @Test
    void evidenceArraysAreCappedAt4096Values() {
        double[] many = new double[10_000];
        java.util.Arrays.setAll(many, i -> i);
        Evidence e = new Evidence("c", "t", "[0]", 0, 1, 1, many, many, "a", "b");
        assertEquals(Evidence.MAX_VALUES, e.expectedValues().length);
        assertEquals(4095.0, e.actualValues()[4095]);
    }

    private static List<Double> boxed(double[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }
}
