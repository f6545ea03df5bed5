package org.gradlab.grader.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.StudentCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttentionExerciseTest {
    private static final String ID = "12-attention";
    private final AttentionExercise spec = new AttentionExercise();

    private static StudentCode solution() {
        return SpecTesting.compileSolution(ID);
    }

    /** Scoring full for these seeds is CourseContractTest's; here: enough checks of each kind. */
    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 987_654_321L})
    void solutionChecksCoverEveryPart(long seed) {
        ExerciseResult r = spec.grade(solution(), seed);
        SpecAssertions.assertEveryPartHasChecks(r, 3);
        for (String cls : List.of("ScaledDotProductAttention(", "MultiheadAttention(", "LayerNorm(",
                "TransformerEncoderBlock(")) {
            assertTrue(r.checks().stream().anyMatch(c -> c.name().startsWith(cls)), "no check of " + cls);
        }
    }

    @Test
    void noMaxShiftFailsOnlyTheLargeScores() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "softmax-no-max-shift"), 5L);
        List<CheckResult> failed = r.checks().stream().filter(c -> !c.passed()).toList();
        assertFalse(failed.isEmpty());
        for (CheckResult c : failed) {
            assertTrue(c.name().contains("scores up to ±1000"), SpecAssertions.describe(failed));
            assertEquals(Part.EDGE_CASES, c.part());
        }
    }

    @Test
    void diagonalMaskIsCaughtOnTheStudentsOwnForward() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "causal-mask-diagonal"), 8L);
        CheckResult mask = r.checks().stream().filter(c -> c.name().contains("/causal mask")).findFirst().orElseThrow();
        assertFalse(mask.passed());
        assertEquals(Part.EDGE_CASES, mask.part());
        assertEquals(AttentionChecks.DIAGONAL_MASKED, mask.diagnosis());
        // non-causal cases are untouched by a wrong mask
        assertTrue(r.checks().stream().filter(c -> c.name().startsWith("ScaledDotProductAttention(causal=false)"))
                .allMatch(CheckResult::passed));
    }

    @Test
    void noGpTermFailsOnlyWhatDependsOnTheScoreGradient() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "softmax-backward-no-gp-term"), 6L);
        for (CheckResult c : r.checks()) {
            boolean sdpa = c.name().startsWith("ScaledDotProductAttention(");
            boolean dependsOnDs = c.name().contains("(grad query)") || c.name().contains("(grad key)")
                    || (c.name().startsWith("MultiheadAttention(") || c.name().startsWith("TransformerEncoderBlock("))
                            && c.name().contains("(parameter gradients)")
                    || c.name().startsWith("TransformerEncoderBlock(") && c.name().contains("(grad x)");
            assertEquals(!dependsOnDs, c.passed(), c.name() + ": " + c.message());
            if (sdpa && !c.passed()) {
                assertTrue(c.message().contains("does not match the numeric gradient of your own forward"),
                        c.message());
                assertTrue(c.diagnosis() != null && c.diagnosis().contains("−(g·p)"), c.name() + ": " + c.diagnosis());
            }
        }
    }

    @Test
    void selfAttentionPassesOneTensorAndJudgesThreeGradients() {
        ExerciseResult r = spec.grade(solution(), 9L);
        List<String> self = r.checks().stream().map(CheckResult::name).filter(n -> n.contains("self-attention"))
                .toList();
        for (String grad : List.of("(grad query)", "(grad key)", "(grad value)")) {
            assertTrue(self.stream().anyMatch(n -> n.contains(grad)), grad + " in " + self);
        }
    }

    @Test
    void encoderBlockWithTheQueryGradientOnlyIsNamed() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "encoder-block-dx-query-only"), 3L);
        for (CheckResult c : r.checks()) {
            boolean wrong = c.name().startsWith("TransformerEncoderBlock(") && c.name().contains("(grad x)");
            assertEquals(!wrong, c.passed(), c.name() + ": " + c.message());
            if (wrong) {
                assertEquals(TransformerEncoderBlockChecks.QUERY_PATH_ONLY, c.diagnosis(), c.message());
            }
        }
    }

    @Test
    void pointsAndCatalog() {
        assertEquals(10.0, spec.points().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
        assertEquals(4, spec.studentClasses().size());
        assertTrue(ExerciseCatalog.byId(ID).isPresent());
    }
}
