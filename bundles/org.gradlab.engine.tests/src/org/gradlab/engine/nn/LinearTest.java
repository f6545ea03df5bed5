package org.gradlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gradlab.check.TensorComparison;
import org.gradlab.core.DType;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;

class LinearTest {
    /** 2 → 3 with hand-picked weights. */
    private static Linear handLayer() {
        Linear l = new Linear(2, 3, new Rng(0));
        l.weight().value().copyFrom(Tensor.matrix(new double[] {1, 2}, new double[] {0, -1}, new double[] {3, 0.5}));
        l.bias().value().copyFrom(Tensor.vector(0.5, 0, -1));
        return l;
    }

    @Test
    void forwardIsXWTransposedPlusBias() {
        Tensor y = handLayer().forward(Tensor.matrix(new double[] {1, 1}, new double[] {2, -4}));
        assertArrayEquals(new int[] {2, 3}, y.shape());
        assertArrayEquals(new double[] {3.5, -1, 2.5, -5.5, 4, 3}, y.toArray(), 1e-15);
    }

    @Test
    void leadingBatchDimensionsAreKept() {
        Linear l = handLayer();
        Tensor x = Tensor.randn(new Rng(1), 2, 4, 2);
        Tensor y = l.forward(x);
        assertArrayEquals(new int[] {2, 4, 3}, y.shape());
        Tensor expected = handLayer().forward(x.reshape(8, 2)).reshape(2, 4, 3);
        assertArrayEquals(expected.toArray(), y.toArray(), 1e-15);
        Tensor v = handLayer().forward(Tensor.vector(1, 1)); // unbatched (in) → (out)
        assertArrayEquals(new double[] {3.5, -1, 2.5}, v.toArray(), 1e-15);
    }

    @Test
    void gradientsMatchCentralDifferences() {
        Rng rng = new Rng(2);
        ActivationTesting.assertGradients(new Linear(4, 3, rng), Tensor.randn(rng, 5, 4), rng);
        ActivationTesting.assertGradients(new Linear(4, 3, rng), Tensor.randn(rng, 2, 3, 4), rng); // 3-d input
        ActivationTesting.assertGradients(new Linear(3, 2, false, rng), Tensor.randn(rng, 2, 2, 3), rng);
        ActivationTesting.assertGradients(new Linear(3, 1, rng), Tensor.randn(rng, 3), rng);
    }

    @Test
    void parameterGradientsAccumulateAcrossBackwardCalls() {
        Rng rng = new Rng(3);
        Linear l = new Linear(3, 2, rng);
        Tensor x1 = Tensor.randn(rng, 4, 3);
        Tensor x2 = Tensor.randn(rng, 4, 3);
        Tensor g1 = Tensor.randn(rng, 4, 2);
        Tensor g2 = Tensor.randn(rng, 4, 2);
        l.forward(x1);
        l.backward(g1);
        Tensor w1 = l.weight().grad().copy();
        l.forward(x2);
        l.backward(g2);
        // dW = gᵀx and db = Σ rows of g, summed over both calls.
        Tensor expectedW = g1.t().matmul(x1).add(g2.t().matmul(x2));
        TensorComparison.compare("accumulated weight grad", expectedW, l.weight().grad(), 1e-13, 1e-14).orThrow();
        TensorComparison.compare("first weight grad", g1.t().matmul(x1), w1, 1e-13, 1e-14).orThrow();
        TensorComparison.compare("accumulated bias grad", g1.sum(0, false).add(g2.sum(0, false)), l.bias().grad(),
                1e-13, 1e-14).orThrow();
        l.weight().zeroGrad();
        assertEquals(0.0, l.weight().grad().abs().sumAll());
    }

    @Test
    void defaultInitIsUniformWithinOneOverSqrtIn() {
        Linear l = new Linear(DType.FLOAT64, 100, 200, true, new Rng(4));
        double bound = 1.0 / Math.sqrt(100);
        Tensor w = l.weight().value();
        assertTrue(w.maxAll() < bound && w.minAll() >= -bound, "weight outside ±1/√in");
        assertTrue(w.maxAll() > 0.95 * bound && w.minAll() < -0.95 * bound, "weight does not fill ±1/√in");
        // U(−b, b) has variance b²/3; 20000 samples give about 0.6% relative spread.
        double var = w.square().meanAll() - Math.pow(w.meanAll(), 2);
        assertEquals(bound * bound / 3, var, 0.03 * bound * bound / 3);
        Tensor b = l.bias().value();
        assertTrue(b.maxAll() < bound && b.minAll() >= -bound, "bias outside ±1/√in");
        assertTrue(b.abs().sumAll() > 0, "bias was not initialised");
        // Same seed → same parameters.
        assertArrayEquals(w.toArray(), new Linear(DType.FLOAT64, 100, 200, true, new Rng(4)).weight().value().toArray());
    }

    @Test
    void parametersAreNamedLikePyTorch() {
        Linear l = new Linear(3, 2, new Rng(0));
        List<Parameter> ps = l.parameters();
        assertEquals(List.of("weight", "bias"), ps.stream().map(Parameter::name).toList());
        assertArrayEquals(new int[] {2, 3}, l.weight().value().shape());
        assertArrayEquals(new int[] {2}, l.bias().value().shape());
        Linear noBias = new Linear(3, 2, false, new Rng(0));
        assertNull(noBias.bias());
        assertEquals(1, noBias.parameters().size());
    }

    @Test
    void float32AgreesWithFloat64() {
        Rng rng = new Rng(5);
        Tensor x = Tensor.randn(rng, 2, 3, 4);
        ActivationTesting.assertFloat32Agrees(() -> new Linear(DType.FLOAT64, 4, 5, true, new Rng(9)),
                () -> new Linear(DType.FLOAT32, 4, 5, true, new Rng(9)), x, rng);
        Linear l32 = new Linear(DType.FLOAT32, 4, 5, true, new Rng(9));
        l32.forward(x.to(DType.FLOAT32));
        l32.backward(Tensor.ones(DType.FLOAT32, 2, 3, 5));
        assertEquals(DType.FLOAT32, l32.weight().grad().dtype());
    }

    @Test
    void shapeErrorsNameLayerAndShapes() {
        Linear l = new Linear(5, 3, new Rng(0));
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> l.forward(Tensor.zeros(2, 4)));
        assertTrue(e.getMessage().startsWith("Linear: input's last dimension must equal in_features = 5"),
                e.getMessage());
        assertTrue(e.getMessage().contains("[2, 4]") && e.getMessage().contains("[3, 5]"), e.getMessage());
        l.forward(Tensor.zeros(2, 5));
        e = assertThrows(ShapeMismatchException.class, () -> l.backward(Tensor.zeros(2, 4)));
        assertTrue(e.getMessage().startsWith("Linear:") && e.getMessage().contains("[2, 4]")
                && e.getMessage().contains("[2, 3]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Linear(0, 3, new Rng(0)));
    }

    @Test
    void backwardBeforeForwardIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Linear(2, 2, new Rng(0)).backward(Tensor.zeros(1, 2)));
        assertEquals("Linear: backward called before forward", e.getMessage());
    }
}
