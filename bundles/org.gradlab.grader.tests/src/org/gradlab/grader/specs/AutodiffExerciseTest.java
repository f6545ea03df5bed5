package org.gradlab.grader.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;
import org.junit.jupiter.api.Test;

class AutodiffExerciseTest {
    private static final String ID = "01-autodiff";
    private final AutodiffExercise spec = new AutodiffExercise();

    @Test
    void recursionFailsOnlyTheDeepChainAndSaysSo() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "recursive-topological-sort"), 4L);
        List<CheckResult> failed = r.checks().stream().filter(c -> !c.passed()).toList();
        assertEquals(1, failed.size(), SpecAssertions.describe(failed));
        assertTrue(failed.get(0).message().startsWith("recursed too deeply"), failed.get(0).message());
    }

    @Test
    void overwritingFailsOnlyWhereAValueIsReused() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "grad-overwritten"), 4L);
        CheckResult square = r.checks().stream().filter(c -> c.name().startsWith("x·x")).findFirst().orElseThrow();
        assertTrue(!square.passed() && square.message().contains("∂f/∂x is"), square.message());
        // single operations on distinct leaves share nothing, so assigning is harmless there
        assertTrue(r.checks().stream().filter(c -> c.name().equals("mul backward")).allMatch(CheckResult::passed));
    }

    @Test
    void courseExampleHasTheNotesNumbers() {
        double[] grads = AutodiffExercise.courseExample().referenceGradients();
        assertEquals(48.7569, grads[0], 1e-4);
        assertEquals(-10.0, grads[1], 1e-12);
    }
}
