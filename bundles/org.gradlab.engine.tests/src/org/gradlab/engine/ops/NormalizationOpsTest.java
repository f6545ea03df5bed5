package org.gradlab.engine.ops;

import static org.gradlab.engine.ops.OpTesting.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.nn.BatchNorm;
import org.junit.jupiter.api.Test;

/** batch_norm / layer_norm as registered ops: attributes, optional inputs, returned state, errors. */
class NormalizationOpsTest {
    @Test
    void batchNormTrainingReturnsUpdatedRunningStatistics() {
        Rng rng = new Rng(1);
        Tensor x = Tensor.randn(rng, 4, 3);
        Tensor rm = Tensor.vector(0.1, 0.2, 0.3);
        Tensor rv = Tensor.vector(1.5, 0.5, 2.0);
        Tensor w = Tensor.vector(1, 2, 3);
        Tensor b = Tensor.vector(0, 1, 0);
        OpResult r = run("batch_norm", Map.of("training", true, "momentum", 0.3, "eps", 1e-3),
                Map.of("input", x, "weight", w, "bias", b, "running_mean", rm, "running_var", rv), Tensor.ones(4, 3));
        Tensor mean = x.mean(0, false);
        Tensor unbiased = x.sub(mean).square().sum(0, false).div(3);
        assertArrayEquals(rm.mul(0.7).add(mean.mul(0.3)).toArray(), r.state().get("running_mean").toArray(), 1e-15);
        assertArrayEquals(rv.mul(0.7).add(unbiased.mul(0.3)).toArray(), r.state().get("running_var").toArray(), 1e-14);
        assertArrayEquals(new double[] {0.1, 0.2, 0.3}, rm.toArray(), "the given input is not modified");
        assertEquals(List.of("input", "weight", "bias"), List.copyOf(r.grads().keySet()));
        assertArrayEquals(new double[] {4, 4, 4}, r.grads().get("bias").toArray(), 1e-15);
        // a gradient of ones is orthogonal to the normalized output: dx = 0
        assertTrue(r.grads().get("input").abs().maxAll() < 1e-12);
    }

    @Test
    void batchNormEvalKeepsStatisticsAndUsesThem() {
        Tensor x = Tensor.matrix(new double[] {1, 2}, new double[] {3, 4});
        Tensor rm = Tensor.vector(1, 1);
        Tensor rv = Tensor.vector(4, 1);
        OpResult r = run("batch_norm", Map.of("training", false, "momentum", 0.1, "eps", 1e-5),
                Map.of("input", x, "running_mean", rm, "running_var", rv), Tensor.ones(2, 2));
        assertArrayEquals(new double[] {0, 1 / Math.sqrt(1 + 1e-5), 2 / Math.sqrt(4 + 1e-5), 3 / Math.sqrt(1 + 1e-5)},
                r.output().toArray(), 1e-14);
        assertArrayEquals(rm.toArray(), r.state().get("running_mean").toArray());
        assertArrayEquals(rv.toArray(), r.state().get("running_var").toArray());
        assertEquals(List.of("input"), List.copyOf(r.grads().keySet()), "no weight/bias given, none returned");
        Exception e = assertThrows(IllegalArgumentException.class, () -> run("batch_norm", Map.of("training", false),
                Map.of("input", x), Tensor.ones(2, 2)));
        assertEquals("batch_norm: running_mean and running_var are required when training is false", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> run("batch_norm", Map.of("training", true),
                Map.of("input", x, "weight", Tensor.ones(3)), Tensor.ones(2, 2)));
        assertEquals("batch_norm: input 'weight' expected shape [2] (shapes [3])", e.getMessage());
    }

    @Test
    void batchNormOpMatchesTheModule() {
        Rng rng = new Rng(2);
        Tensor x = Tensor.randn(rng, 2, 2, 3, 3);
        Tensor g = Tensor.randn(rng, 2, 2, 3, 3);
        BatchNorm bn = new BatchNorm(2);
        Tensor y = bn.forward(x);
        Tensor dx = bn.backward(g);
        OpResult r = run("batch_norm", Map.of("training", true), Map.of("input", x), g);
        assertArrayEquals(y.toArray(), r.output().toArray());
        assertArrayEquals(dx.toArray(), r.grads().get("input").toArray());
    }

    @Test
    void layerNormAttributesAndErrors() {
        Rng rng = new Rng(3);
        Tensor x = Tensor.randn(rng, 2, 3, 4);
        OpResult r = run("layer_norm", Map.of("normalized_shape", List.of(3, 4), "eps", 1e-5),
                Map.of("input", x, "weight", Tensor.ones(3, 4), "bias", Tensor.zeros(3, 4)), Tensor.randn(rng, 2, 3, 4));
        assertArrayEquals(new double[2], r.output().mean(new int[] {1, 2}, false).toArray(), 1e-12);
        assertArrayEquals(new int[] {3, 4}, r.grads().get("weight").shape());
        Exception e = assertThrows(IllegalArgumentException.class, () -> run("layer_norm", Map.of("eps", 1e-5),
                Map.of("input", x), Tensor.ones(2, 3, 4)));
        assertEquals("layer_norm: attribute 'normalized_shape' is required", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> run("layer_norm", Map.of("normalized_shape", List.of(4)),
                Map.of("input", x, "weight", Tensor.ones(3)), Tensor.ones(2, 3, 4)));
        assertEquals("layer_norm: input 'weight' expected shape [4] (shapes [3])", e.getMessage());
    }
}
