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

class AdagradTest {
    private static final double TOL = 1e-12;

    @Test
    void stepShrinksWithTheSumOfSquares() {
        // S1 = 9 → w1 = −0.1·3/3 = −0.1; S2 = 9 + 16 = 25 → w2 = −0.1 − 0.1·4/5 = −0.18
        Parameter p = Steps.param(0);
        Adagrad opt = new Adagrad(List.of(p), 0.1, 0.0, 0.0, 0.0, 0.0);
        RMSpropTest.step(p, opt, 3);
        assertEquals(-0.1, p.value().item(), TOL);
        RMSpropTest.step(p, opt, 4);
        assertEquals(-0.18, p.value().item(), TOL);
        assertEquals(25.0, opt.state(p).buffer("sum").item(), TOL);
        assertEquals(2, opt.state(p).step());
    }

    @Test
    void lrDecayDividesByOnePlusStepsTaken() {
        // step 2 uses lr/(1 + 1·0.5) = 0.0666…: w2 = −0.1 − 0.0666…·0.8
        List<double[]> w = Steps.run(ps -> new Adagrad(ps, 0.1, 0.5, 0.0, 0.0, 0.0), new double[] {0},
                new double[] {3}, new double[] {4});
        assertEquals(-0.1, w.get(0)[0], TOL);
        assertEquals(-0.1 - 0.1 / 1.5 * 0.8, w.get(1)[0], TOL);
    }

    @Test
    void initialAccumulatorValueStartsTheSum() {
        List<double[]> w = Steps.run(ps -> new Adagrad(ps, 0.1, 0.0, 0.0, 1.0, 0.0), new double[] {0},
                new double[] {3});
        assertEquals(-0.09486832980505139, w.get(0)[0], TOL); // −0.1·3/√10
    }

    @Test
    void weightDecayEntersTheGradient() {
        // d = 0.5·1 → S = 0.25 → w = 1 − 0.1·0.5/0.5
        List<double[]> w = Steps.run(ps -> new Adagrad(ps, 0.1, 0.0, 0.5, 0.0, 0.0), new double[] {1},
                new double[] {0});
        assertEquals(0.9, w.get(0)[0], TOL);
    }

    @Test
    void float32FollowsFloat64() {
        Rng rng = new Rng(5);
        double[][] grads = new double[5][];
        for (int t = 0; t < grads.length; t++) {
            grads[t] = Tensor.randn(rng, 3).toArray();
        }
        double[] w0 = {0.5, -0.25, 1.5};
        var f64 = Steps.run(DType.FLOAT64, ps -> new Adagrad(ps, 0.05, 0.01, 0.1, 0.1, 1e-10), w0, grads);
        var f32 = Steps.run(DType.FLOAT32, ps -> new Adagrad(ps, 0.05, 0.01, 0.1, 0.1, 1e-10), w0, grads);
        for (int t = 0; t < grads.length; t++) {
            assertArrayEquals(f64.get(t), f32.get(t), 1e-5);
        }
    }

    @Test
    void rejectsNegativeLrDecay() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Adagrad(List.of(Steps.param(1)), 0.1, -1, 0, 0, 1e-10));
        assertTrue(e.getMessage().contains("Adagrad: invalid lr_decay value: -1.0"), e.getMessage());
    }
}
