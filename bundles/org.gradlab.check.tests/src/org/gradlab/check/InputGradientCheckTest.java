package org.gradlab.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradlab.core.DType;
import org.gradlab.core.Layer;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;

class InputGradientCheckTest {
    /** y = x³ (smooth) or max(x, 0) (kink at 0), with a backward that can be made wrong by a factor. */
    static final class Pointwise implements Layer {
        final boolean relu;
        final double backwardFactor;
        Tensor x;

        Pointwise(boolean relu, double backwardFactor) {
            this.relu = relu;
            this.backwardFactor = backwardFactor;
        }

        @Override
        public Tensor forward(Tensor input) {
            x = input;
            return relu ? input.maximum(0) : input.pow(3);
        }

        @Override
        public Tensor backward(Tensor g) {
            Tensor local = relu ? x.gt(0) : x.square().mul(3);
            return g.mul(local).mul(backwardFactor);
        }
    }

    private static Comparison run(Pointwise layer, int n, DType dtype, long seed) {
        Rng rng = new Rng(seed);
        Tensor x = Tensor.randn(dtype, rng, n);
        Tensor g = Tensor.randn(dtype, rng, n);
        layer.forward(x);
        Tensor analytic = layer.backward(g);
        return GradientCheck.inputGradient(layer, x, g, analytic, CheckSettings.forType(dtype), rng);
    }

    @Test
    void fullCheckOnSmallInputs() {
        Comparison ok = run(new Pointwise(false, 1), 50, DType.FLOAT64, 1);
        assertTrue(ok.passed(), ok.message());
        assertTrue(ok.message().contains("full check of all 50 input elements"), ok.message());
        assertFalse(run(new Pointwise(false, 1.01), 50, DType.FLOAT64, 1).passed());
    }

    @Test
    void randomDirectionsOnLargeInputs() {
        Comparison ok = run(new Pointwise(false, 1), 5000, DType.FLOAT64, 2);
        assertTrue(ok.passed(), ok.message());
        assertTrue(ok.message().contains("random-direction check"), ok.message());
        Comparison wrong = run(new Pointwise(false, 0.5), 5000, DType.FLOAT64, 2);
        assertFalse(wrong.passed(), wrong.message());
    }

    @Test
    void float32UsesLooserSettingsAndStillCatchesBugs() {
        Comparison ok = run(new Pointwise(false, 1), 40, DType.FLOAT32, 3);
        assertTrue(ok.passed(), ok.message());
        assertTrue(ok.message().contains("step 1e-03 for float32"), ok.message());
        assertFalse(run(new Pointwise(false, 2), 40, DType.FLOAT32, 3).passed());
    }

    @Test
    void probesAcrossAKinkAreRejectedNotFailed() {
        Pointwise relu = new Pointwise(true, 1);
        Tensor x = Tensor.vector(0.5, 0.0, -0.3);
        Tensor g = Tensor.vector(1, 1, 1);
        relu.forward(x);
        Tensor analytic = relu.backward(g);
        KinkException e = assertThrows(KinkException.class, () -> GradientCheck.inputGradient(relu, x, g, analytic,
                CheckSettings.forType(DType.FLOAT64), new Rng(4)));
        assertTrue(e.getMessage().startsWith("non-differentiable point at input [1]"), e.getMessage());
        Tensor away = Tensor.vector(0.5, 0.2, -0.3);
        relu.forward(away);
        assertTrue(GradientCheck.inputGradient(relu, away, g, relu.backward(g), CheckSettings.forType(DType.FLOAT64),
                new Rng(4)).passed());
    }
}
