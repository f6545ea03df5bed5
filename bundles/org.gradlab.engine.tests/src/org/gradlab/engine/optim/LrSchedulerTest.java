package org.gradlab.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gradlab.core.Parameter;
import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;

class LrSchedulerTest {
    private static double[] lrs(LrScheduler s, int epochs) {
        double[] out = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            assertEquals(e, s.epoch());
            out[e] = s.lr();
            s.step();
        }
        return out;
    }

    private static SGD sgd(double lr) {
        return new SGD(List.of(Steps.param(0)), lr);
    }

    @Test
    void stepLrMultipliesEveryStepSizeEpochs() {
        SGD opt = sgd(1.0);
        assertArrayEquals(new double[] {1, 1, 0.5, 0.5, 0.25, 0.25, 0.125}, lrs(new StepLR(opt, 2, 0.5), 7), 0.0);
        assertEquals(0.125, opt.learningRate(), 0.0); // the optimizer itself was changed (epoch 7)
        assertArrayEquals(new double[] {0.1, 0.1, 0.1, 0.01, 0.01}, lrs(new StepLR(sgd(0.1), 3), 5), 1e-17);
    }

    @Test
    void cosineFollowsTheClosedFormAndRisesPastTMax() {
        double base = 0.1;
        double etaMin = 0.001;
        int tMax = 4;
        double[] got = lrs(new CosineAnnealingLR(sgd(base), tMax, etaMin), 13);
        for (int e = 0; e < got.length; e++) {
            double closed = etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * e / tMax)) / 2;
            assertEquals(closed, got[e], 1e-15, "epoch " + e);
        }
        assertEquals(base, got[0], 0.0);
        assertEquals((base + etaMin) / 2, got[2], 1e-15);
        assertEquals(etaMin, got[4], 1e-15);
        assertEquals(got[3], got[5], 1e-15); // symmetric around the minimum
        assertEquals(base, got[8], 1e-15); // back at the start after 2·T_max
    }

    @Test
    void scheduleDrivesTheOptimizersSteps() {
        Parameter p = Steps.param(0);
        SGD opt = new SGD(List.of(p), 1.0);
        StepLR schedule = new StepLR(opt, 1, 0.5);
        for (int epoch = 0; epoch < 3; epoch++) {
            p.zeroGrad();
            p.accumulateGrad(Tensor.vector(1));
            opt.step();
            schedule.step();
        }
        assertEquals(-(1 + 0.5 + 0.25), p.value().item(), 1e-15);
    }

    @Test
    void rejectsBadPeriods() {
        var step = assertThrows(IllegalArgumentException.class, () -> new StepLR(sgd(0.1), 0, 0.1));
        assertTrue(step.getMessage().contains("step_size"), step.getMessage());
        var cos = assertThrows(IllegalArgumentException.class, () -> new CosineAnnealingLR(sgd(0.1), 0, 0));
        assertTrue(cos.getMessage().contains("T_max"), cos.getMessage());
    }
}
