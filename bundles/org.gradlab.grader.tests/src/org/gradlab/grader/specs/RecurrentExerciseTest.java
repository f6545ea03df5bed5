package org.gradlab.grader.specs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.StudentCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecurrentExerciseTest {
    private static final RecurrentExercise SPEC = new RecurrentExercise();

    private static StudentCode solution() {
        return SpecTesting.compileSolution(SPEC.id());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void solutionHasManyChecks(long seed) {
        ExerciseResult r = SPEC.grade(solution(), seed);
        assertTrue(r.checks().size() >= 25, "checks: " + r.checks().size());
    }
}
