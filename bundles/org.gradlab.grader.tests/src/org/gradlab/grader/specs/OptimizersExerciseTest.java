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

class OptimizersExerciseTest {
    private static final String ID = "06-optimizers";
    private final OptimizersExercise spec = new OptimizersExercise();

    private List<CheckResult> failed(String variant, long seed) {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, variant), seed);
        return r.checks().stream().filter(c -> !c.passed()).toList();
    }

    /** Scoring full for these seeds is CourseContractTest's; here: enough checks of each kind. */
    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 987_654_321L})
    void solutionChecksCoverEveryPart(long seed) {
        ExerciseResult r = spec.grade(SpecTesting.compileSolution(ID), seed);
        SpecAssertions.assertEveryPartHasChecks(r, 10);
    }

    @Test
    void missingBiasCorrectionIsNamedAndOnlyAdamFails() {
        for (CheckResult c : failed("adam-no-bias-correction", 5L)) {
            assertTrue(c.name().startsWith("Adam/") || c.name().startsWith("AdamW/"), c.name());
            // m and v are right: the parameters are what diverged
            assertTrue(c.message().contains("the parameters diverged while the state [exp_avg, exp_avg_sq, step]"
                    + " still matched") || c.name().contains("first step"), c.message());
            assertTrue(c.diagnosis() != null && c.diagnosis().startsWith("Adam without bias correction"),
                    c.name() + ": " + c.diagnosis());
        }
    }

    @Test
    void theStateThatDivergedFirstIsNamed() {
        List<CheckResult> failed = failed("adam-v-uses-beta1", 5L);
        CheckResult all = failed.stream().filter(c -> c.name().startsWith("Adam/all")).findFirst().orElseThrow();
        assertTrue(all.message().startsWith("after step 1, Adam's v (exp_avg_sq) diverged first — exp_avg_sq of"
                + " parameter 'weight': mismatch, worst element"), all.message());
        CheckResult counted = failed("adam-step-counted-per-parameter", 5L).stream()
                .filter(c -> c.name().startsWith("Adam/all")).findFirst().orElseThrow();
        assertTrue(counted.message().startsWith("after step 1, Adam's t (step) diverged first: stateOf(bias)"),
                counted.message());
        // the velocity form that equals PyTorch's only at constant lr: state named, form diagnosed
        List<CheckResult> sgd = failed("sgd-momentum-lr-in-velocity", 5L);
        CheckResult random = sgd.stream().filter(c -> c.name().startsWith("SGD/all")).findFirst().orElseThrow();
        assertTrue(random.message().startsWith("after step 1, SGD's velocity (momentum_buffer) diverged first"),
                random.message());
        assertTrue(random.diagnosis().startsWith("momentum in the other form"), random.diagnosis());
        // its parameters are right while lr is constant: the first steps pass
        assertTrue(sgd.stream().noneMatch(c -> c.name().contains("first step")), SpecAssertions.describe(sgd));
    }

    @Test
    void gradientsChangedInPlaceAreReported() {
        List<CheckResult> failed = failed("adam-decay-into-grad", 5L);
        assertTrue(!failed.isEmpty());
        for (CheckResult c : failed) {
            assertTrue(c.name().startsWith("Adam/"), c.name());
            assertTrue(c.message().startsWith("step 1 changed the gradient of parameter 'weight' in place"),
                    c.message());
        }
    }

    @Test
    void cachedLearningRateFailsOnlyWhereLrChanges() {
        List<CheckResult> failed = failed("adagrad-caches-learning-rate", 5L);
        assertEquals(List.of("Adagrad/lr changed between steps (setLearningRate)"),
                failed.stream().map(CheckResult::name).toList());
        assertTrue(failed.get(0).message().startsWith("after step 3, "), failed.get(0).message());
    }

    @Test
    void rmspropWithoutRootFailsEveryRmspropCheck() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "rmsprop-no-sqrt"), 8L);
        for (CheckResult c : r.checks()) {
            assertEquals(!c.name().startsWith("RMSprop/"), c.passed(), c.name() + ": " + c.message());
        }
    }

    @Test
    void momentumFormsAndSchedulesFailOnlyWhereWrong() {
        List<CheckResult> ball = failed("heavy-ball-without-momentum", 3L);
        assertEquals(List.of("MomentumForms/heavyBall vs SGD(momentum), random 1",
                "MomentumForms/heavyBall equals velocity, random 1", "MomentumForms/heavyBall vs SGD(momentum), random 2",
                "MomentumForms/heavyBall equals velocity, random 2"), ball.stream().map(CheckResult::name).toList());
        assertTrue(ball.get(0).message().startsWith("after step 1 θ differs from SGD(lr, momentum=β)'s")
                || ball.get(0).message().startsWith("after step 2 θ differs"), ball.get(0).message());
        assertTrue(ball.get(0).diagnosis().startsWith("no momentum"), ball.get(0).diagnosis());
        List<CheckResult> cos = failed("cosine-clamped-after-tmax", 3L);
        assertEquals(2, cos.size(), SpecAssertions.describe(cos));
        for (CheckResult c : cos) {
            assertTrue(c.name().startsWith("CosineAnnealingLR/"), c.name());
            assertTrue(c.diagnosis().startsWith("the rate clamped at eta_min past T_max"), c.diagnosis());
        }
    }

    @Test
    void pointsAndClasses() {
        assertEquals(Map.of(Part.FORWARD, 3.0, Part.EDGE_CASES, 3.0, Part.STATEFUL_INVARIANTS, 4.0), spec.points());
        assertEquals(List.of("optim.SGD", "optim.RMSprop", "optim.Adagrad", "optim.Adam", "optim.AdamW",
                "optim.MomentumForms", "optim.StepLR", "optim.CosineAnnealingLR"),
                spec.studentClasses());
        assertTrue(ExerciseCatalog.byId(ID).isPresent());
    }
}
