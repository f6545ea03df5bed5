package org.gradlab.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gradlab.core.DType;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;

class AdamTest {
    private static final double TOL = 1e-12;

    @Test
    void firstStepIsMinusLrTimesSignOfGradient() {
        // m̂ = g, v̂ = g² → step = lr·g/(|g| + ε) ≈ lr·sign(g), whatever the gradient's size
        List<double[]> w = Steps.run(ps -> new Adam(ps, 0.01), new double[] {1, 1, 1},
                new double[] {3, -0.5, 1e-3});
        assertArrayEquals(new double[] {0.99, 1.01, 0.99}, w.get(0), 1e-9 + 0.01 * 1e-5);
    }

    @Test
    void secondStepByTheFormula() {
        // g1 = 1, g2 = −1, β = (0.9, 0.999):
        // m2 = 0.9·0.1 − 0.1 = −0.01, v2 = 0.999·0.001 + 0.001 = 0.001999
        // m̂ = −0.01/(1 − 0.81) = −1/19, v̂ = 0.001999/(1 − 0.998001) = 1 → w2 = −0.01 + 0.01/19
        Parameter p = Steps.param(0);
        Adam opt = new Adam(List.of(p), 0.01, 0.9, 0.999, 0.0, 0.0);
        RMSpropTest.step(p, opt, 1);
        assertEquals(-0.01, p.value().item(), TOL);
        RMSpropTest.step(p, opt, -1);
        assertEquals(-0.01 + 0.01 / 19, p.value().item(), TOL);
        ParamState s = opt.state(p);
        assertEquals(2, s.step());
        assertEquals(-0.01, s.buffer("exp_avg").item(), TOL);
        assertEquals(0.001999, s.buffer("exp_avg_sq").item(), TOL);
    }

    @Test
    void l2WeightDecayIsScaledByTheAdaptiveRateButDecoupledDecayIsNot() {
        // g = 0, w = 1, λ = 0.1, lr = 0.01.
        // Adam: d = 0.1 → a full sign step, w = 0.99.  AdamW: w·(1 − 0.001) = 0.999, then a zero step.
        double[] w0 = {1};
        double[] zero = {0};
        double adam = Steps.run(ps -> new Adam(ps, 0.01, 0.9, 0.999, 1e-8, 0.1), w0, zero).get(0)[0];
        double adamw = Steps.run(ps -> new AdamW(ps, 0.01, 0.9, 0.999, 1e-8, 0.1), w0, zero).get(0)[0];
        assertEquals(0.99, adam, 1e-8);
        assertEquals(0.999, adamw, TOL);
        // with a gradient: AdamW = shrink then Adam on g; Adam-L2 = Adam on g + λw
        double l2 = Steps.run(ps -> new Adam(ps, 0.1, 0.9, 0.999, 0.0, 0.1), new double[] {2}, new double[] {-5})
                .get(0)[0];
        double decoupled = Steps.run(ps -> new AdamW(ps, 0.1, 0.9, 0.999, 0.0, 0.1), new double[] {2},
                new double[] {-5}).get(0)[0];
        assertEquals(2.1, l2, TOL);
        assertEquals(2 * (1 - 0.01) + 0.1, decoupled, TOL);
        assertNotEquals(l2, decoupled);
    }

    @Test
    void adamWithoutDecayEqualsAdamW() {
        Rng rng = new Rng(21);
        double[][] grads = new double[4][];
        for (int t = 0; t < grads.length; t++) {
            grads[t] = Tensor.randn(rng, 3).toArray();
        }
        double[] w0 = {1, 2, 3};
        var a = Steps.run(ps -> new Adam(ps, 0.05, 0.8, 0.9, 1e-6, 0.0), w0, grads);
        var b = Steps.run(ps -> new AdamW(ps, 0.05, 0.8, 0.9, 1e-6, 0.0), w0, grads);
        for (int t = 0; t < grads.length; t++) {
            assertArrayEquals(a.get(t), b.get(t), 0.0);
        }
    }

    @Test
    void adamWDefaultsToTorchsWeightDecay() {
        double w = Steps.run(ps -> new AdamW(ps, 0.1), new double[] {1}, new double[] {0}).get(0)[0];
        assertEquals(1 - 0.1 * 0.01, w, TOL);
    }

    @Test
    void float32FollowsFloat64AndKeepsFloat32State() {
        Rng rng = new Rng(9);
        double[][] grads = new double[5][];
        for (int t = 0; t < grads.length; t++) {
            grads[t] = Tensor.randn(rng, 4).toArray();
        }
        double[] w0 = {0.5, -0.25, 1.5, 2.0};
        var f64 = Steps.run(DType.FLOAT64, ps -> new AdamW(ps, 0.01, 0.9, 0.99, 1e-8, 0.1), w0, grads);
        var f32 = Steps.run(DType.FLOAT32, ps -> new AdamW(ps, 0.01, 0.9, 0.99, 1e-8, 0.1), w0, grads);
        for (int t = 0; t < grads.length; t++) {
            assertArrayEquals(f64.get(t), f32.get(t), 1e-5);
        }
        Parameter p = new Parameter("w", Tensor.ones(DType.FLOAT32, 2));
        Adam opt = new Adam(List.of(p), 0.01);
        p.accumulateGrad(Tensor.of(DType.FLOAT32, new double[] {0.3, -0.3}, 2));
        opt.step();
        assertEquals(DType.FLOAT32, opt.state(p).buffer("exp_avg").dtype());
        assertEquals(DType.FLOAT32, opt.state(p).buffer("exp_avg_sq").dtype());
        assertEquals(0.99, p.value().getFlat(0), 1e-6);
    }

    @Test
    void rejectsBadBetas() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Adam(List.of(Steps.param(1)), 0.01, 1.0, 0.999, 1e-8, 0));
        assertTrue(e.getMessage().contains("Adam: invalid beta parameter at index 0: 1.0"), e.getMessage());
        var w = assertThrows(IllegalArgumentException.class,
                () -> new AdamW(List.of(Steps.param(1)), 0.01, 0.9, -0.1, 1e-8, 0));
        assertTrue(w.getMessage().contains("AdamW: invalid beta parameter at index 1"), w.getMessage());
    }
}
