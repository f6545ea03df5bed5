package org.gradlab.engine.loss;

import java.util.List;

import org.gradlab.check.GradientCheck;
import org.gradlab.core.Loss;
import org.gradlab.core.Tensor;

/** Helpers shared by the loss tests. */
final class LossTesting {
    private LossTesting() {
    }

    /**
     * Checks backward (scaled by a grad_output of 1.3, as the op family does) against central
     * differences of the scalar loss, over every input element.
     */
    static void assertGradient(Loss loss, Tensor input, Tensor target) {
        double scale = 1.3;
        loss.forward(input, target);
        Tensor analytic = loss.backward().mul(scale);
        GradientCheck.assertAllPassed(GradientCheck.function(in -> Tensor.scalar(loss.forward(in.get(0), target)),
                List.of("input"), List.of(input), Tensor.scalar(scale), List.of(analytic)));
    }
}
