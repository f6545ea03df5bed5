package org.gradlab.engine.nn;

import org.gradlab.core.DType;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.core.spi.TensorData;
import org.gradlab.engine.backend.ConvGeometry;

/**
 * What Conv2d and ConvTranspose2d share: channels, kernel size and geometry with their accessors,
 * PyTorch's default init, the per-channel bias, and forward/backward around the three kernels a
 * subclass picks from the {@link org.gradlab.engine.backend.Backend} (the transposed convolution
 * uses the same ones with roles swapped).
 */
abstract class ConvLayer extends WeightBiasLayer {
    private final String name;
    private final int inChannels;
    private final int outChannels;
    private final int[] kernelSize;
    private final ConvGeometry geometry;
    private Tensor input;
    private int[] outputShape;

    /**
     * The weight is (C_out, C_in/groups, kH, kW), or (C_in, C_out/groups, kH, kW) when
     * {@code transposed}; the bias (C_out).
     */
    ConvLayer(String name, DType dtype, int inChannels, int outChannels, int[] kernel, ConvGeometry geometry,
            boolean transposed, boolean bias, Rng rng) {
        super(dtype, weightShape(name, inChannels, outChannels, kernel, geometry.groups(), transposed),
                bias ? outChannels : 0, rng);
        this.name = name;
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernelSize = new int[] {weight().value().size(2), weight().value().size(3)};
        this.geometry = geometry;
    }

    private static int[] weightShape(String layer, int inChannels, int outChannels, int[] kernel, int groups,
            boolean transposed) {
        int[] k = ConvGeometry.pair(layer, "kernel_size", kernel, 1);
        if (inChannels < 1 || outChannels < 1) {
            throw new IllegalArgumentException(layer + ": in_channels and out_channels must be positive, got "
                    + inChannels + " and " + outChannels);
        }
        if (inChannels % groups != 0 || outChannels % groups != 0) {
            throw new IllegalArgumentException(layer + ": groups " + groups + " must divide both in_channels "
                    + inChannels + " and out_channels " + outChannels);
        }
        return transposed ? new int[] {inChannels, outChannels / groups, k[0], k[1]}
                : new int[] {outChannels, inChannels / groups, k[0], k[1]};
    }

    public int inChannels() {
        return inChannels;
    }

    public int outChannels() {
        return outChannels;
    }

    /** (kH, kW). */
    public int[] kernelSize() {
        return kernelSize.clone();
    }

    /** (h, w). */
    public int[] stride() {
        return geometry.stride();
    }

    /** (h, w) zero padding on each side. */
    public int[] padding() {
        return geometry.padding();
    }

    /** (h, w). */
    public int[] dilation() {
        return geometry.dilation();
    }

    public int groups() {
        return geometry.groups();
    }

    public ConvGeometry geometry() {
        return geometry;
    }

    /** The output without bias, (N, C_out, OH, OW); errors name the layer. */
    abstract Tensor convolve(Tensor input, Tensor weight);

    /** dL/dweight for the given grad_output and forward input. */
    abstract Tensor weightGrad(Tensor gradOutput, Tensor input, Tensor weight);

    /** dL/dinput for the given grad_output and forward input. */
    abstract Tensor inputGrad(Tensor gradOutput, Tensor input, Tensor weight);

    @Override
    public final Tensor forward(Tensor input) {
        Tensor y = convolve(input, weight().value());
        this.input = input;
        this.outputShape = y.shape();
        Parameter bias = bias();
        return bias == null ? y : y.add(bias.value().reshape(1, outChannels, 1, 1));
    }

    @Override
    public final Tensor backward(Tensor gradOutput) {
        LayerChecks.forwardDone(name, input);
        LayerChecks.gradShape(name, gradOutput, outputShape);
        Tensor w = weight().value();
        weight().accumulateGrad(weightGrad(gradOutput, input, w));
        if (bias() != null) {
            // grad_output summed over N, H and W (accumulated in double, once rounded)
            int[] s = gradOutput.shape();
            ParameterGrads.accumulate(bias(), NormKernels.sums(TensorData.read(gradOutput), s[0], s[1], s[2] * s[3]));
        }
        return inputGrad(gradOutput, input, w);
    }

    /** Settings between the geometry and groups in {@link #toString} (e.g. output_padding); none by default. */
    String extraSettings() {
        return "";
    }

    @Override
    public String toString() {
        return name + "(" + inChannels + ", " + outChannels + ", kernel_size=(" + kernelSize[0] + ", " + kernelSize[1]
                + "), " + geometry.describe() + extraSettings() + ", groups=" + geometry.groups() + ", bias="
                + (bias() != null) + ")";
    }
}
