package org.gradlab.engine.nn;

import org.gradlab.core.DType;
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
public final class Conv2d extends ConvLayer {

    /**
     * PyTorch's default initialisation: weight and bias ~ U(−b, b) with b = 1/√fan_in,
     * fan_in = C_in/groups·kH·kW (weight first, then bias, from {@code rng}).
     */
    public Conv2d(DType dtype, int inChannels, int outChannels, int[] kernel, int[] stride, int[] padding,
            int[] dilation, int groups, boolean bias, Rng rng) {
        super("Conv2d", dtype, inChannels, outChannels, kernel,
                ConvGeometry.of("Conv2d", stride, padding, dilation, groups), false, bias, rng);
    }

    /** Square kernel, dilation 1, one group, with bias, FLOAT64. */
    public Conv2d(int inChannels, int outChannels, int kernel, int stride, int padding, Rng rng) {
        this(DType.FLOAT64, inChannels, outChannels, new int[] {kernel}, new int[] {stride}, new int[] {padding},
                new int[] {1}, 1, true, rng);
    }

    @Override
    Tensor convolve(Tensor input, Tensor w) {
        geometry().outputShape("Conv2d", input.shape(), w.shape()); // errors name this layer, not the kernel
        return Backends.forType(DType.promote(input.dtype(), w.dtype())).conv2d(input, w, geometry());
    }

    @Override
    Tensor weightGrad(Tensor gradOutput, Tensor input, Tensor w) {
        return Backends.forType(w.dtype()).conv2dWeightGrad(gradOutput, input, w.shape(), geometry());
    }

    @Override
    Tensor inputGrad(Tensor gradOutput, Tensor input, Tensor w) {
        return Backends.forType(input.dtype()).conv2dInputGrad(gradOutput, w, input.shape(), geometry());
    }
}
