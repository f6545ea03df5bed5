package org.gradlab.grader.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.Part;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConvolutionExerciseTest {
    private static final String ID = "07-convolution";
    private final ConvolutionExercise spec = new ConvolutionExercise();

    /** Scoring full for these seeds is CourseContractTest's; here: enough checks of each kind. */
    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 987_654_321L})
    void solutionChecksCoverEveryPart(long seed) {
        ExerciseResult r = spec.grade(SpecTesting.compileSolution(ID), seed);
        SpecAssertions.assertEveryPartHasChecks(r, 3);
        for (String layer : List.of("Conv2d/", "ConvTranspose2d/", "UpsamplingNearest2d/")) {
            assertTrue(r.checks().stream().anyMatch(c -> c.name().startsWith(layer) && c.part() == Part.EDGE_CASES),
                    layer + " has no edge cases");
        }
    }

    @Test
    void solutionScoresFullOnManySeeds() {
        var code = SpecTesting.compileSolution(ID);
        for (long seed = 100; seed < 125; seed++) {
            SpecAssertions.assertFullScore(spec, code, seed);
        }
    }

    @Test
    void ignoredDilationFailsOnlyDilatedBackward() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "conv-ignores-dilation-in-backward"), 5L);
        for (CheckResult c : r.checks()) {
            boolean dilated = c.name().startsWith("Conv2d/") && !c.name().contains("dilation (1, 1)");
            boolean backward = c.name().contains("backward");
            if (!dilated || !backward) {
                assertTrue(c.passed(), c.name() + ": " + c.message());
            } else if (!c.passed()) {
                assertNotNull(c.diagnosis(), c.name());
                assertTrue(c.diagnosis().contains("ignores the dilation"), c.name() + ": " + c.diagnosis());
            }
        }
    }

    @Test
    void biasNotSummedOverBatchPassesBatchOne() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "conv-bias-grad-not-summed-over-batch"), 8L);
        for (CheckResult c : r.checks()) {
            if (c.name().startsWith("Conv2d/") && c.name().contains("[input 1x")) {
                assertTrue(c.passed(), c.name() + ": " + c.message());
            }
            if (!c.passed()) {
                assertTrue(c.name().contains("parameter gradients"), c.name());
                assertTrue(c.message().contains("grad bias"), c.message());
            }
        }
    }

    @Test
    void ignoredOutputPaddingFailsOnlyForwardOfTransposedConvolutionWithOutputPadding() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "convtranspose-output-padding-ignored"), 6L);
        List<CheckResult> failed = r.checks().stream().filter(c -> !c.passed()).toList();
        assertFalse(failed.isEmpty());
        for (CheckResult c : failed) {
            assertTrue(c.name().startsWith("ConvTranspose2d/") && !c.name().contains("output padding (0, 0)"),
                    c.name());
        }
        assertTrue(failed.stream().anyMatch(c -> c.name().endsWith("forward")
                && c.diagnosis() != null && c.diagnosis().startsWith("output_padding ignored")),
                SpecAssertions.describe(failed));
    }

    @Test
    void pointsAndClasses() {
        assertEquals(Map.of(Part.FORWARD, 2.5, Part.INPUT_GRADIENT, 2.5, Part.PARAMETER_GRADIENTS, 2.0,
                Part.EDGE_CASES, 2.5, Part.STATEFUL_INVARIANTS, 0.5), spec.points());
        assertEquals(List.of("conv.Conv2d", "conv.ConvTranspose2d", "conv.UpsamplingNearest2d"),
                spec.studentClasses());
        assertTrue(ExerciseCatalog.byId(ID).isPresent());
    }
}
