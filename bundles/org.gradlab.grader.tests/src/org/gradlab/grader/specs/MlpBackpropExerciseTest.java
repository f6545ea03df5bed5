package org.gradlab.grader.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.gradlab.check.NumericGradient;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.specs.MlpBackpropExercise.Net;
import org.junit.jupiter.api.Test;

class MlpBackpropExerciseTest {
    private static final String ID = "02-mlp-backprop";
    private final MlpBackpropExercise spec = new MlpBackpropExercise();

    /** σ'(z) = z(1 − z) leaves the forward right: only gradient checks fail, and the second oracle says so. */
    @Test
    void preActivationDerivativeFailsOnlyGradients() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "sigmoid-derivative-uses-preactivation"), 5L);
        for (CheckResult c : r.checks()) {
            if (c.name().endsWith(": forward")) {
                assertTrue(c.passed(), c.name() + ": " + c.message());
            }
            if (!c.passed() && c.name().endsWith(": backward")) {
                assertTrue(c.message().contains("does not match the numeric gradient of your own forward"),
                        c.message());
                assertEquals(MlpBackpropExercise.PRE_ACTIVATION, c.diagnosis());
            }
        }
    }

    /** A sigmoid on the output makes a consistent but different network: the second oracle points at the forward. */
    @Test
    void sigmoidOnTheOutputIsBlamedOnTheForward() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "missing-last-layer-linear"), 5L);
        CheckResult backward = r.checks().stream().filter(c -> c.name().startsWith("random network 1")
                && c.name().endsWith("backward")).findFirst().orElseThrow();
        assertTrue(!backward.passed() && backward.message().contains("matches the numeric gradient of your own"
                + " forward"), backward.message());
        assertEquals(MlpBackpropExercise.SIGMOID_LAST, backward.diagnosis());
    }

    /** The grader's reference: gradients equal central differences of the loss (so the oracle itself is right). */
    @Test
    void referenceGradientsAreNumericGradients() {
        Rng rng = new Rng(3);
        for (int depth = 1; depth <= 5; depth++) {
            Net n = MlpBackpropExercise.draw(rng, depth);
            List<Tensor> grads = MlpBackpropExercise.reference(n).grads();
            assertEquals(2 * depth, grads.size());
            for (int i = 0; i < grads.size(); i++) {
                int index = i;
                Tensor numeric = NumericGradient.ofScalar(p -> MlpBackpropExercise.reference(n.replacing(index, p))
                        .loss(), n.parameter(i), NumericGradient.DEFAULT_STEP);
                assertTrue(numeric.allClose(grads.get(i), 1e-5, 1e-7), "depth " + depth + ", tensor " + i);
            }
        }
    }

    /** The effect the exercise shows is large and reliable: at depth 8 the ratio is far beyond 100. */
    @Test
    void gradientsVanishReliably() {
        for (int s = 0; s < 50; s++) {
            int width = 4 + s % 13;
            double[] norms = MlpBackpropExercise.referenceNorms(8, width, s);
            assertTrue(norms[7] / norms[0] > 100 * MlpBackpropExercise.VANISHING_RATIO,
                    "stream " + s + ", width " + width + ": ratio " + norms[7] / norms[0]);
        }
    }

    @Test
    void pointsAndClasses() {
        assertEquals(Map.of(Part.FORWARD, 2.0, Part.PARAMETER_GRADIENTS, 4.0, Part.EDGE_CASES, 2.5,
                Part.STATEFUL_INVARIANTS, 1.5), spec.points());
        assertEquals(List.of("mlp.ManualMlp", "mlp.VanishingGradients"), spec.studentClasses());
        assertTrue(ExerciseCatalog.byId(ID).isPresent());
    }
}
