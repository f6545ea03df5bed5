package org.gradlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gradlab.core.Rng;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;

class UpsamplingNearest2dTest {

    @Test
    void eachPixelBecomesABlockAndBackwardSumsIt() {
        UpsamplingNearest2d up = new UpsamplingNearest2d(2, 3);
        Tensor y = up.forward(Tensor.of(new double[] {1, 2, 3, 4}, 1, 1, 2, 2));
        assertArrayEquals(new int[] {1, 1, 4, 6}, y.shape());
        assertArrayEquals(new double[] {
            1, 1, 1, 2, 2, 2,
            1, 1, 1, 2, 2, 2,
            3, 3, 3, 4, 4, 4,
            3, 3, 3, 4, 4, 4}, y.toArray());
        Tensor g = Tensor.arange(24).reshape(1, 1, 4, 6);
        // block of input (0,0) holds 0,1,2,6,7,8 → 24; (0,1): 3,4,5,9,10,11 → 42; …
        assertArrayEquals(new double[] {24, 42, 96, 114}, up.backward(g).toArray());
    }

    @Test
    void gradientsMatchCentralDifferences() {
        Rng rng = new Rng(21);
        ActivationTesting.assertGradients(new UpsamplingNearest2d(2, 2), Tensor.randn(rng, 2, 3, 3, 4), rng);
        ActivationTesting.assertGradients(new UpsamplingNearest2d(3, 2), Tensor.randn(rng, 1, 2, 2, 3), rng);
        ActivationTesting.assertGradients(new UpsamplingNearest2d(1, 2), Tensor.randn(rng, 1, 1, 3, 5), rng);
    }

    @Test
    void float32AgreesWithFloat64() {
        Rng rng = new Rng(22);
        ActivationTesting.assertFloat32Agrees(() -> new UpsamplingNearest2d(2), () -> new UpsamplingNearest2d(2),
                Tensor.randn(rng, 2, 2, 3, 3), rng);
    }

    @Test
    void errors() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> new UpsamplingNearest2d(2).forward(Tensor.zeros(2, 3, 4)));
        assertEquals("UpsamplingNearest2d: input expected 4 dimensions (N, C, H, W), got shape [2, 3, 4]",
                e.getMessage());
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class, () -> new UpsamplingNearest2d(0, 2));
        assertEquals("UpsamplingNearest2d: scale factors must be positive integers, got (0, 2)", a.getMessage());
        assertArrayEquals(new int[] {3, 3}, new UpsamplingNearest2d(3).scaleFactor());
    }
}
