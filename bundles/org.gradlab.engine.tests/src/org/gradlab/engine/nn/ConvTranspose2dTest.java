package org.gradlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.gradlab.check.GradientCheck;
import org.gradlab.core.DType;
import org.gradlab.core.Rng;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConvTranspose2dTest {

    /** name, input shape, out channels, kernel, stride, padding, output padding, dilation, groups, bias. */
    static Stream<Arguments> configurations() {
        return Stream.of(
                Arguments.of("stride 2 pad 1 output_padding 1", new int[] {2, 3, 4, 3}, 2, new int[] {3, 3},
                        new int[] {2, 2}, new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, 1, true),
                Arguments.of("stride 1 pad 0", new int[] {2, 2, 4, 5}, 3, new int[] {3, 3}, new int[] {1, 1},
                        new int[] {0, 0}, new int[] {0, 0}, new int[] {1, 1}, 1, true),
                Arguments.of("rect 2x3 stride (2,1) pad (0,1) output_padding (1,0)", new int[] {2, 3, 3, 4}, 2,
                        new int[] {2, 3}, new int[] {2, 1}, new int[] {0, 1}, new int[] {1, 0}, new int[] {1, 1}, 1,
                        true),
                Arguments.of("k4 s2 p1 no bias", new int[] {1, 2, 3, 3}, 2, new int[] {4, 4}, new int[] {2, 2},
                        new int[] {1, 1}, new int[] {0, 0}, new int[] {1, 1}, 1, false),
                Arguments.of("stride 3 output_padding 2", new int[] {1, 2, 3, 2}, 2, new int[] {3, 3},
                        new int[] {3, 3}, new int[] {1, 1}, new int[] {2, 2}, new int[] {1, 1}, 1, true),
                Arguments.of("groups 2", new int[] {2, 4, 3, 3}, 6, new int[] {3, 3}, new int[] {2, 2},
                        new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, 2, true),
                // output_padding 1 ≥ stride 1, allowed because < dilation 2: the input gradient is cropped
                Arguments.of("dilation 2 output_padding 1 > stride", new int[] {1, 2, 3, 4}, 2, new int[] {2, 3},
                        new int[] {1, 1}, new int[] {1, 0}, new int[] {1, 1}, new int[] {2, 2}, 1, true));
    }

    private static ConvTranspose2d layer(DType dtype, int[] in, int out, int[] k, int[] s, int[] p, int[] op,
            int[] d, int groups, boolean bias, long seed) {
        return new ConvTranspose2d(dtype, in[1], out, k, s, p, op, d, groups, bias, new Rng(seed));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void gradientsMatchCentralDifferences(String name, int[] in, int out, int[] k, int[] s, int[] p, int[] op,
            int[] d, int groups, boolean bias) {
        Rng rng = new Rng(name.hashCode());
        ConvTranspose2d conv = layer(DType.FLOAT64, in, out, k, s, p, op, d, groups, bias, 1);
        Tensor x = Tensor.randn(rng, in);
        Tensor y = conv.forward(x);
        // torch's size rule: (H − 1)·s − 2p + d·(k − 1) + output_padding + 1
        for (int a = 0; a < 2; a++) {
            assertEquals((in[2 + a] - 1) * s[a] - 2 * p[a] + d[a] * (k[a] - 1) + op[a] + 1, y.size(2 + a));
        }
        var results = GradientCheck.layer(conv, x, Tensor.randn(rng, y.shape()));
        assertEquals(bias ? 3 : 2, results.size());
        GradientCheck.assertAllPassed(results);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void forwardIsTheAdjointOfConv2d(String name, int[] in, int out, int[] k, int[] s, int[] p, int[] op, int[] d,
            int groups, boolean bias) {
        // ⟨conv(x), y⟩ = ⟨x, convT(y)⟩ for the same weight: convT maps (N, C_in, H, W) to the shape x of conv.
        Rng rng = new Rng(name.hashCode() + 1);
        ConvTranspose2d convT = layer(DType.FLOAT64, in, out, k, s, p, op, d, groups, false, 2);
        Tensor y = Tensor.randn(rng, in);
        Tensor convTy = convT.forward(y);
        Tensor x = Tensor.randn(rng, convTy.shape());
        Tensor convX = ConvTesting.naiveConv2d(x, convT.weight().value(), s, p, d, groups);
        // with output_padding ≥ stride the convolution sees more rows than y has; they pair with nothing
        convX = convX.slice(2, 0, in[2]).slice(3, 0, in[3]);
        double lhs = ConvTesting.dot(convX, y);
        double rhs = ConvTesting.dot(x, convTy);
        assertEquals(lhs, rhs, 1e-10 * Math.max(1, Math.abs(lhs)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void float32AgreesWithFloat64(String name, int[] in, int out, int[] k, int[] s, int[] p, int[] op, int[] d,
            int groups, boolean bias) {
        Rng rng = new Rng(name.hashCode() + 2);
        ConvTesting.assertFloat32Agrees(layer(DType.FLOAT64, in, out, k, s, p, op, d, groups, bias, 3),
                layer(DType.FLOAT32, in, out, k, s, p, op, d, groups, bias, 3), Tensor.randn(rng, in), rng);
    }

    @Test
    void strideEqualToKernelPastesScaledKernels() {
        // 2×2 kernel, stride 2: each input pixel stamps x·W into its own 2×2 block.
        ConvTranspose2d t = new ConvTranspose2d(1, 1, 2, 2, 0, 0, new Rng(0));
        t.weight().value().copyFrom(Tensor.of(new double[] {1, 2, 3, 4}, 1, 1, 2, 2));
        t.bias().value().fill(10);
        Tensor y = t.forward(Tensor.of(new double[] {1, -1}, 1, 1, 1, 2));
        assertArrayEquals(new int[] {1, 1, 2, 4}, y.shape());
        assertArrayEquals(new double[] {11, 12, 9, 8, 13, 14, 7, 6}, y.toArray());
        // output_padding 1 adds a row and column that only the bias reaches
        ConvTranspose2d padded = new ConvTranspose2d(1, 1, 2, 2, 0, 1, new Rng(0));
        padded.weight().value().copyFrom(t.weight().value());
        padded.bias().value().fill(10);
        Tensor yp = padded.forward(Tensor.of(new double[] {1, -1}, 1, 1, 1, 2));
        assertArrayEquals(new int[] {1, 1, 3, 5}, yp.shape());
        assertArrayEquals(new double[] {11, 12, 9, 8, 10, 13, 14, 7, 6, 10, 10, 10, 10, 10, 10}, yp.toArray());
    }

    @Test
    void constructorsAndGetters() {
        ConvTranspose2d t = new ConvTranspose2d(4, 6, 3, 2, 1, 1, new Rng(0));
        assertArrayEquals(new int[] {4, 6, 3, 3}, t.weight().value().shape());
        assertArrayEquals(new int[] {3, 3}, t.kernelSize());
        assertArrayEquals(new int[] {2, 2}, t.stride());
        assertArrayEquals(new int[] {1, 1}, t.padding());
        assertArrayEquals(new int[] {1, 1}, t.outputPadding());
        assertArrayEquals(new int[] {1, 1}, t.dilation());
        assertEquals(1, t.groups());
        // torch's fan_in for a transposed weight is dim 1 · kH · kW = 6 · 9
        double b = 1 / Math.sqrt(54);
        assertTrue(t.weight().value().abs().maxAll() <= b && t.weight().value().abs().maxAll() > 0.9 * b);
        ConvTranspose2d g = new ConvTranspose2d(DType.FLOAT32, 4, 6, new int[] {3, 2}, new int[] {1}, new int[] {0},
                new int[] {0}, new int[] {1}, 2, false, new Rng(0));
        assertArrayEquals(new int[] {4, 3, 3, 2}, g.weight().value().shape());
        assertNull(g.bias());
        assertEquals(DType.FLOAT32, g.weight().value().dtype());
    }

    @Test
    void outputPaddingMustBeSmallerThanStrideOrDilation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConvTranspose2d(2, 2, 3, 2, 1, 2, new Rng(0)));
        assertEquals("ConvTranspose2d: output_padding (2, 2) must be smaller than either the stride (2, 2) or "
                + "the dilation (1, 1) in each axis", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ConvTranspose2d(2, 2, 3, 1, 0, 1, new Rng(0)));
    }

    @Test
    void shapeErrorsNameLayerAndShapes() {
        ConvTranspose2d t = new ConvTranspose2d(3, 2, 3, 1, 0, 0, new Rng(0));
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> t.forward(Tensor.zeros(3, 4, 4)));
        assertEquals("ConvTranspose2d: input expected 4 dimensions (N, C, H, W), got shape [3, 4, 4]", e.getMessage());
        e = assertThrows(ShapeMismatchException.class, () -> t.forward(Tensor.zeros(1, 2, 4, 4)));
        assertEquals("ConvTranspose2d: input has 2 channels but the layer expects in_channels = 3 (input and weight) "
                + "(shapes [1, 2, 4, 4] and [3, 2, 3, 3])", e.getMessage());
        // padding 3 eats a 1×1 input: (1 − 1)·1 − 6 + 2 + 1 < 1
        ConvTranspose2d big = new ConvTranspose2d(1, 1, 3, 1, 3, 0, new Rng(0));
        e = assertThrows(ShapeMismatchException.class, () -> big.forward(Tensor.zeros(1, 1, 1, 1)));
        assertTrue(e.getMessage().startsWith("ConvTranspose2d: output would be empty: input 1x1, kernel 3x3"),
                e.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class,
                () -> new ConvTranspose2d(1, 1, 2, 1, 0, 0, new Rng(0)).backward(Tensor.zeros(1, 1, 2, 2)));
        assertEquals("ConvTranspose2d: backward called before forward", s.getMessage());
    }
}
