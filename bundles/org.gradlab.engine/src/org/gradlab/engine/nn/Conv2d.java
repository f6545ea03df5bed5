package org.gradlab.engine.nn;

import java.util.List;

import org.gradlab.core.DType;
import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.backend.Backends;
import org.gradlab.engine.backend.ConvGeometry;

/**
 * 2-d convolution (cross-correlation, as in PyTorch) of an (N, C_in, H, W) input with a weight
 * (C_out, C_in/groups, kH, kW) plus an optional bias (C_out), giving (N, C_out, OH, OW). Groups
 * split the channels into independent convolutions; groups = C_in is a depthwise convolution.
 * The kernels come from the {@link org.gradlab.engine.backend.Backend}.
 */
public final class Conv2d implements Layer {
    private final int inChannels;
    private final int outChannels;
    private final int[] kernelSize;
    private final ConvGeometry geometry;
    private final Parameter weight;
    private final Parameter bias;
    private Tensor input;
    private int[] outputShape;

    /**
     * PyTorch's default initialisation: weight and bias ~ U(−b, b) with b = 1/√fan_in,
     * fan_in = C_in/groups·kH·kW (weight first, then bias, from {@code rng}).
     */
    public Conv2d(DType dtype, int inChannels, int outChannels, int[] kernel, int[] stride, int[] padding,
            int[] dilation, int groups, boolean bias, Rng rng) {
        this.geometry = ConvGeometry.of("Conv2d", stride, padding, dilation, groups);
        this.kernelSize = ConvGeometry.pair("Conv2d", "kernel_size", kernel, 1);
        ConvLayers.checkChannels("Conv2d", inChannels, outChannels, groups);
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.weight = new Parameter("weight",
                Tensor.zeros(dtype, outChannels, inChannels / groups, kernelSize[0], kernelSize[1]));
        this.bias = ConvLayers.initDefault(weight.value(), bias ? outChannels : 0, rng);
    }

    /** Square kernel, dilation 1, one group, with bias, FLOAT64. */
    public Conv2d(int inChannels, int outChannels, int kernel, int stride, int padding, Rng rng) {
        this(DType.FLOAT64, inChannels, outChannels, new int[] {kernel}, new int[] {stride}, new int[] {padding},
                new int[] {1}, 1, true, rng);
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
        Tensor w = weight.value();
        geometry.outputShape("Conv2d", input.shape(), w.shape()); // errors name this layer, not the kernel
        Tensor y = Backends.forType(DType.promote(input.dtype(), w.dtype())).conv2d(input, w, geometry);
        this.input = input;
        this.outputShape = y.shape();
        return ConvLayers.addBias(y, bias);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        LayerChecks.forwardDone("Conv2d", input);
        LayerChecks.gradShape("Conv2d", gradOutput, outputShape);
        Tensor w = weight.value();
        weight.accumulateGrad(Backends.forType(w.dtype()).conv2dWeightGrad(gradOutput, input, w.shape(), geometry));
        ConvLayers.accumulateBiasGrad(bias, gradOutput);
        return Backends.forType(input.dtype()).conv2dInputGrad(gradOutput, w, input.shape(), geometry);
    }

    @Override
    public String toString() {
        return "Conv2d(" + inChannels + ", " + outChannels + ", kernel_size=(" + kernelSize[0] + ", " + kernelSize[1]
                + "), " + geometry.describe() + ", groups=" + geometry.groups() + ", bias=" + (bias != null) + ")";
    }
}
