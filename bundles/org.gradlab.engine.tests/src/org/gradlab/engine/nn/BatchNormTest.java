package org.gradlab.engine.nn;

import static org.gradlab.engine.nn.ActivationTesting.assertGradients;
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

class BatchNormTest {
    /** Non-trivial γ, β and running statistics, so every term of the gradient is exercised. */
    private static <T extends BatchNorm> T randomized(T bn, Rng rng) {
        int c = bn.numFeatures();
        bn.weight().value().copyFrom(Tensor.uniform(rng, 0.5, 1.5, c));
        bn.bias().value().copyFrom(Tensor.randn(rng, c));
        bn.runningMean().copyFrom(Tensor.randn(rng, c).mul(0.5));
        bn.runningVar().copyFrom(Tensor.uniform(rng, 0.5, 2.0, c));
        return bn;
    }

    @Test
    void trainingGradientsIncludeMeanAndVarianceTerms() {
        Rng rng = new Rng(1);
        assertGradients(randomized(new BatchNorm1d(3), rng), Tensor.randn(rng, 5, 3).mul(2).add(0.5), rng);
        assertGradients(randomized(new BatchNorm1d(2), rng), Tensor.randn(rng, 3, 2, 4), rng); // (N, C, L)
        assertGradients(randomized(new BatchNorm2d(3), rng), Tensor.randn(rng, 2, 3, 2, 3).mul(2), rng);
        assertGradients(randomized(new BatchNorm(2), rng), Tensor.randn(rng, 2, 2, 2, 1, 2), rng); // any rank
    }

    @Test
    void trainingGradientsWithBatchOfTwo() {
        Rng rng = new Rng(2);
        assertGradients(randomized(new BatchNorm1d(DType.FLOAT64, 4, 1e-3, 0.3), rng), Tensor.randn(rng, 2, 4), rng);
        assertGradients(randomized(new BatchNorm2d(2), rng), Tensor.randn(rng, 2, 2, 1, 1), rng);
    }

    @Test
    void evalGradientsUseRunningStatistics() {
        Rng rng = new Rng(3);
        BatchNorm1d bn1 = randomized(new BatchNorm1d(3), rng);
        bn1.setTraining(false);
        assertGradients(bn1, Tensor.randn(rng, 4, 3), rng);
        BatchNorm2d bn2 = randomized(new BatchNorm2d(DType.FLOAT64, 3, 1e-3, 0.1), rng);
        bn2.setTraining(false);
        assertGradients(bn2, Tensor.randn(rng, 2, 3, 3, 2), rng);
        bn1.setTraining(false); // batch of one is fine in evaluation
        assertGradients(bn1, Tensor.randn(rng, 1, 3), rng);
    }

    @Test
    void runningStatisticsFollowPyTorchByHand() {
        BatchNorm1d bn = new BatchNorm1d(2);
        Tensor x = Tensor.matrix(new double[] {1, 2}, new double[] {3, 6}, new double[] {5, 10});
        Tensor y = bn.forward(x);
        // channel 0: mean 3, biased var 8/3, unbiased 4; channel 1: mean 6, biased 32/3, unbiased 16
        assertArrayEquals(new double[] {0.3, 0.6}, bn.runningMean().toArray(), 1e-15);
        assertArrayEquals(new double[] {0.9 + 0.4, 0.9 + 1.6}, bn.runningVar().toArray(), 1e-15);
        double s0 = Math.sqrt(8.0 / 3 + 1e-5);
        double s1 = Math.sqrt(32.0 / 3 + 1e-5);
        assertArrayEquals(new double[] {-2 / s0, -4 / s1, 0, 0, 2 / s0, 4 / s1}, y.toArray(), 1e-14);
        bn.forward(x); // second step: r ← 0.9·r + 0.1·batch
        assertArrayEquals(new double[] {0.9 * 0.3 + 0.3, 0.9 * 0.6 + 0.6}, bn.runningMean().toArray(), 1e-15);
        assertArrayEquals(new double[] {0.9 * 1.3 + 0.4, 0.9 * 2.5 + 1.6}, bn.runningVar().toArray(), 1e-14);

        // 4-d: statistics run over batch and positions (n = N·H·W = 4), momentum 0.5
        BatchNorm2d bn2 = new BatchNorm2d(DType.FLOAT64, 1, 1e-5, 0.5);
        bn2.forward(Tensor.of(new double[] {0, 2, 4, 6}, 2, 1, 1, 2));
        assertEquals(0.5 * 3, bn2.runningMean().item(), 1e-15);
        assertEquals(0.5 * 1 + 0.5 * (20.0 / 3), bn2.runningVar().item(), 1e-14); // unbiased var of 0,2,4,6
    }

    @Test
    void trainingOutputIsNormalizedPerChannelThenAffine() {
        Rng rng = new Rng(4);
        BatchNorm2d bn = new BatchNorm2d(3);
        Tensor x = Tensor.randn(rng, 4, 3, 2, 2).mul(3).add(7);
        Tensor y = bn.forward(x);
        int[] axes = {0, 2, 3};
        assertArrayEquals(new double[3], y.mean(axes, false).toArray(), 1e-12);
        assertArrayEquals(new double[] {1, 1, 1}, y.square().mean(axes, false).toArray(), 1e-5);
        bn.weight().value().copyFrom(Tensor.vector(2, 3, 4));
        bn.bias().value().copyFrom(Tensor.vector(-1, 0, 1));
        Tensor z = bn.forward(x);
        Tensor expected = y.mul(Tensor.vector(2, 3, 4).reshape(1, 3, 1, 1)).add(Tensor.vector(-1, 0, 1).reshape(1, 3, 1, 1));
        assertArrayEquals(expected.toArray(), z.toArray(), 1e-12);
    }

    @Test
    void evalUsesAndKeepsRunningStatistics() {
        BatchNorm1d bn = new BatchNorm1d(DType.FLOAT64, 2, 1e-3, 0.1);
        bn.runningMean().copyFrom(Tensor.vector(1, -2));
        bn.runningVar().copyFrom(Tensor.vector(4, 0.25));
        bn.weight().value().copyFrom(Tensor.vector(2, 1));
        bn.bias().value().copyFrom(Tensor.vector(0, 0.5));
        bn.setTraining(false);
        Tensor y = bn.forward(Tensor.matrix(new double[] {3, -1}, new double[] {1, -2}));
        assertArrayEquals(new double[] {2 * 2 / Math.sqrt(4.001), 1 / Math.sqrt(0.251) + 0.5, 0, 0.5}, y.toArray(),
                1e-14);
        assertArrayEquals(new double[] {1, -2}, bn.runningMean().toArray());
        assertArrayEquals(new double[] {4, 0.25}, bn.runningVar().toArray());
    }

    @Test
    void weightAndBiasGradientsAccumulate() {
        Rng rng = new Rng(5);
        BatchNorm1d bn = new BatchNorm1d(2);
        Tensor x = Tensor.randn(rng, 4, 2);
        Tensor g = Tensor.randn(rng, 4, 2);
        Tensor y = bn.forward(x);
        bn.backward(g);
        bn.forward(x);
        bn.backward(g);
        // γ = 1, β = 0: y = x̂, so dγ = 2·Σ g·y and dβ = 2·Σ g
        assertArrayEquals(g.mul(y).sum(0, false).mul(2).toArray(), bn.weight().grad().toArray(), 1e-12);
        assertArrayEquals(g.sum(0, false).mul(2).toArray(), bn.bias().grad().toArray(), 1e-12);
    }

    @Test
    void batchOfOneInTrainingIsRefusedLikeTorch() {
        BatchNorm1d bn = new BatchNorm1d(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bn.forward(Tensor.zeros(1, 3)));
        assertEquals("BatchNorm1d: expected more than 1 value per channel when training, got input shape [1, 3]",
                e.getMessage());
        assertArrayEquals(new double[3], bn.runningMean().toArray(), "a refused batch must not move the statistics");
        // one sample but several positions per channel is fine, as in torch
        Tensor y = new BatchNorm2d(2).forward(Tensor.randn(new Rng(6), 1, 2, 3, 4));
        assertEquals(24, y.numel());
        assertThrows(IllegalArgumentException.class, () -> new BatchNorm2d(2).forward(Tensor.zeros(1, 2, 1, 1)));
    }

    @Test
    void float32AgreesWithFloat64InBothModes() {
        Rng rng = new Rng(7);
        Tensor x = Tensor.randn(rng, 3, 2, 2, 2);
        for (boolean training : new boolean[] {true, false}) {
            BatchNorm2d b64 = randomized(new BatchNorm2d(2), new Rng(8));
            BatchNorm2d b32 = randomized(new BatchNorm2d(DType.FLOAT32, 2, 1e-5, 0.1), new Rng(8));
            b64.setTraining(training);
            b32.setTraining(training);
            MultiInputTesting.shareWeights(b32.parameters(), b64.parameters());
            b64.runningMean().copyFrom(b32.runningMean());
            b64.runningVar().copyFrom(b32.runningVar());
            MultiInputTesting.assertFloat32Close("output", b64.forward(x), b32.forward(x.to(DType.FLOAT32)));
            Tensor g = Tensor.randn(rng, 3, 2, 2, 2);
            MultiInputTesting.assertFloat32Close("grad input", b64.backward(g), b32.backward(g.to(DType.FLOAT32)));
            MultiInputTesting.assertParamGradsClose(b64.parameters(), b32.parameters());
            MultiInputTesting.assertFloat32Close("running var", b64.runningVar(), b32.runningVar());
        }
    }

    @Test
    void parametersBuffersAndDefaults() {
        BatchNorm2d bn = new BatchNorm2d(3);
        List<Parameter> ps = bn.parameters();
        assertEquals(List.of("weight", "bias"), ps.stream().map(Parameter::name).toList());
        assertArrayEquals(new double[] {1, 1, 1}, bn.weight().value().toArray());
        assertArrayEquals(new double[3], bn.bias().value().toArray());
        assertArrayEquals(new double[3], bn.runningMean().toArray());
        assertArrayEquals(new double[] {1, 1, 1}, bn.runningVar().toArray());
        assertEquals(1e-5, bn.eps());
        assertEquals(0.1, bn.momentum());
        assertTrue(bn.isTraining());
    }

    @Test
    void shapeErrorsNameTheLayerAndShapes() {
        Exception e = assertThrows(IllegalArgumentException.class, () -> new BatchNorm2d(3).forward(Tensor.zeros(3, 5)));
        assertEquals("BatchNorm2d: input expected 4 dimensions (N, C, H, W), got shape [3, 5]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new BatchNorm1d(3).forward(Tensor.zeros(2, 3, 1, 1)));
        assertEquals("BatchNorm1d: input expected 2 or 3 dimensions (N, C) or (N, C, L), got shape [2, 3, 1, 1]",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new BatchNorm1d(3).forward(Tensor.zeros(4, 5)));
        assertEquals("BatchNorm1d: input has 5 channels (axis 1) but num_features is 3, got shape [4, 5]",
                e.getMessage());
        BatchNorm1d bn = new BatchNorm1d(3);
        IllegalStateException s = assertThrows(IllegalStateException.class, () -> bn.backward(Tensor.zeros(2, 3)));
        assertEquals("BatchNorm1d: backward called before forward", s.getMessage());
        bn.forward(Tensor.randn(new Rng(9), 2, 3));
        e = assertThrows(IllegalArgumentException.class, () -> bn.backward(Tensor.zeros(3, 3)));
        assertTrue(e.getMessage().startsWith("BatchNorm1d: grad_output shape differs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new BatchNorm(DType.FLOAT64, 3, 1e-5, 1.5));
        assertTrue(e.getMessage().contains("momentum"), e.getMessage());
    }
}
