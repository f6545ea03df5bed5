package org.gradlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradlab.core.DType;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;

class InitTest {
    private static double variance(Tensor t) {
        double m = t.meanAll();
        return t.square().meanAll() - m * m;
    }

    /** Mean within 5 standard errors of 0, variance within {@code relTol} of theory. */
    private static void assertStatistics(Tensor t, double expectedVariance, double relTol) {
        double stdErr = Math.sqrt(expectedVariance / t.numel());
        assertEquals(0.0, t.meanAll(), 5 * stdErr, "mean");
        assertEquals(expectedVariance, variance(t), relTol * expectedVariance, "variance");
    }

    @Test
    void fansFollowTorchFor2dAnd4dWeights() {
        assertEquals(30, Init.fanIn(new int[] {20, 30}));
        assertEquals(20, Init.fanOut(new int[] {20, 30}));
        assertEquals(16 * 9, Init.fanIn(new int[] {8, 16, 3, 3}));
        assertEquals(8 * 9, Init.fanOut(new int[] {8, 16, 3, 3}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Init.fanIn(new int[] {5}));
        assertTrue(e.getMessage().contains("fewer than 2 dimensions") && e.getMessage().contains("[5]"), e.getMessage());
    }

    @Test
    void gainsMatchCalculateGain() {
        assertEquals(1.0, Init.gain("linear"));
        assertEquals(1.0, Init.gain("sigmoid"));
        assertEquals(1.0, Init.gain("conv2d"));
        assertEquals(5.0 / 3, Init.gain("tanh"));
        assertEquals(Math.sqrt(2), Init.gain("relu"));
        assertEquals(Math.sqrt(2 / (1 + 0.01 * 0.01)), Init.gain("leaky_relu"));
        assertEquals(Math.sqrt(2 / 1.04), Init.gain("leaky_relu", 0.2), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Init.gain("swish"));
    }

    @Test
    void xavierUniformHasGlorotBoundsAndVariance() {
        Tensor w = Tensor.zeros(400, 600);
        assertSame(w, Init.xavierUniform(w, Init.gain("tanh"), new Rng(40)));
        double bound = 5.0 / 3 * Math.sqrt(6.0 / 1000);
        assertTrue(w.maxAll() < bound && w.minAll() >= -bound, "outside Glorot bound");
        assertTrue(w.maxAll() > 0.99 * bound && w.minAll() < -0.99 * bound, "does not reach the bound");
        assertStatistics(w, bound * bound / 3, 0.02);
    }

    @Test
    void xavierNormalHasGlorotVariance() {
        Tensor w = Init.xavierNormal(Tensor.zeros(400, 600), new Rng(41));
        assertStatistics(w, 2.0 / 1000, 0.03);
    }

    @Test
    void kaimingUniformOnConvWeightUsesFanInTimesReceptiveField() {
        Tensor w = Tensor.zeros(128, 64, 3, 3);
        Init.kaimingUniform(w, 0.0, Init.FanMode.FAN_IN, "relu", new Rng(42));
        double bound = Math.sqrt(2) * Math.sqrt(3.0 / (64 * 9));
        assertTrue(w.maxAll() < bound && w.minAll() >= -bound, "outside He bound");
        assertStatistics(w, 2.0 / (64 * 9), 0.03);
    }

    @Test
    void kaimingNormalFanOutAndLeakySlope() {
        Tensor w = Tensor.zeros(128, 64, 3, 3);
        Init.kaimingNormal(w, 0.2, Init.FanMode.FAN_OUT, "leaky_relu", new Rng(43));
        assertStatistics(w, 2.0 / (1 + 0.04) / (128 * 9), 0.03);
        Tensor d = Init.kaimingNormal(Tensor.zeros(300, 500), new Rng(44)); // torch defaults: fan_in, gain √2
        assertStatistics(d, 2.0 / 500, 0.03);
    }

    @Test
    void sameSeedSameValuesAndFloat32Filled() {
        Tensor a = Init.kaimingUniform(Tensor.zeros(5, 7), new Rng(45));
        Tensor b = Init.kaimingUniform(Tensor.zeros(5, 7), new Rng(45));
        assertArrayEquals(a.toArray(), b.toArray());
        Tensor f = Init.xavierUniform(Tensor.zeros(DType.FLOAT32, 5, 7), new Rng(45));
        assertEquals(DType.FLOAT32, f.dtype());
        assertTrue(f.abs().sumAll() > 0);
    }

    @Test
    void oneDimensionalTensorsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Init.xavierUniform(Tensor.zeros(5), new Rng(0)));
        assertThrows(IllegalArgumentException.class, () -> Init.kaimingNormal(Tensor.zeros(5), new Rng(0)));
    }
}
