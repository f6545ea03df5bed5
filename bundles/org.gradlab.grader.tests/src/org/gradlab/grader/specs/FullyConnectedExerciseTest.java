package org.gradlab.grader.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FullyConnectedExerciseTest {
    private static final String ID = "05-fully-connected";
    private final FullyConnectedExercise spec = new FullyConnectedExercise();

    static List<String> variants() {
        return SpecTesting.variants(ID);
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 987_654_321L})
    void solutionScoresFull(long seed) {
        ExerciseResult r = SpecAssertions.assertFullScore(spec, SpecTesting.compileSolution(ID), seed);
        assertEquals(10.0, r.maxScore(), 0.0);
    }

    @Test
    void loopStyleScoresFull() {
        SpecAssertions.assertFullScore(spec, SpecTesting.compileLoopStyle(ID), 5L);
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
    void sameSeedReplaysDifferentSeedsDiffer() {
        SpecAssertions.assertReplayable(spec, SpecTesting.compileSolution(ID), 9L);
        SpecAssertions.assertSeedsDiffer(spec, SpecTesting.compileSolution(ID), 9L, 10L);
    }

    @Test
    void transposedWeightGradientIsNamedWhereTheWeightIsSquare() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "weight-grad-transposed"), 6L);
        CheckResult square = r.checks().stream()
                .filter(c -> c.name().contains("square weight") && c.name().endsWith("(parameter gradients)"))
                .findFirst().orElseThrow();
        assertTrue(!square.passed() && square.diagnosis().startsWith("transposed"), square.toString());
        // elsewhere the transposed gradient has the wrong shape and the student sees the shapes
        assertTrue(r.checks().stream().anyMatch(c -> c.message().contains("accumulateGrad")), r.toString());
    }

    @Test
    void batchOfOneCannotTellSumFromMean() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "grad-divided-by-batch"), 6L);
        assertTrue(r.checks().stream().filter(c -> c.name().contains("batch 1")).allMatch(CheckResult::passed));
        assertTrue(r.checks().stream().anyMatch(c -> !c.passed() && c.name().contains("3-d")));
    }

    @Test
    void solutionGradesQuickly() {
        double ms = SpecAssertions.gradeMillis(spec, SpecTesting.compileSolution(ID), 1L);
        System.out.println(ID + ": grading the solution took " + ms + " ms");
        assertTrue(ms < 3000, ms + " ms"); // generous: a loaded machine must not fail the build, a pathology must
    }
}
