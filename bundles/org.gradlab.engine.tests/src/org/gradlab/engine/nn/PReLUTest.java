package org.gradlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradlab.core.DType;
import org.gradlab.core.Rng;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;

class PReLUTest {
    @Test
    void defaultsToOneSharedSlopeOfQuarter() {
        PReLU p = new PReLU();
        assertEquals("weight", p.weight().name());
        assertArrayEquals(new double[] {0.25}, p.weight().value().toArray());
        assertArrayEquals(new double[] {0.25, 0.25, 0.25}, new PReLU(3).weight().value().toArray());
    }

    @Test
    void perChannelSlopesUseAxisOne() {
        PReLU p = new PReLU(2);
        p.weight().value().copyFrom(Tensor.vector(0.1, 0.5));
        // (1, 2, 2): channel 0 = (-1, 2), channel 1 = (-4, 3).
        Tensor y = p.forward(Tensor.of(new double[] {-1, 2, -4, 3}, 1, 2, 2));
        assertArrayEquals(new double[] {-0.1, 2, -2, 3}, y.toArray(), 1e-15);
        p.backward(Tensor.ones(1, 2, 2));
        // dL/da_c = Σ x·g over the negative elements of channel c.
        assertArrayEquals(new double[] {-1, -4}, p.weight().grad().toArray(), 1e-15);
    }

    @Test
    void gradientsMatchCentralDifferencesWithOneAndCParameters() {
        Rng rng = new Rng(8);
        ActivationTesting.assertGradients(slopes(new PReLU(1), rng), ActivationTesting.awayFromZero(rng, 2, 3, 2, 2), rng);
        ActivationTesting.assertGradients(slopes(new PReLU(3), rng), ActivationTesting.awayFromZero(rng, 2, 3, 2, 2), rng);
        ActivationTesting.assertGradients(slopes(new PReLU(5), rng), ActivationTesting.awayFromZero(rng, 4, 5), rng);
        ActivationTesting.assertGradients(slopes(new PReLU(1), rng), ActivationTesting.awayFromZero(rng, 6), rng);
    }

    private static PReLU slopes(PReLU p, Rng rng) {
        p.weight().value().copyFrom(Tensor.uniform(rng, 0.05, 0.5, p.weight().value().shape()));
        return p;
    }

    @Test
    void weightGradientAccumulates() {
        PReLU p = new PReLU(1);
        Tensor x = Tensor.vector(-2, 1);
        p.forward(x);
        p.backward(Tensor.vector(1, 1));
        p.forward(x);
        p.backward(Tensor.vector(3, 1));
        assertEquals(-8.0, p.weight().grad().item(), 1e-15);
    }

    @Test
    void float32AgreesWithFloat64() {
        Rng rng = new Rng(9);
        ActivationTesting.assertFloat32Agrees(() -> new PReLU(DType.FLOAT64, 3, 0.3),
                () -> new PReLU(DType.FLOAT32, 3, 0.3), Tensor.randn(rng, 2, 3, 4), rng);
    }

    @Test
    void channelMismatchNamesLayerAndShapes() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> new PReLU(3).forward(Tensor.zeros(2, 4, 5)));
        assertTrue(e.getMessage().startsWith("PReLU: input's channel dimension (axis 1) must equal num_parameters = 3"),
                e.getMessage());
        assertTrue(e.getMessage().contains("[2, 4, 5]") && e.getMessage().contains("[3]"), e.getMessage());
        assertThrows(ShapeMismatchException.class, () -> new PReLU(3).forward(Tensor.zeros(3)));
    }

    @Test
    void backwardBeforeForwardIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new PReLU().backward(Tensor.zeros(1)));
        assertEquals("PReLU: backward called before forward", e.getMessage());
    }
}
