package org.gradlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.gradlab.check.GradientCheck;
import org.gradlab.check.TensorComparison;
import org.gradlab.core.DType;
import org.gradlab.core.Rng;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Conv2dTest {

    /** name, input shape, out channels, kernel, stride, padding, dilation, groups, bias. */
    static Stream<Arguments> configurations() {
        return Stream.of(
                Arguments.of("3x3 stride 2 pad 1", new int[] {2, 3, 7, 6}, 4, new int[] {3, 3}, new int[] {2, 2},
                        new int[] {1, 1}, new int[] {1, 1}, 1, true),
                Arguments.of("dilation 2", new int[] {2, 2, 7, 7}, 3, new int[] {3, 3}, new int[] {1, 1},
                        new int[] {0, 0}, new int[] {2, 2}, 1, true),
                Arguments.of("dilation 2 pad 2", new int[] {1, 2, 6, 5}, 2, new int[] {3, 3}, new int[] {1, 1},
                        new int[] {2, 2}, new int[] {2, 2}, 1, true),
                Arguments.of("rect 2x3 stride (1,2) pad (1,0)", new int[] {2, 3, 6, 7}, 4, new int[] {2, 3},
                        new int[] {1, 2}, new int[] {1, 0}, new int[] {1, 1}, 1, true),
                Arguments.of("1x1", new int[] {2, 5, 4, 3}, 3, new int[] {1, 1}, new int[] {1, 1}, new int[] {0, 0},
                        new int[] {1, 1}, 1, true),
                Arguments.of("1x1 stride 2", new int[] {1, 3, 5, 4}, 2, new int[] {1, 1}, new int[] {2, 2},
                        new int[] {0, 0}, new int[] {1, 1}, 1, true),
                Arguments.of("groups 2", new int[] {2, 4, 5, 5}, 6, new int[] {3, 3}, new int[] {1, 1},
                        new int[] {1, 1}, new int[] {1, 1}, 2, true),
                Arguments.of("depthwise", new int[] {2, 3, 6, 5}, 6, new int[] {3, 3}, new int[] {1, 1},
                        new int[] {1, 1}, new int[] {1, 1}, 3, true),
                Arguments.of("batch 1", new int[] {1, 2, 5, 6}, 3, new int[] {3, 3}, new int[] {1, 1},
                        new int[] {1, 1}, new int[] {1, 1}, 1, true),
                Arguments.of("no bias", new int[] {2, 3, 6, 6}, 2, new int[] {3, 3}, new int[] {2, 2},
                        new int[] {0, 0}, new int[] {1, 1}, 1, false),
                Arguments.of("stride 3 leaves gaps", new int[] {1, 2, 7, 8}, 2, new int[] {2, 2}, new int[] {3, 3},
                        new int[] {0, 0}, new int[] {1, 1}, 1, true));
    }

    private static Conv2d layer(DType dtype, int[] in, int out, int[] k, int[] s, int[] p, int[] d, int groups,
            boolean bias, long seed) {
        return new Conv2d(dtype, in[1], out, k, s, p, d, groups, bias, new Rng(seed));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void gradientsMatchCentralDifferences(String name, int[] in, int out, int[] k, int[] s, int[] p, int[] d,
            int groups, boolean bias) {
        Rng rng = new Rng(name.hashCode());
        Conv2d conv = layer(DType.FLOAT64, in, out, k, s, p, d, groups, bias, 1);
        Tensor x = Tensor.randn(rng, in);
        Tensor g = Tensor.randn(rng, conv.forward(x).shape());
        var results = GradientCheck.layer(conv, x, g);
        assertEquals(bias ? 3 : 2, results.size()); // input, weight (, bias) all checked
        GradientCheck.assertAllPassed(results);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void forwardMatchesNaiveDirectConvolution(String name, int[] in, int out, int[] k, int[] s, int[] p, int[] d,
            int groups, boolean bias) {
        Rng rng = new Rng(name.hashCode() + 1);
        Conv2d conv = layer(DType.FLOAT64, in, out, k, s, p, d, groups, bias, 2);
        Tensor x = Tensor.randn(rng, in);
        Tensor expected = ConvTesting.naiveConv2d(x, conv.weight().value(), s, p, d, groups);
        if (bias) {
            expected = expected.add(conv.bias().value().reshape(1, out, 1, 1));
        }
        TensorComparison.compare("conv2d " + name, expected, conv.forward(x), 1e-12, 1e-12).orThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void float32AgreesWithFloat64(String name, int[] in, int out, int[] k, int[] s, int[] p, int[] d, int groups,
            boolean bias) {
        Rng rng = new Rng(name.hashCode() + 2);
        ConvTesting.assertFloat32Agrees(layer(DType.FLOAT64, in, out, k, s, p, d, groups, bias, 3),
                layer(DType.FLOAT32, in, out, k, s, p, d, groups, bias, 3), Tensor.randn(rng, in), rng);
    }

    @Test
    void handComputedValues() {
        // 1 channel 3×3 input 1..9, 2×2 kernel [[1, 0], [0, -1]], bias 0.5: y = x[i,j] − x[i+1,j+1] + 0.5 = −3.5.
        Conv2d conv = new Conv2d(1, 1, 2, 1, 0, new Rng(0));
        conv.weight().value().copyFrom(Tensor.of(new double[] {1, 0, 0, -1}, 1, 1, 2, 2));
        conv.bias().value().fill(0.5);
        Tensor y = conv.forward(Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3));
        assertArrayEquals(new int[] {1, 1, 2, 2}, y.shape());
        assertArrayEquals(new double[] {-3.5, -3.5, -3.5, -3.5}, y.toArray());
        // dL/dx for dL/dy = 1 everywhere: +1 from the top-left taps, −1 from the bottom-right taps.
        Tensor gx = conv.backward(Tensor.ones(1, 1, 2, 2));
        assertArrayEquals(new double[] {1, 1, 0, 1, 0, -1, 0, -1, -1}, gx.toArray());
        assertEquals(4.0, conv.bias().grad().item());
        // dL/dw[i,j] = sum of the 2×2 input block at offset (i, j).
        assertArrayEquals(new double[] {12, 16, 24, 28}, conv.weight().grad().toArray());
    }

    @Test
    void parameterGradientsAccumulateOverBackwardCalls() {
        Rng rng = new Rng(4);
        Conv2d conv = new Conv2d(2, 3, 3, 1, 1, rng);
        Tensor x = Tensor.randn(rng, 1, 2, 4, 4);
        Tensor g = Tensor.randn(rng, 1, 3, 4, 4);
        conv.forward(x);
        conv.backward(g);
        Tensor once = conv.weight().grad().copy();
        Tensor bOnce = conv.bias().grad().copy();
        conv.forward(x);
        conv.backward(g);
        TensorComparison.compare("weight grad after 2 calls", once.mul(2), conv.weight().grad(), 1e-12, 0).orThrow();
        TensorComparison.compare("bias grad after 2 calls", bOnce.mul(2), conv.bias().grad(), 1e-12, 0).orThrow();
    }

    @Test
    void defaultInitIsUniformWithinOneOverSqrtFanIn() {
        // fan_in = in/groups · kH · kW = 8/2 · 3 · 2 = 24.
        Conv2d conv = new Conv2d(DType.FLOAT64, 8, 16, new int[] {3, 2}, new int[] {1}, new int[] {0}, new int[] {1},
                2, true, new Rng(5));
        assertArrayEquals(new int[] {16, 4, 3, 2}, conv.weight().value().shape());
        double b = 1 / Math.sqrt(24);
        Tensor w = conv.weight().value();
        assertTrue(w.abs().maxAll() <= b, "weight within the bound");
        assertTrue(w.abs().maxAll() > 0.9 * b, "weight fills the bound: " + w.abs().maxAll() / b);
        assertTrue(Math.abs(w.meanAll()) < 0.1 * b, "weight centred");
        Tensor bias = conv.bias().value();
        assertTrue(bias.abs().maxAll() <= b && bias.abs().maxAll() > 0.5 * b, "bias uses the same bound");
        assertEquals("weight", conv.weight().name());
        assertEquals("bias", conv.bias().name());
    }

    @Test
    void constructorsAndGetters() {
        Conv2d c = new Conv2d(3, 8, 5, 2, 1, new Rng(0));
        assertArrayEquals(new int[] {5, 5}, c.kernelSize());
        assertArrayEquals(new int[] {2, 2}, c.stride());
        assertArrayEquals(new int[] {1, 1}, c.padding());
        assertArrayEquals(new int[] {1, 1}, c.dilation());
        assertEquals(1, c.groups());
        assertEquals(DType.FLOAT64, c.weight().value().dtype());
        assertNotNull(c.bias());
        assertEquals(2, c.parameters().size());

        Conv2d full = new Conv2d(DType.FLOAT32, 4, 6, new int[] {2, 3}, new int[] {1, 2}, new int[] {0, 1},
                new int[] {2, 1}, 2, false, new Rng(0));
        assertArrayEquals(new int[] {2, 3}, full.kernelSize());
        assertArrayEquals(new int[] {1, 2}, full.stride());
        assertArrayEquals(new int[] {0, 1}, full.padding());
        assertArrayEquals(new int[] {2, 1}, full.dilation());
        assertEquals(2, full.groups());
        assertNull(full.bias());
        assertEquals(1, full.parameters().size());
        assertEquals(DType.FLOAT32, full.weight().value().dtype());
        assertArrayEquals(new int[] {6, 2, 2, 3}, full.weight().value().shape());
        // getters hand out copies
        full.stride()[0] = 99;
        assertArrayEquals(new int[] {1, 2}, full.stride());
        // output size: H 7 → (7 − 2·1 − 1)/1 + 1 = 5; W 9 → (9 + 2 − 2 − 1)/2 + 1 = 5
        assertArrayEquals(new int[] {1, 6, 5, 5}, full.forward(Tensor.zeros(DType.FLOAT32, 1, 4, 7, 9)).shape());
    }

    @Test
    void wrongRankNamesLayerAndShape() {
        Conv2d conv = new Conv2d(3, 4, 3, 1, 0, new Rng(0));
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> conv.forward(Tensor.zeros(3, 5)));
        assertEquals("Conv2d: input expected 4 dimensions (N, C, H, W), got shape [3, 5]", e.getMessage());
    }

    @Test
    void channelMismatchNamesBothShapes() {
        Conv2d conv = new Conv2d(3, 4, 3, 1, 0, new Rng(0));
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> conv.forward(Tensor.zeros(2, 5, 6, 6)));
        assertTrue(e.getMessage().startsWith("Conv2d: input has 5 channels but the weight expects 3"), e.getMessage());
        assertTrue(e.getMessage().contains("[2, 5, 6, 6]") && e.getMessage().contains("[4, 3, 3, 3]"), e.getMessage());
    }

    @Test
    void emptyOutputNamesEverySetting() {
        Conv2d conv = new Conv2d(DType.FLOAT64, 1, 1, new int[] {3, 3}, new int[] {1, 1}, new int[] {0, 0},
                new int[] {2, 2}, 1, true, new Rng(0));
        // dilated kernel spans 5 > 4 rows
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> conv.forward(Tensor.zeros(1, 1, 4, 6)));
        assertEquals("Conv2d: output would be empty: input 4x6, kernel 3x3, stride (1, 1), padding (0, 0), "
                + "dilation (2, 2) give an output of 0x2 (the dilated kernel must fit in the padded input)",
                e.getMessage());
    }

    @Test
    void groupsMustDivideChannels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Conv2d(DType.FLOAT64, 3, 4, new int[] {3}, new int[] {1}, new int[] {0}, new int[] {1}, 2,
                        true, new Rng(0)));
        assertEquals("Conv2d: groups 2 must divide both in_channels 3 and out_channels 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Conv2d(DType.FLOAT64, 4, 3, new int[] {3}, new int[] {1}, new int[] {0}, new int[] {1}, 2,
                        true, new Rng(0)));
        assertTrue(e.getMessage().contains("groups 2 must divide"), e.getMessage());
    }

    @Test
    void invalidSettingsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Conv2d(3, 4, 3, 0, 0, new Rng(0)));
        assertEquals("Conv2d: stride must be at least 1, got [0]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2d(3, 4, 3, 1, -1, new Rng(0)));
        assertEquals("Conv2d: padding must be at least 0, got [-1]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2d(DType.FLOAT64, 3, 4, new int[] {3, 3, 3},
                new int[] {1}, new int[] {0}, new int[] {1}, 1, true, new Rng(0)));
        assertEquals("Conv2d: kernel_size expected one integer or an (h, w) pair, got [3, 3, 3]", e.getMessage());
    }

    @Test
    void backwardBeforeForwardAndWrongGradShape() {
        Conv2d conv = new Conv2d(1, 1, 2, 1, 0, new Rng(0));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> conv.backward(Tensor.zeros(1, 1, 2, 2)));
        assertEquals("Conv2d: backward called before forward", e.getMessage());
        conv.forward(Tensor.zeros(1, 1, 3, 3));
        ShapeMismatchException s = assertThrows(ShapeMismatchException.class,
                () -> conv.backward(Tensor.zeros(1, 1, 3, 3)));
        assertTrue(s.getMessage().startsWith("Conv2d: grad_output shape differs"), s.getMessage());
    }
}
