package org.gradlab.check.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReportTextTest {
    private static Item item(String aspect, Outcome o) {
        return new Item(aspect, o, o == Outcome.FAILED ? 1 : 0, 1, o == Outcome.NOT_STARTED ? "not started: TODO" : "",
                null);
    }

    @Test
    void theStatusAddsUpTheClasses() {
        ClassReport done = new ClassReport("a.Done", List.of(item("forward", Outcome.PASSED)));
        ClassReport todo = new ClassReport("a.Todo", List.of(item("forward", Outcome.NOT_STARTED)));
        ClassReport half = new ClassReport("a.Half", List.of(item("forward", Outcome.PASSED),
                item("backward", Outcome.NOT_STARTED)));
        ClassReport wrong = new ClassReport("a.Wrong", List.of(item("forward", Outcome.FAILED),
                item("backward", Outcome.NOT_STARTED)));
        assertEquals(ExerciseReport.Status.PASSED, ExerciseReport.statusOf(List.of(done)));
        assertEquals(ExerciseReport.Status.NOT_STARTED, ExerciseReport.statusOf(List.of(todo, todo)));
        assertEquals(ExerciseReport.Status.IN_PROGRESS, ExerciseReport.statusOf(List.of(done, todo)));
        assertEquals(ExerciseReport.Status.IN_PROGRESS, ExerciseReport.statusOf(List.of(half)));
        assertEquals(ExerciseReport.Status.FAILED, ExerciseReport.statusOf(List.of(done, wrong)));
        assertEquals(Outcome.PASSED, half.outcome());
        assertFalse(half.done());
        assertEquals(Outcome.FAILED, wrong.outcome());
        assertTrue(ExerciseReport.Status.PASSED.ok() && ExerciseReport.Status.NOT_STARTED.ok());
        assertFalse(ExerciseReport.Status.IN_PROGRESS.ok() || ExerciseReport.Status.TIMED_OUT.ok());
    }

    @Test
    void oneLinePerClassAndOnePerFailure() {
        ExerciseReport r = new ExerciseReport("03-activations", "Activation functions", ExerciseReport.Status.FAILED,
                List.of(new ClassReport("activations.ReLU", List.of(item("forward", Outcome.PASSED),
                        item("backward", Outcome.PASSED))),
                        new ClassReport("activations.LeakyReLU", List.of(item("forward", Outcome.PASSED),
                                new Item("backward", Outcome.FAILED, 2, 3, "leaky/2d: grad input: mismatch",
                                        "sign flipped"), item("numeric gradient", Outcome.NOT_STARTED))),
                        new ClassReport("activations.Tanh", List.of(item("forward", Outcome.NOT_STARTED)))),
                List.of("a note"));
        assertEquals(List.of(
                "03-activations  Activation functions: FAILED",
                "  ReLU       ✓ forward  ✓ backward",
                "  LeakyReLU  ✓ forward  ✗ backward  ○ numeric gradient",
                "               ✗ backward [2 of 3 cases]: leaky/2d: grad input: mismatch — diagnosis: sign flipped",
                "  Tanh       not started",
                "    a note"), ReportText.lines(r));
    }
}
