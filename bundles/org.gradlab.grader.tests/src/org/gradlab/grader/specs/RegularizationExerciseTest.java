package org.gradlab.grader.specs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.StudentCode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegularizationExerciseTest {
    private static final RegularizationExercise SPEC = new RegularizationExercise();

    private static StudentCode solution() {
        return SpecTesting.compileSolution(SPEC.id());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void solutionScoresFull(long seed) {
        ExerciseResult r = SpecContract.assertFullScore(SPEC, solution(), seed);
        assertTrue(r.checks().size() >= 30, "checks: " + r.checks().size());
    }

    @Test
    void loopStyleScoresFull() {
        SpecContract.assertFullScore(SPEC, SpecTesting.compileLoopStyle(SPEC.id()), 4);
    }

    @Test
    void stubsAreNotStarted() {
        SpecContract.assertNotStarted(SPEC, SpecTesting.compileStubs(SPEC.id()), 1);
    }

    @TestFactory
    Stream<DynamicTest> variantsAreCaught() {
        List<String> variants = SpecTesting.variants(SPEC.id());
        assertTrue(variants.size() >= 2, "variants: " + variants);
        return variants.stream().flatMap(v -> Stream.of(1L, 2L).map(seed -> DynamicTest.dynamicTest(v + " seed " + seed,
                () -> SpecContract.assertVariantCaught(SPEC, v, seed))));
    }

    @Test
    void gradingIsAFunctionOfTheSeed() {
        SpecContract.assertSeeded(SPEC, solution());
    }

    @Test
    void everyPartHasChecksAndPointsSumToTen() {
        ExerciseResult r = SPEC.grade(solution(), 5);
        assertTrue(Math.abs(r.maxScore() - 10) < 1e-12);
        for (Part p : SPEC.points().keySet()) {
            assertTrue(r.checks().stream().anyMatch(c -> c.part() == p), "no check for " + p);
        }
    }

    @Test
    void gradesQuickly() {
        double ms = SpecContract.timeMillis(SPEC, solution());
        System.out.println("10-regularization: solution graded in " + ms + " ms");
        assertTrue(ms < 2000, ms + " ms");
    }
}
