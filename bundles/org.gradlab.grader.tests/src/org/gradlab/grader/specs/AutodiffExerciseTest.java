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

class AutodiffExerciseTest {
    private static final String ID = "01-autodiff";
    private final AutodiffExercise spec = new AutodiffExercise();

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

    @Test
    void solutionGradesQuickly() {
        double ms = SpecAssertions.gradeMillis(spec, SpecTesting.compileSolution(ID), 1L);
        System.out.println("01-autodiff: grading the solution took " + ms + " ms");
        assertTrue(ms < 3000, ms + " ms"); // generous: a loaded machine must not fail the build, a pathology must
    }
}
