package org.gradlab.grader.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.PartScore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LossesExerciseTest {
    private static final String ID = "04-losses";
    private final LossesExercise spec = new LossesExercise();

    static List<String> variants() {
        return SpecTesting.variants(ID);
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 987_654_321L})
    void solutionScoresFull(long seed) {
        ExerciseResult r = SpecAssertions.assertFullScore(spec, SpecTesting.compileSolution(ID), seed);
        assertEquals(10.0, r.maxScore(), 0.0);
        // every scored part is exercised by every loss
        for (PartScore p : r.parts()) {
            assertTrue(p.total() >= 6, p.part() + " has only " + p.total() + " checks");
        }
    }

    @Test
    void stubsAreNotStarted() {
        SpecAssertions.assertNotStarted(spec, SpecTesting.compileStubs(ID), 7L);
    }

    @ParameterizedTest
    @MethodSource("variants")
    void variantsAreCaughtAndDiagnosed(String variant) {
        for (long seed : new long[] {3L, 11L}) {
            SpecAssertions.assertVariantCaught(spec, ID, variant, seed);
        }
    }

    @Test
    void atLeastTwoVariants() {
        assertTrue(variants().size() >= 2, variants().toString());
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
    void loopStyleScoresFull() {
        SpecAssertions.assertFullScore(spec, SpecTesting.compileLoopStyle(ID), 13L);
    }

    @Test
    void sameSeedReplaysDifferentSeedsDiffer() {
        var code = SpecTesting.compileSolution(ID);
        SpecAssertions.assertReplayable(spec, code, 21L);
        SpecAssertions.assertSeedsDiffer(spec, code, 21L, 22L);
    }

    @Test
    void pointsAndClasses() {
        assertEquals(Map.of(Part.FORWARD, 3.0, Part.INPUT_GRADIENT, 3.0, Part.EDGE_CASES, 2.0,
                Part.STATEFUL_INVARIANTS, 2.0), spec.points());
        assertEquals(6, spec.studentClasses().size());
        assertTrue(ExerciseCatalog.byId(ID).isPresent());
    }

    @Test
    void gradesQuickly() {
        double ms = SpecAssertions.gradeMillis(spec, SpecTesting.compileSolution(ID), 31L);
        System.out.println("04-losses: grading the solution took " + ms + " ms");
        assertTrue(ms < 1000, ms + " ms");
    }
}
