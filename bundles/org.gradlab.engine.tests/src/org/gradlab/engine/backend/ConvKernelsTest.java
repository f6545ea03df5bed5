package org.gradlab.engine.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.gradlab.check.TensorComparison;
import org.gradlab.core.DType;
import org.gradlab.core.Rng;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;
import org.gradlab.engine.nn.ConvTesting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The CPU convolution kernels on their own: forward against the definition, the gradients as adjoints. */
class ConvKernelsTest {
    private final Backend cpu = new CpuBackend(DType.FLOAT64);

    /** input shape, weight shape, geometry. */
    static Stream<Arguments> geometries() {
        return Stream.of(
                Arguments.of(new int[] {2, 3, 7, 6}, new int[] {4, 3, 3, 3}, new ConvGeometry(2, 2, 1, 1, 1, 1, 1)),
                Arguments.of(new int[] {1, 2, 9, 8}, new int[] {3, 2, 3, 2}, new ConvGeometry(1, 2, 2, 0, 2, 3, 1)),
                Arguments.of(new int[] {2, 4, 5, 5}, new int[] {6, 2, 3, 3}, new ConvGeometry(1, 1, 1, 1, 1, 1, 2)),
                Arguments.of(new int[] {2, 3, 5, 4}, new int[] {3, 1, 3, 3}, new ConvGeometry(1, 1, 1, 1, 1, 1, 3)),
                Arguments.of(new int[] {2, 6, 4, 3}, new int[] {4, 3, 1, 1}, new ConvGeometry(1, 1, 0, 0, 1, 1, 2)),
                Arguments.of(new int[] {1, 2, 5, 5}, new int[] {3, 2, 1, 1}, new ConvGeometry(2, 1, 1, 0, 1, 1, 1)),
                Arguments.of(new int[] {1, 1, 1, 1}, new int[] {1, 1, 1, 1}, ConvGeometry.unit()));
    }

    @ParameterizedTest
    @MethodSource("geometries")
    void forwardMatchesTheDefinition(int[] in, int[] w, ConvGeometry g) {
        Rng rng = new Rng(11);
        Tensor x = Tensor.randn(rng, in);
        Tensor weight = Tensor.randn(rng, w);
        Tensor expected = ConvTesting.naiveConv2d(x, weight, g.stride(), g.padding(), g.dilation(), g.groups());
        TensorComparison.compare("conv2d", expected, cpu.conv2d(x, weight, g), 1e-12, 1e-12).orThrow();
    }

    @ParameterizedTest
    @MethodSource("geometries")
    void gradientKernelsAreAdjointsOfTheForward(int[] in, int[] w, ConvGeometry g) {
        // ⟨conv(x, W), y⟩ = ⟨x, inputGrad(y, W)⟩ = ⟨W, weightGrad(y, x)⟩: the convolution is bilinear.
        Rng rng = new Rng(12);
        Tensor x = Tensor.randn(rng, in);
        Tensor weight = Tensor.randn(rng, w);
        Tensor y = Tensor.randn(rng, cpu.conv2d(x, weight, g).shape());
        double forward = ConvTesting.dot(cpu.conv2d(x, weight, g), y);
        double viaInput = ConvTesting.dot(x, cpu.conv2dInputGrad(y, weight, in, g));
        double viaWeight = ConvTesting.dot(weight, cpu.conv2dWeightGrad(y, x, w, g));
        assertEquals(forward, viaInput, 1e-10 * Math.max(1, Math.abs(forward)));
        assertEquals(forward, viaWeight, 1e-10 * Math.max(1, Math.abs(forward)));
    }

    @Test
    void float32BackendStoresFloat32() {
        Rng rng = new Rng(13);
        Tensor x = Tensor.randn(rng, 1, 2, 5, 5);
        Tensor w = Tensor.randn(rng, 3, 2, 3, 3);
        ConvGeometry g = new ConvGeometry(1, 1, 1, 1, 1, 1, 1);
        Tensor y32 = new CpuBackend(DType.FLOAT32).conv2d(x.to(DType.FLOAT32), w.to(DType.FLOAT32), g);
        assertEquals(DType.FLOAT32, y32.dtype());
        TensorComparison.compare("float32 conv2d", cpu.conv2d(x, w, g), y32, 1e-4, 1e-5).orThrow();
    }

    @Test
    void outputSizeFollowsTorchAndEmptyOutputIsExplained() {
        ConvGeometry g = new ConvGeometry(2, 3, 1, 0, 1, 2, 1);
        // H: ⌊(7 + 2 − 2 − 1)/2⌋ + 1 = 4; W: ⌊(8 − 4 − 1)/3⌋ + 1 = 2
        assertArrayEquals(new int[] {4, 2}, g.outputSize("Conv2d", 7, 8, 3, 3));
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> g.outputSize("Conv2d", 7, 3, 3, 3));
        assertEquals("Conv2d: output would be empty: input 7x3, kernel 3x3, stride (2, 3), padding (1, 0), "
                + "dilation (1, 2) give an output of 4x0 (the dilated kernel must fit in the padded input)",
                e.getMessage());
        // transposed: (H − 1)·s − 2p + d·(k − 1) + output_padding + 1
        assertArrayEquals(new int[] {8, 8}, new ConvGeometry(2, 2, 1, 1, 1, 1, 1)
                .transposedOutputSize("ConvTranspose2d", 4, 4, 3, 3, new int[] {1, 1}));
    }

    @Test
    void kernelErrorsNameTheKernelAndShapes() {
        ConvGeometry g = new ConvGeometry(1, 1, 0, 0, 1, 1, 2);
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> cpu.conv2d(Tensor.zeros(1, 4, 5, 5), Tensor.zeros(3, 2, 3, 3), g));
        assertEquals("conv2d: groups 2 does not divide the 3 output channels of the weight "
                + "(shapes [1, 4, 5, 5] and [3, 2, 3, 3])", e.getMessage());
        e = assertThrows(ShapeMismatchException.class,
                () -> cpu.conv2d(Tensor.zeros(1, 3, 5, 5), Tensor.zeros(4, 2, 3, 3), g));
        assertTrue(e.getMessage().startsWith("conv2d: input has 3 channels but the weight expects 4"), e.getMessage());
        e = assertThrows(ShapeMismatchException.class, () -> cpu.conv2dInputGrad(Tensor.zeros(1, 4, 4, 4),
                Tensor.zeros(4, 2, 3, 3), new int[] {1, 4, 5, 5}, g));
        assertEquals("conv2d input gradient: grad_output does not fit the convolution output [1, 4, 3, 3] "
                + "(shapes [1, 4, 4, 4] and [1, 4, 3, 3])", e.getMessage());
        e = assertThrows(ShapeMismatchException.class,
                () -> cpu.conv2d(Tensor.zeros(4, 5), Tensor.zeros(4, 2, 3, 3), g));
        assertEquals("conv2d: input expected 4 dimensions (N, C, H, W), got shape [4, 5]", e.getMessage());
    }

    @Test
    void invalidGeometryIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConvGeometry.of("Conv2d", new int[] {1}, new int[] {0}, new int[] {0, 1}, 1));
        assertEquals("Conv2d: dilation must be at least 1, got [0, 1]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ConvGeometry.of("Conv2d", new int[] {1}, new int[] {0}, new int[] {1}, 0));
        assertEquals("Conv2d: groups must be at least 1, got 0", e.getMessage());
        assertEquals(new ConvGeometry(2, 2, 1, 1, 1, 1, 1),
                ConvGeometry.of("Conv2d", new int[] {2}, new int[] {1}, new int[] {1}, 1));
    }
}
