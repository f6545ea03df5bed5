package org.gradlab.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gradlab.core.DType;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;

/** α = 0.9, lr = 0.01, ε = 0 throughout, so every number below follows from the formulas by hand. */
class RMSpropTest {
    private static final double TOL = 1e-12;

    @Test
    void plainDividesByTheRunningRms() {
        // s1 = 0.1·4 = 0.4, w1 = −0.01·2/√0.4; s2 = 0.36 + 0.4 = 0.76, w2 = w1 − 0.01·2/√0.76
        List<double[]> w = Steps.run(ps -> new RMSprop(ps, 0.01, 0.9, 0.0, 0.0, 0.0, false), new double[] {0},
                Steps.repeat(new double[] {2}, 2));
        assertEquals(-0.03162277660168379, w.get(0)[0], TOL);
        assertEquals(-0.05456434998873997, w.get(1)[0], TOL);
    }

    @Test
    void centeredSubtractsTheSquaredMeanGradient() {
        // step 1 (g = 2): s = 0.4, a = 0.2, √(0.4 − 0.04) = 0.6, w = −0.02/0.6
        // step 2 (g = −1): s = 0.46, a = 0.08, w = w1 + 0.01/√(0.46 − 0.0064)
        Parameter p = Steps.param(0);
        RMSprop opt = new RMSprop(List.of(p), 0.01, 0.9, 0.0, 0.0, 0.0, true);
        step(p, opt, 2);
        assertEquals(-0.02 / 0.6, p.value().item(), TOL);
        step(p, opt, -1);
        assertEquals(-0.018485486560420865, p.value().item(), TOL);
        ParamState s = opt.state(p);
        assertEquals(0.46, s.buffer("square_avg").item(), TOL);
        assertEquals(0.08, s.buffer("grad_avg").item(), TOL);
        assertFalse(s.buffers().containsKey("momentum_buffer"));
    }

    @Test
    void momentumAccumulatesTheScaledGradient() {
        // b1 = 2/√0.4; b2 = 0.5·b1 + 2/√0.76 = 3.87529616…; w2 = −0.01·(b1 + b2)
        Parameter p = Steps.param(0);
        RMSprop opt = new RMSprop(List.of(p), 0.01, 0.9, 0.0, 0.0, 0.5, false);
        step(p, opt, 2);
        step(p, opt, 2);
        assertEquals(-0.07037573828958187, p.value().item(), TOL);
        assertEquals(3.8752961687898075, opt.state(p).buffer("momentum_buffer").item(), TOL);
        assertEquals(List.of("square_avg", "momentum_buffer"), List.copyOf(opt.state(p).buffers().keySet()));
    }

    @Test
    void weightDecayEntersTheGradient() {
        // g = 0, w = 1, λ = 1 → d = 1: s = 0.1, w = 1 − 0.01/√0.1
        List<double[]> w = Steps.run(ps -> new RMSprop(ps, 0.01, 0.9, 0.0, 1.0, 0.0, false), new double[] {1},
                new double[] {0});
        assertEquals(1 - 0.01 / Math.sqrt(0.1), w.get(0)[0], TOL);
    }

    @Test
    void defaultsAreTorchs() {
        // α = 0.99, ε = 1e-8: first step is −lr·g/(√(0.01·g²) + ε) = −10·lr·sign(g) (up to ε)
        List<double[]> w = Steps.run(ps -> new RMSprop(ps, 0.001), new double[] {0, 0}, new double[] {4, -0.5});
        assertArrayEquals(new double[] {-0.01, 0.01}, w.get(0), 1e-8);
    }

    @Test
    void float32FollowsFloat64() {
        Rng rng = new Rng(11);
        double[][] grads = new double[5][];
        for (int t = 0; t < grads.length; t++) {
            grads[t] = Tensor.randn(rng, 4).toArray();
        }
        double[] w0 = {0.5, -0.25, 1.5, 2.0};
        var f64 = Steps.run(DType.FLOAT64, ps -> new RMSprop(ps, 0.01, 0.95, 1e-6, 0.1, 0.5, true), w0, grads);
        var f32 = Steps.run(DType.FLOAT32, ps -> new RMSprop(ps, 0.01, 0.95, 1e-6, 0.1, 0.5, true), w0, grads);
        for (int t = 0; t < grads.length; t++) {
            assertArrayEquals(f64.get(t), f32.get(t), 1e-5);
        }
    }

    @Test
    void rejectsNegativeAlpha() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new RMSprop(List.of(Steps.param(1)), 0.01, -0.5, 1e-8, 0, 0, false));
        assertTrue(e.getMessage().contains("RMSprop: invalid alpha value: -0.5"), e.getMessage());
    }

    static void step(Parameter p, org.gradlab.core.Optimizer opt, double g) {
        p.zeroGrad();
        p.accumulateGrad(Tensor.vector(g));
        opt.step();
    }
}
