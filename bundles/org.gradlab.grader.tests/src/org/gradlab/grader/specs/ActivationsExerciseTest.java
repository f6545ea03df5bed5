package org.gradlab.grader.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.Part;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActivationsExerciseTest {
    private static final String ID = "03-activations";
    private final ActivationsExercise spec = new ActivationsExercise();

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
    void reluMaskFailsOnlyAtExactZeros() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "relu-mask-ge"), 4L);
        List<CheckResult> failed = r.checks().stream().filter(c -> !c.passed()).toList();
        assertEquals(1, failed.size(), SpecAssertions.describe(failed));
        assertTrue(failed.get(0).name().startsWith("ReLU/inputs exactly 0"), failed.get(0).name());
    }

    @Test
    void missingMaxShiftShowsOnlyAtHugeLogits() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "softmax-no-max-shift"), 4L);
        List<CheckResult> failed = r.checks().stream().filter(c -> !c.passed()).toList();
        assertTrue(!failed.isEmpty() && failed.stream().allMatch(c -> c.name().startsWith("Softmax/logits of ±1000")),
                SpecAssertions.describe(failed));
    }

    @Test
    void everyClassHasRandomCasesOfBothRanksAndInvariants() {
        ExerciseResult r = SpecAssertions.assertFullScore(spec, SpecTesting.compileSolution(ID), 2L);
        for (String kind : List.of("Sigmoid", "Tanh", "ReLU", "LeakyReLU(", "PReLU(", "ELU(", "Softmax(",
                "LogSoftmax(", "Maxout(")) {
            List<String> forwards = r.checks().stream().map(CheckResult::name)
                    .filter(n -> n.startsWith(kind) && n.endsWith(": forward") && !n.contains("inputs")).toList();
            assertTrue(forwards.stream().anyMatch(n -> n.contains("/2-d [")), kind + " " + forwards);
            assertTrue(forwards.stream().anyMatch(n -> n.contains("/4-d, batch 1 [1, ")), kind + " " + forwards);
            assertTrue(r.checks().stream().anyMatch(c -> c.name().startsWith(kind)
                    && c.part() == Part.STATEFUL_INVARIANTS), kind);
        }
    }

    @Test
    void solutionGradesQuickly() {
        double ms = SpecAssertions.gradeMillis(spec, SpecTesting.compileSolution(ID), 1L);
        System.out.println(ID + ": grading the solution took " + ms + " ms");
        assertTrue(ms < 3000, ms + " ms"); // generous: a loaded machine must not fail the build, a pathology must
    }
}
