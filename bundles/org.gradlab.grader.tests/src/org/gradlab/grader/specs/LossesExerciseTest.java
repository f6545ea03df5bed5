package org.gradlab.grader.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.Part;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LossesExerciseTest {
    private static final String ID = "04-losses";
    private final LossesExercise spec = new LossesExercise();

    /** Scoring full for these seeds is CourseContractTest's; here: enough checks of each kind. */
    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 987_654_321L})
    void solutionChecksCoverEveryPart(long seed) {
        ExerciseResult r = spec.grade(SpecTesting.compileSolution(ID), seed);
        // every scored part is exercised by every loss
        SpecAssertions.assertEveryPartHasChecks(r, 6);
    }

    @Test
    void noMaxShiftFailsOnlyTheExtremeLogits() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "cross-entropy-no-max-shift"), 5L);
        List<CheckResult> failed = r.checks().stream().filter(c -> !c.passed()).toList();
        assertEquals(1, failed.size(), SpecAssertions.describe(failed));
        assertTrue(failed.get(0).message().contains("NaN") || failed.get(0).message().contains("Infinity"),
                failed.get(0).message());
        assertEquals(Part.EDGE_CASES, failed.get(0).part());
    }

    @Test
    void missingFactorTwoIsNamedOnTheGradientOnly() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "mse-grad-missing-2"), 9L);
        for (CheckResult c : r.checks()) {
            boolean mseGradient = c.name().startsWith("MSELoss/") && !c.name().contains("forward")
                    && !c.name().contains("untouched");
            assertEquals(!mseGradient, c.passed(), c.name() + ": " + c.message());
            if (!c.passed()) {
                assertTrue(c.diagnosis() != null && c.diagnosis().startsWith("off by a factor of 1/2"), c.name() + ": " + c.diagnosis());
                assertTrue(c.message().contains("does not match the numeric gradient of your own forward"),
                        c.message());
            }
        }
    }

    @Test
    void pointsAndClasses() {
        assertEquals(Map.of(Part.FORWARD, 3.0, Part.INPUT_GRADIENT, 3.0, Part.EDGE_CASES, 2.0,
                Part.STATEFUL_INVARIANTS, 2.0), spec.points());
        assertEquals(7, spec.studentClasses().size());
        assertTrue(ExerciseCatalog.byId(ID).isPresent());
    }
}
