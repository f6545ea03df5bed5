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

class LayerNormTest {
    private static LayerNorm randomized(LayerNorm ln, Rng rng) {
        int[] s = ln.normalizedShape();
        ln.weight().value().copyFrom(Tensor.uniform(rng, 0.5, 1.5, s));
        ln.bias().value().copyFrom(Tensor.randn(rng, s));
        return ln;
    }

    @Test
    void gradientsOverOneAndTwoTrailingDims() {
        Rng rng = new Rng(1);
        assertGradients(randomized(new LayerNorm(5), rng), Tensor.randn(rng, 4, 5).mul(2).add(0.5), rng);
        assertGradients(randomized(new LayerNorm(4), rng), Tensor.randn(rng, 2, 3, 4), rng);
        assertGradients(randomized(new LayerNorm(3, 4), rng), Tensor.randn(rng, 2, 3, 4), rng);
        assertGradients(randomized(new LayerNorm(new int[] {2, 3}, 1e-3), rng), Tensor.randn(rng, 2, 2, 2, 3), rng);
        assertGradients(randomized(new LayerNorm(6), rng), Tensor.randn(rng, 6), rng); // no batch dims
    }

    @Test
    void forwardByHand() {
        LayerNorm ln = new LayerNorm(4);
        ln.weight().value().copyFrom(Tensor.vector(1, 2, 1, 1));
        ln.bias().value().copyFrom(Tensor.vector(0, 0, 0, 10));
        Tensor y = ln.forward(Tensor.matrix(new double[] {1, 2, 3, 4}, new double[] {5, 5, 5, 5}));
        double s = Math.sqrt(1.25 + 1e-5); // biased variance of 1..4 is 1.25
        assertArrayEquals(new double[] {-1.5 / s, 2 * -0.5 / s, 0.5 / s, 1.5 / s + 10, 0, 0, 0, 10}, y.toArray(), 1e-14);
    }

    @Test
    void twoDimsNormalizeTheWholeTrailingBlock() {
        Rng rng = new Rng(2);
        Tensor x = Tensor.randn(rng, 3, 2, 4).mul(5).add(2);
        Tensor y = new LayerNorm(2, 4).forward(x);
        int[] axes = {1, 2};
        assertArrayEquals(new double[3], y.mean(axes, false).toArray(), 1e-12);
        assertArrayEquals(new double[] {1, 1, 1}, y.square().mean(axes, false).toArray(), 1e-5);
        // not the same as normalizing each row of 4 separately
        Tensor rows = new LayerNorm(4).forward(x);
        assertTrue(!rows.allClose(y, 1e-6, 1e-6));
    }

    @Test
    void float32AgreesWithFloat64() {
        Rng rng = new Rng(3);
        LayerNorm l64 = randomized(new LayerNorm(3, 2), new Rng(4));
        LayerNorm l32 = randomized(new LayerNorm(DType.FLOAT32, new int[] {3, 2}, 1e-5), new Rng(4));
        MultiInputTesting.shareWeights(l32.parameters(), l64.parameters());
        Tensor x = Tensor.randn(rng, 2, 3, 2);
        MultiInputTesting.assertFloat32Close("output", l64.forward(x), l32.forward(x.to(DType.FLOAT32)));
        Tensor g = Tensor.randn(rng, 2, 3, 2);
        MultiInputTesting.assertFloat32Close("grad input", l64.backward(g), l32.backward(g.to(DType.FLOAT32)));
        MultiInputTesting.assertParamGradsClose(l64.parameters(), l32.parameters());
    }

    @Test
    void parametersAndErrors() {
        LayerNorm ln = new LayerNorm(2, 3);
        assertEquals(List.of("weight", "bias"), ln.parameters().stream().map(Parameter::name).toList());
        assertArrayEquals(new int[] {2, 3}, ln.weight().value().shape());
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1}, ln.weight().value().toArray());
        Exception e = assertThrows(IllegalArgumentException.class, () -> ln.forward(Tensor.zeros(4, 3, 2)));
        assertEquals("LayerNorm: expected input with shape [*, 2, 3] (normalized_shape [2, 3]), got shape [4, 3, 2]",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ln.forward(Tensor.zeros(3)));
        IllegalStateException s = assertThrows(IllegalStateException.class, () -> new LayerNorm(3).backward(Tensor.zeros(3)));
        assertEquals("LayerNorm: backward called before forward", s.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LayerNorm(new int[0], 1e-5));
        assertThrows(IllegalArgumentException.class, () -> new LayerNorm(3, 0));
    }
}
