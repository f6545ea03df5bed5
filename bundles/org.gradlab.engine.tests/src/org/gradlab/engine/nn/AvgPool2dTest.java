package org.gradlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.gradlab.check.TensorComparison;
import org.gradlab.core.Rng;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

class AvgPool2dTest extends Pool2dChecks {

    static Stream<Arguments> configurations() {
        return Stream.of(
                config("k2 s2", () -> new AvgPool2d(2, 2), 2, 3, 6, 6),
                config("k3 s2 overlapping odd input", () -> new AvgPool2d(3, 2), 2, 2, 7, 6),
                config("k3 s2 p1 include pad", () -> new AvgPool2d(new int[] {3}, new int[] {2}, new int[] {1}, true),
                        2, 2, 6, 5),
                config("k3 s2 p1 exclude pad", () -> new AvgPool2d(new int[] {3}, new int[] {2}, new int[] {1}, false),
                        2, 2, 6, 5),
                config("rect k3x2 s2x1 p1x0 exclude pad", () -> new AvgPool2d(new int[] {3, 2}, new int[] {2, 1},
                        new int[] {1, 0}, false), 2, 2, 5, 6),
                config("k3 s1 p1 batch 1 include pad", () -> new AvgPool2d(new int[] {3}, new int[] {1},
                        new int[] {1}, true), 1, 2, 4, 5),
                config("k3 s1 p1 batch 1 exclude pad", () -> new AvgPool2d(new int[] {3}, new int[] {1},
                        new int[] {1}, false), 1, 2, 4, 5));
    }

    @Override
    Tensor input(Rng rng, int[] shape) {
        return Tensor.randn(rng, shape);
    }

    private static final Tensor ONE_TO_NINE = Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);

    @Test
    void countIncludePadDividesByTheFullWindow() {
        // kernel 3 stride 2 padding 1 over 3×3: each window holds a 2×2 block of real values plus padding
        AvgPool2d pool = new AvgPool2d(new int[] {3}, new int[] {2}, new int[] {1}, true);
        Tensor y = pool.forward(ONE_TO_NINE);
        TensorComparison.compare("include pad", Tensor.of(new double[] {12 / 9.0, 16 / 9.0, 24 / 9.0, 28 / 9.0},
                1, 1, 2, 2), y, 1e-15, 0).orThrow();
        // each output spreads its gradient over the 9 window slots; the centre is in all 4 windows
        Tensor gx = pool.backward(Tensor.ones(1, 1, 2, 2));
        assertEquals(4 / 9.0, gx.get(0, 0, 1, 1), 1e-15);
        assertEquals(1 / 9.0, gx.get(0, 0, 0, 0), 1e-15);
    }

    @Test
    void countExcludePadDividesByTheRealElements() {
        AvgPool2d pool = new AvgPool2d(new int[] {3}, new int[] {2}, new int[] {1}, false);
        assertFalse(pool.countIncludePad());
        Tensor y = pool.forward(ONE_TO_NINE);
        assertArrayEquals(new double[] {3, 4, 6, 7}, y.toArray(), 1e-15);
        Tensor gx = pool.backward(Tensor.ones(1, 1, 2, 2));
        assertEquals(1.0, gx.get(0, 0, 1, 1), 1e-15);
        assertEquals(0.25, gx.get(0, 0, 0, 0), 1e-15);
        assertEquals(0.5, gx.get(0, 0, 0, 1), 1e-15);
    }

    @Test
    void gettersAndDefaults() {
        AvgPool2d pool = new AvgPool2d(new int[] {3, 2}, null, new int[] {1, 0}, true);
        assertArrayEquals(new int[] {3, 2}, pool.kernelSize());
        assertArrayEquals(new int[] {3, 2}, pool.stride());
        assertArrayEquals(new int[] {1, 0}, pool.padding());
        assertArrayEquals(new int[] {1, 1}, pool.dilation());
        assertTrue(new AvgPool2d(2, 2).countIncludePad());
        assertArrayEquals(new int[] {2, 2}, new AvgPool2d(2).stride());
    }

    @Test
    void errorsNameLayerAndSettings() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> new AvgPool2d(2, 2).forward(Tensor.zeros(1, 4, 4)));
        assertEquals("AvgPool2d: input expected 4 dimensions (N, C, H, W), got shape [1, 4, 4]", e.getMessage());
        e = assertThrows(ShapeMismatchException.class, () -> new AvgPool2d(4, 1).forward(Tensor.zeros(1, 1, 3, 8)));
        assertTrue(e.getMessage().startsWith("AvgPool2d: output would be empty: input 3x8, kernel 4x4"),
                e.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                () -> new AvgPool2d(new int[] {2, 4}, new int[] {1}, new int[] {1, 3}, true));
        assertEquals("AvgPool2d: padding (1, 3) must be at most half the kernel size (2, 4)", p.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class,
                () -> new AvgPool2d(2, 2).backward(Tensor.zeros(1, 1, 1, 1)));
        assertEquals("AvgPool2d: backward called before forward", s.getMessage());
    }
}
