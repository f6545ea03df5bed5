package org.gradlab.engine.nn;

import java.util.List;

import org.gradlab.core.DType;
import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;
import org.gradlab.engine.backend.Backend;
import org.gradlab.engine.backend.Backends;
import org.gradlab.engine.backend.ConvGeometry;

/**
 * Transposed 2-d convolution ("deconvolution"): the adjoint of {@link Conv2d} in its input, so it
 * reuses the convolution kernels with roles swapped — its forward is conv2d's input gradient, its
 * input gradient is conv2d, and its weight gradient is conv2d's weight gradient with input and
 * grad_output exchanged. Weight (C_in, C_out/groups, kH, kW), as in PyTorch; input (N, C_in, H, W),
 * output (N, C_out, (H−1)·stride − 2·padding + dilation·(kH−1) + output_padding + 1, …).
 * Output padding chooses among the output sizes that a stride > 1 convolution maps to the same H.
 */
public final class ConvTranspose2d implements Layer {
    private final int inChannels;
    private final int outChannels;
    private final int[] kernelSize;
    private final int[] outputPadding;
    private final ConvGeometry geometry;
    private final Parameter weight;
    private final Parameter bias;
    private Tensor input;
    private int[] outputShape;

    /**
     * PyTorch's default initialisation: weight and bias ~ U(−b, b) with b = 1/√fan_in, where torch
     * takes fan_in from the weight's dim 1, i.e. C_out/groups·kH·kW (weight first, then bias).
     */
    public ConvTranspose2d(DType dtype, int inChannels, int outChannels, int[] kernel, int[] stride, int[] padding,
            int[] outputPadding, int[] dilation, int groups, boolean bias, Rng rng) {
        this.geometry = ConvGeometry.of("ConvTranspose2d", stride, padding, dilation, groups);
        this.kernelSize = ConvGeometry.pair("ConvTranspose2d", "kernel_size", kernel, 1);
        this.outputPadding = ConvGeometry.pair("ConvTranspose2d", "output_padding", outputPadding, 0);
        for (int a = 0; a < 2; a++) {
            if (this.outputPadding[a] >= Math.max(geometry.stride()[a], geometry.dilation()[a])) {
                throw new IllegalArgumentException("ConvTranspose2d: output_padding (" + this.outputPadding[0] + ", "
                        + this.outputPadding[1] + ") must be smaller than either the stride (" + geometry.strideH()
                        + ", " + geometry.strideW() + ") or the dilation (" + geometry.dilationH() + ", "
                        + geometry.dilationW() + ") in each axis");
            }
        }
        ConvLayers.checkChannels("ConvTranspose2d", inChannels, outChannels, groups);
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.weight = new Parameter("weight",
                Tensor.zeros(dtype, inChannels, outChannels / groups, kernelSize[0], kernelSize[1]));
        this.bias = ConvLayers.initDefault(weight.value(), bias ? outChannels : 0, rng);
    }

    /** Square kernel, dilation 1, one group, with bias, FLOAT64. */
    public ConvTranspose2d(int inChannels, int outChannels, int kernel, int stride, int padding, int outputPadding,
            Rng rng) {
        this(DType.FLOAT64, inChannels, outChannels, new int[] {kernel}, new int[] {stride}, new int[] {padding},
                new int[] {outputPadding}, new int[] {1}, 1, true, rng);
    }

    public int inChannels() {
        return inChannels;
    }

    public int outChannels() {
        return outChannels;
    }

    public int[] kernelSize() {
        return kernelSize.clone();
    }

    public int[] stride() {
        return geometry.stride();
    }

    public int[] padding() {
        return geometry.padding();
    }

    public int[] outputPadding() {
        return outputPadding.clone();
    }

    public int[] dilation() {
        return geometry.dilation();
    }

    public int groups() {
        return geometry.groups();
    }

    public Parameter weight() {
        return weight;
    }

    /** The bias, or null when the layer was built without one. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }

    @Override
    public Tensor forward(Tensor input) {
        int[] s = input.shape();
        Tensor w = weight.value();
        ConvGeometry.requireRank4("ConvTranspose2d", "input", "(N, C, H, W)", s);
        if (s[1] != inChannels) {
            throw ShapeMismatchException.of("ConvTranspose2d", "input has " + s[1]
                    + " channels but the layer expects in_channels = " + inChannels + " (input and weight)",
                    s, w.shape());
        }
        int[] hw = geometry.transposedOutputSize("ConvTranspose2d", s[2], s[3], kernelSize[0], kernelSize[1],
                outputPadding);
        int[] outShape = {s[0], outChannels, hw[0], hw[1]};
        Backend backend = Backends.forType(DType.promote(input.dtype(), w.dtype()));
        Tensor y = backend.conv2dInputGrad(input, w, outShape, geometry);
        this.input = input;
        this.outputShape = outShape;
        return ConvLayers.addBias(y, bias);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        LayerChecks.forwardDone("ConvTranspose2d", input);
        LayerChecks.gradShape("ConvTranspose2d", gradOutput, outputShape);
        Tensor w = weight.value();
        weight.accumulateGrad(Backends.forType(w.dtype()).conv2dWeightGrad(input, gradOutput, w.shape(), geometry));
        ConvLayers.accumulateBiasGrad(bias, gradOutput);
        Tensor gx = Backends.forType(input.dtype()).conv2d(gradOutput, w, geometry);
        // With output_padding ≥ stride (allowed when dilation is larger) the convolution of the
        // output covers more rows than the input had; those rows received nothing in forward.
        int h = input.size(2);
        int wd = input.size(3);
        if (gx.size(2) != h) {
            gx = gx.slice(2, 0, h);
        }
        if (gx.size(3) != wd) {
            gx = gx.slice(3, 0, wd);
        }
        return gx;
    }

    @Override
    public String toString() {
        return "ConvTranspose2d(" + inChannels + ", " + outChannels + ", kernel_size=(" + kernelSize[0] + ", "
                + kernelSize[1] + "), " + geometry.describe() + ", output_padding=(" + outputPadding[0] + ", "
                + outputPadding[1] + "), groups=" + geometry.groups() + ", bias=" + (bias != null) + ")";
    }
}
