package org.gradlab.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gradlab.core.DType;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;

class SGDTest {
    private static final double TOL = 1e-12;

    @Test
    void plainStepIsMinusLrTimesGradient() {
        List<double[]> w = Steps.run(ps -> new SGD(ps, 0.1), new double[] {1, -2}, new double[] {0.5, -1},
                new double[] {0.5, -1});
        assertArrayEquals(new double[] {0.95, -1.9}, w.get(0), TOL);
        assertArrayEquals(new double[] {0.9, -1.8}, w.get(1), TOL);
    }

    @Test
    void momentumFirstBufferIsTheGradientThenAccumulates() {
        // b1 = g = 1, w1 = −0.1; b2 = 0.9 + 1 = 1.9, w2 = −0.29; b3 = 1.71 + 1 = 2.71, w3 = −0.561
        List<double[]> w = Steps.run(ps -> new SGD(ps, 0.1, 0.9), new double[] {0}, Steps.repeat(new double[] {1}, 3));
        assertEquals(-0.1, w.get(0)[0], TOL);
        assertEquals(-0.29, w.get(1)[0], TOL);
        assertEquals(-0.561, w.get(2)[0], TOL);
    }

    @Test
    void dampeningSkipsTheFirstStepLikeTorch() {
        // b1 = g = 1 (not 0.5); b2 = 0.9·1 + 0.5·1 = 1.4
        List<double[]> w = Steps.run(ps -> new SGD(ps, 0.1, 0.9, 0.5, 0.0, false), new double[] {0},
                Steps.repeat(new double[] {1}, 2));
        assertEquals(-0.1, w.get(0)[0], TOL);
        assertEquals(-0.24, w.get(1)[0], TOL);
    }

    @Test
    void torchMomentumEqualsTheClassicVelocityForm() {
        // torch: b ← μb + g, w ← w − lr·b;  classic (Sutskever): v ← μv − lr·g, w ← w + v.
        Rng rng = new Rng(7);
        double lr = 0.05;
        double mu = 0.8;
        double[][] grads = new double[6][];
        for (int t = 0; t < grads.length; t++) {
            grads[t] = Tensor.randn(rng, 3).toArray();
        }
        double[] w0 = {0.3, -1.2, 2.0};
        List<double[]> torch = Steps.run(ps -> new SGD(ps, lr, mu), w0, grads);
        double[] w = w0.clone();
        double[] v = new double[3];
        for (int t = 0; t < grads.length; t++) {
            for (int i = 0; i < 3; i++) {
                v[i] = mu * v[i] - lr * grads[t][i];
                w[i] += v[i];
            }
            assertArrayEquals(w, torch.get(t), 1e-12, "step " + (t + 1));
        }
    }

    @Test
    void nesterovLooksAhead() {
        // b1 = 1, d = 1 + 0.9·1 = 1.9 → w1 = −0.19; b2 = 1.9, d = 1 + 0.9·1.9 = 2.71 → w2 = −0.461
        List<double[]> w = Steps.run(ps -> new SGD(ps, 0.1, 0.9, 0.0, 0.0, true), new double[] {0},
                Steps.repeat(new double[] {1}, 2));
        assertEquals(-0.19, w.get(0)[0], TOL);
        assertEquals(-0.461, w.get(1)[0], TOL);
    }

    @Test
    void nesterovNeedsMomentumAndNoDampening() {
        List<Parameter> ps = List.of(Steps.param(1));
        var noMomentum = assertThrows(IllegalArgumentException.class, () -> new SGD(ps, 0.1, 0.0, 0.0, 0.0, true));
        assertTrue(noMomentum.getMessage().contains("Nesterov momentum requires a momentum"), noMomentum.getMessage());
        var damped = assertThrows(IllegalArgumentException.class, () -> new SGD(ps, 0.1, 0.9, 0.1, 0.0, true));
        assertTrue(damped.getMessage().contains("zero dampening"), damped.getMessage());
    }

    @Test
    void weightDecayShrinksWithoutGradient() {
        // d = 0 + 0.1·w → w ← w·(1 − 0.01)
        List<double[]> w = Steps.run(ps -> new SGD(ps, 0.1, 0.0, 0.0, 0.1, false), new double[] {1, -3},
                Steps.repeat(new double[] {0, 0}, 2));
        assertArrayEquals(new double[] {0.99, -2.97}, w.get(0), TOL);
        assertArrayEquals(new double[] {0.9801, -2.9403}, w.get(1), TOL);
    }

    @Test
    void stateHoldsTheVelocity() {
        Parameter p = Steps.param(0);
        SGD opt = new SGD(List.of(p), 0.1, 0.9);
        assertEquals(0, opt.state(p).step());
        for (int t = 0; t < 2; t++) {
            p.zeroGrad();
            p.accumulateGrad(Tensor.vector(1));
            opt.step();
        }
        ParamState s = opt.state(p);
        assertEquals(2, s.step());
        assertEquals(1.9, s.buffer("momentum_buffer").item(), TOL);
        s.buffer("momentum_buffer").fill(100); // a copy: the optimizer keeps its own
        assertEquals(1.9, opt.state(p).buffer("momentum_buffer").item(), TOL);
        var none = assertThrows(IllegalArgumentException.class, () -> opt.state(p).buffer("exp_avg"));
        assertTrue(none.getMessage().contains("momentum_buffer"), none.getMessage());
        assertTrue(new SGD(List.of(p), 0.1).state(p).buffers().isEmpty());
        var foreign = assertThrows(IllegalArgumentException.class, () -> opt.state(Steps.param(1)));
        assertTrue(foreign.getMessage().contains("not one of"), foreign.getMessage());
    }

    @Test
    void float32FollowsFloat64AndKeepsItsType() {
        Rng rng = new Rng(3);
        double[][] grads = new double[5][];
        for (int t = 0; t < grads.length; t++) {
            grads[t] = Tensor.randn(rng, 4).toArray();
        }
        double[] w0 = {0.5, -0.25, 1.5, 2.0};
        List<double[]> f64 = Steps.run(DType.FLOAT64, ps -> new SGD(ps, 0.1, 0.9, 0.0, 0.01, true), w0, grads);
        List<double[]> f32 = Steps.run(DType.FLOAT32, ps -> new SGD(ps, 0.1, 0.9, 0.0, 0.01, true), w0, grads);
        for (int t = 0; t < grads.length; t++) {
            assertArrayEquals(f64.get(t), f32.get(t), 1e-5);
        }
        Parameter p = new Parameter("w", Tensor.zeros(DType.FLOAT32, 2));
        SGD opt = new SGD(List.of(p), 0.1, 0.9);
        p.accumulateGrad(Tensor.of(DType.FLOAT32, new double[] {1, 2}, 2));
        opt.step();
        assertEquals(DType.FLOAT32, p.value().dtype());
        assertEquals(DType.FLOAT32, opt.state(p).buffer("momentum_buffer").dtype());
        assertEquals((double) (float) -0.1, p.value().getFlat(0), 0.0);
    }

    @Test
    void rejectsBadArguments() {
        var lr = assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(Steps.param(1)), -0.1));
        assertTrue(lr.getMessage().contains("SGD: invalid learning rate: -0.1"), lr.getMessage());
        var empty = assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(), 0.1));
        assertTrue(empty.getMessage().contains("empty parameter list"), empty.getMessage());
        Parameter p = Steps.param(1);
        var twice = assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(p, p), 0.1));
        assertTrue(twice.getMessage().contains("more than once"), twice.getMessage());
    }

    @Test
    void zeroGradAndLearningRateFromTheInterface() {
        Parameter p = Steps.param(1);
        SGD opt = new SGD(List.of(p), 0.1);
        p.accumulateGrad(Tensor.vector(2));
        opt.setLearningRate(0.5);
        opt.step();
        assertEquals(0.0, p.value().item(), TOL);
        opt.zeroGrad();
        assertEquals(0.0, p.grad().item(), 0.0);
        assertEquals(0.5, opt.learningRate(), 0.0);
    }
}
