package org.gradlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;

import org.gradlab.core.Layer;
import org.gradlab.core.Rng;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;

class ElementwiseActivationsTest {
    private static final List<Supplier<Layer>> ALL = List.of(ReLU::new, () -> new LeakyReLU(0.2), () -> new ELU(0.7),
            Sigmoid::new, Tanh::new);

    @Test
    void gradientsMatchCentralDifferences() {
        Rng rng = new Rng(1);
        for (Supplier<Layer> make : ALL) {
            ActivationTesting.assertGradients(make.get(), ActivationTesting.awayFromZero(rng, 2, 3, 4), rng);
        }
    }

    @Test
    void forwardMatchesHandValues() {
        Tensor x = Tensor.vector(-2.0, -0.5, 0.0, 1.5);
        assertArrayEquals(new double[] {0, 0, 0, 1.5}, new ReLU().forward(x).toArray());
        assertArrayEquals(new double[] {-0.4, -0.1, 0, 1.5}, new LeakyReLU(0.2).forward(x).toArray(), 1e-15);
        assertArrayEquals(new double[] {0.5 * (Math.exp(-2) - 1), 0.5 * (Math.exp(-0.5) - 1), 0, 1.5},
                new ELU(0.5).forward(x).toArray(), 1e-15);
        assertArrayEquals(new double[] {1 / (1 + Math.exp(2)), 1 / (1 + Math.exp(0.5)), 0.5, 1 / (1 + Math.exp(-1.5))},
                new Sigmoid().forward(x).toArray(), 1e-15);
        assertArrayEquals(new double[] {Math.tanh(-2), Math.tanh(-0.5), 0, Math.tanh(1.5)},
                new Tanh().forward(x).toArray(), 1e-15);
    }

    @Test
    void gradientAtZeroFollowsPyTorch() {
        Tensor zero = Tensor.vector(0.0);
        Tensor g = Tensor.vector(3.0);
        ReLU relu = new ReLU();
        relu.forward(zero);
        assertEquals(0.0, relu.backward(g).item());
        LeakyReLU leaky = new LeakyReLU(0.1);
        leaky.forward(zero);
        assertEquals(0.3, leaky.backward(g).item(), 1e-15); // slope side at exactly 0
        ELU elu = new ELU(2.0);
        elu.forward(zero);
        assertEquals(6.0, elu.backward(g).item(), 1e-15); // alpha·e^0
    }

    @Test
    void sigmoidIsStableAtPlusMinus800() {
        Sigmoid s = new Sigmoid();
        Tensor y = s.forward(Tensor.vector(-800.0, -40.0, 40.0, 800.0));
        double[] v = y.toArray();
        assertEquals(0.0, v[0]);
        assertEquals(Math.exp(-40) / (1 + Math.exp(-40)), v[1], 1e-30);
        assertEquals(1.0, v[2]);
        assertEquals(1.0, v[3]);
        Tensor gx = s.backward(Tensor.vector(1, 1, 1, 1));
        for (double d : gx.toArray()) {
            assertTrue(Double.isFinite(d) && d >= 0 && d < 1e-17, "sigmoid gradient at the tails: " + d);
        }
        Tensor t = new Tanh().forward(Tensor.vector(-800.0, 800.0));
        assertArrayEquals(new double[] {-1.0, 1.0}, t.toArray());
    }

    @Test
    void float32AgreesWithFloat64() {
        Rng rng = new Rng(2);
        Tensor x = ActivationTesting.awayFromZero(rng, 3, 5);
        for (Supplier<Layer> make : ALL) {
            ActivationTesting.assertFloat32Agrees(make, make, x, rng);
        }
    }

    @Test
    void backwardBeforeForwardIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Sigmoid().backward(Tensor.zeros(2)));
        assertEquals("Sigmoid: backward called before forward", e.getMessage());
    }

    @Test
    void gradOutputOfWrongShapeNamesLayerAndShapes() {
        Tanh tanh = new Tanh();
        tanh.forward(Tensor.zeros(2, 3));
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> tanh.backward(Tensor.zeros(3, 2)));
        assertTrue(e.getMessage().startsWith("Tanh:"), e.getMessage());
        assertTrue(e.getMessage().contains("[3, 2]") && e.getMessage().contains("[2, 3]"), e.getMessage());
    }
}
