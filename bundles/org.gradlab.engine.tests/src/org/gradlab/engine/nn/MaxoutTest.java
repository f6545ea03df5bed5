package org.gradlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gradlab.core.Rng;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;

class MaxoutTest {
    @Test
    void takesMaxOverConsecutiveChannelGroups() {
        // (1, 6) with pieces 3 → groups (3, -1, 7) and (0, 5, 2).
        Maxout m = new Maxout(3);
        Tensor y = m.forward(Tensor.matrix(new double[] {3, -1, 7, 0, 5, 2}));
        assertArrayEquals(new int[] {1, 2}, y.shape());
        assertArrayEquals(new double[] {7, 5}, y.toArray());
        Tensor gx = m.backward(Tensor.matrix(new double[] {10, 20}));
        assertArrayEquals(new double[] {0, 0, 10, 0, 20, 0}, gx.toArray()); // all to the arg-max
    }

    @Test
    void keepsTrailingAxes() {
        // (1, 4, 1, 2), pieces 2: channel c of the output is max(channel 2c, 2c+1) at each position.
        Tensor x = Tensor.of(new double[] {1, 8, 5, 2, 3, 3.5, 0, -1}, 1, 4, 1, 2);
        Tensor y = new Maxout(2).forward(x);
        assertArrayEquals(new int[] {1, 2, 1, 2}, y.shape());
        assertArrayEquals(new double[] {5, 8, 3, 3.5}, y.toArray());
    }

    @Test
    void gradientsMatchCentralDifferences() {
        Rng rng = new Rng(6);
        // Random normals are distinct almost surely, so no ties make the max non-differentiable.
        ActivationTesting.assertGradients(new Maxout(2), Tensor.randn(rng, 3, 6), rng);
        ActivationTesting.assertGradients(new Maxout(3), Tensor.randn(rng, 2, 6, 2, 2), rng);
        ActivationTesting.assertGradients(new Maxout(1), Tensor.randn(rng, 2, 3), rng);
    }

    @Test
    void float32AgreesWithFloat64() {
        Rng rng = new Rng(7);
        ActivationTesting.assertFloat32Agrees(() -> new Maxout(2), () -> new Maxout(2), Tensor.randn(rng, 4, 6), rng);
    }

    @Test
    void shapeErrorsNameLayerAndShape() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> new Maxout(2).forward(Tensor.zeros(4, 7)));
        assertEquals("Maxout: input expected a channel count (axis 1) divisible by pieces = 2, got shape [4, 7]",
                e.getMessage());
        e = assertThrows(ShapeMismatchException.class, () -> new Maxout(2).forward(Tensor.zeros(6)));
        assertEquals("Maxout: input expected at least 2 dimensions (N, C·k, ...), got shape [6]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Maxout(0));
    }
}
