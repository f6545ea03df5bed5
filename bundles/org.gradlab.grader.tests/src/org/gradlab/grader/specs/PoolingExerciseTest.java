package org.gradlab.grader.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.Part;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoolingExerciseTest {
    private static final String ID = "08-pooling";
    private final PoolingExercise spec = new PoolingExercise();

    /** Scoring full for these seeds is CourseContractTest's; here: enough checks of each kind. */
    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 987_654_321L})
    void solutionChecksCoverEveryPart(long seed) {
        ExerciseResult r = spec.grade(SpecTesting.compileSolution(ID), seed);
        SpecAssertions.assertEveryPartHasChecks(r, 2);
    }

    @Test
    void solutionScoresFullOnManySeeds() {
        var code = SpecTesting.compileSolution(ID);
        for (long seed = 100; seed < 125; seed++) {
            SpecAssertions.assertFullScore(spec, code, seed);
        }
    }

    @Test
    void overwrittenGradientsFailOnlyMaxPoolBackward() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "maxpool-overlap-overwrites"), 4L);
        List<CheckResult> failed = r.checks().stream().filter(c -> !c.passed()).toList();
        assertFalse(failed.isEmpty());
        for (CheckResult c : failed) {
            assertTrue(c.name().startsWith("MaxPool2d/") && c.name().contains("backward"), c.name());
            assertTrue(c.diagnosis() != null && c.diagnosis().startsWith("overlapping windows"), c.name());
        }
    }

    @Test
    void zeroPaddingIsNamedInForwardAndBackward() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "maxpool-zero-padding"), 9L);
        List<CheckResult> edge = r.checks().stream()
                .filter(c -> c.name().startsWith("MaxPool2d/edge: all-negative input")).toList();
        assertEquals(2, edge.size());
        for (CheckResult c : edge) {
            assertFalse(c.passed(), c.name());
            assertTrue(c.diagnosis() != null && c.diagnosis().startsWith("padding treated as 0"), c.name());
        }
        assertTrue(r.checks().stream().filter(c -> c.name().startsWith("AvgPool2d/")).allMatch(CheckResult::passed));
    }

    @Test
    void ignoredCountIncludePadFailsOnlyPaddedWindowsCountingPadding() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "avgpool-count-include-pad-ignored"), 10L);
        for (CheckResult c : r.checks()) {
            boolean affected = c.name().startsWith("AvgPool2d/") && c.name().contains("count_include_pad=True")
                    && !c.name().contains("padding (0, 0)");
            if (!affected) {
                assertTrue(c.passed(), c.name() + ": " + c.message());
            }
        }
    }

    @Test
    void pointsAndClasses() {
        assertEquals(Map.of(Part.FORWARD, 3.0, Part.INPUT_GRADIENT, 3.5, Part.EDGE_CASES, 3.0,
                Part.STATEFUL_INVARIANTS, 0.5), spec.points());
        assertEquals(List.of("pooling.MaxPool2d", "pooling.AvgPool2d"), spec.studentClasses());
        assertTrue(ExerciseCatalog.byId(ID).isPresent());
    }
}
