package org.gradlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.gradlab.core.Rng;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

class MaxPool2dTest extends Pool2dChecks {

    static Stream<Arguments> configurations() {
        return Stream.of(
                config("k2 s2", () -> new MaxPool2d(2, 2), 2, 3, 6, 6),
                config("k2 s2 odd input", () -> new MaxPool2d(2, 2), 2, 2, 5, 7),
                config("k3 s2 overlapping", () -> new MaxPool2d(3, 2), 2, 2, 7, 6),
                config("k3 s2 p1", () -> new MaxPool2d(new int[] {3}, new int[] {2}, new int[] {1}), 2, 2, 6, 5),
                config("rect k2x3 s1x2 p0x1",
                        () -> new MaxPool2d(new int[] {2, 3}, new int[] {1, 2}, new int[] {0, 1}), 2, 2, 5, 6),
                config("k3 s1 p1 batch 1", () -> new MaxPool2d(new int[] {3}, new int[] {1}, new int[] {1}), 1, 3, 4, 4),
                config("dilation 2", () -> new MaxPool2d(new int[] {2}, new int[] {1}, new int[] {0}, new int[] {2}),
                        1, 2, 5, 5));
    }

    /** Tie-free, so no maximum switches inside the gradient check's difference step. */
    @Override
    Tensor input(Rng rng, int[] shape) {
        return ConvTesting.tieFree(rng, shape);
    }

    @Test
    void handComputedOverlappingWindows() {
        // 1×1×3×5, kernel 3 stride 2 → 1×2 output; windows share column 2.
        Tensor x = Tensor.of(new double[] {
            1, 2, 9, 0, 3,
            4, 5, 1, 8, 2,
            0, 7, 3, 1, 6}, 1, 1, 3, 5);
        MaxPool2d pool = new MaxPool2d(3, 2);
        Tensor y = pool.forward(x);
        assertArrayEquals(new int[] {1, 1, 1, 2}, y.shape());
        assertArrayEquals(new double[] {9, 9}, y.toArray());
        // both windows pick the shared 9: its gradient is the sum
        Tensor gx = pool.backward(Tensor.of(new double[] {1.5, 2.5}, 1, 1, 1, 2));
        Tensor expected = Tensor.zeros(1, 1, 3, 5);
        expected.set(4.0, 0, 0, 0, 2);
        assertArrayEquals(expected.toArray(), gx.toArray());
    }

    @Test
    void tiesSendTheGradientToTheFirstMaximumInRowMajorOrder() {
        Tensor x = Tensor.of(new double[] {3, 3, 3, 3}, 1, 1, 2, 2);
        MaxPool2d pool = new MaxPool2d(2, 2);
        pool.forward(x);
        assertArrayEquals(new double[] {7, 0, 0, 0}, pool.backward(Tensor.full(x.dtype(), 7, 1, 1, 1, 1)).toArray());
        Tensor y = Tensor.of(new double[] {1, 5, 5, 2}, 1, 1, 2, 2);
        pool.forward(y);
        assertArrayEquals(new double[] {0, 7, 0, 0}, pool.backward(Tensor.full(x.dtype(), 7, 1, 1, 1, 1)).toArray());
    }

    @Test
    void paddingIsMinusInfinityNotZero() {
        // all-negative input: zero padding would win, −∞ padding never does
        Tensor x = Tensor.of(new double[] {-1, -2, -3, -4}, 1, 1, 2, 2);
        MaxPool2d pool = new MaxPool2d(new int[] {3}, new int[] {1}, new int[] {1});
        assertArrayEquals(new double[] {-1, -1, -1, -1}, pool.forward(x).toArray());
    }

    @Test
    void strideDefaultsToKernelAndGettersReport() {
        MaxPool2d pool = new MaxPool2d(new int[] {2, 3}, null, new int[] {1});
        assertArrayEquals(new int[] {2, 3}, pool.kernelSize());
        assertArrayEquals(new int[] {2, 3}, pool.stride());
        assertArrayEquals(new int[] {1, 1}, pool.padding());
        assertArrayEquals(new int[] {1, 1}, pool.dilation());
        assertArrayEquals(new int[] {3, 3}, new MaxPool2d(3).stride());
        assertArrayEquals(new int[] {2, 2}, new MaxPool2d(new int[] {2}, new int[0], new int[] {0}).stride());
    }

    @Test
    void errorsNameLayerAndSettings() {
        MaxPool2d pool = new MaxPool2d(2, 2);
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> pool.forward(Tensor.zeros(4, 4)));
        assertEquals("MaxPool2d: input expected 4 dimensions (N, C, H, W), got shape [4, 4]", e.getMessage());
        e = assertThrows(ShapeMismatchException.class, () -> new MaxPool2d(3, 1).forward(Tensor.zeros(1, 1, 2, 5)));
        assertTrue(e.getMessage().startsWith("MaxPool2d: output would be empty: input 2x5, kernel 3x3, stride (1, 1)"),
                e.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                () -> new MaxPool2d(new int[] {3}, new int[] {1}, new int[] {2}));
        assertEquals("MaxPool2d: padding (2, 2) must be at most half the kernel size (3, 3)", p.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MaxPool2d(0, 1));
        IllegalStateException s = assertThrows(IllegalStateException.class,
                () -> new MaxPool2d(2, 2).backward(Tensor.zeros(1, 1, 1, 1)));
        assertEquals("MaxPool2d: backward called before forward", s.getMessage());
    }
}
