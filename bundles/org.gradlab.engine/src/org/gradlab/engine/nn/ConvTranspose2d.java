package org.gradlab.engine.nn;

import org.gradlab.core.DType;
import org.gradlab.core.Rng;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;
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
public final class ConvTranspose2d extends ConvLayer {
    private final int[] outputPadding;

    /**
     * PyTorch's default initialisation: weight and bias ~ U(−b, b) with b = 1/√fan_in, where torch
     * takes fan_in from the weight's dim 1, i.e. C_out/groups·kH·kW (weight first, then bias).
     */
    public ConvTranspose2d(DType dtype, int inChannels, int outChannels, int[] kernel, int[] stride, int[] padding,
            int[] outputPadding, int[] dilation, int groups, boolean bias, Rng rng) {
        super("ConvTranspose2d", dtype, inChannels, outChannels, kernel,
                ConvGeometry.of("ConvTranspose2d", stride, padding, dilation, groups), true, bias, rng);
        ConvGeometry g = geometry();
        this.outputPadding = ConvGeometry.pair("ConvTranspose2d", "output_padding", outputPadding, 0);
        for (int a = 0; a < 2; a++) {
            if (this.outputPadding[a] >= Math.max(g.stride()[a], g.dilation()[a])) {
                throw new IllegalArgumentException("ConvTranspose2d: output_padding (" + this.outputPadding[0] + ", "
                        + this.outputPadding[1] + ") must be smaller than either the stride (" + g.strideH()
                        + ", " + g.strideW() + ") or the dilation (" + g.dilationH() + ", "
                        + g.dilationW() + ") in each axis");
            }
        }
    }

    /** Square kernel, dilation 1, one group, with bias, FLOAT64. */
    public ConvTranspose2d(int inChannels, int outChannels, int kernel, int stride, int padding, int outputPadding,
            Rng rng) {
        this(DType.FLOAT64, inChannels, outChannels, new int[] {kernel}, new int[] {stride}, new int[] {padding},
                new int[] {outputPadding}, new int[] {1}, 1, true, rng);
    }

    public int[] outputPadding() {
        return outputPadding.clone();
    }

    @Override
    Tensor convolve(Tensor input, Tensor w) {
        int[] s = input.shape();
        ConvGeometry.requireRank4("ConvTranspose2d", "input", "(N, C, H, W)", s);
        if (s[1] != inChannels()) {
            throw ShapeMismatchException.of("ConvTranspose2d", "input has " + s[1]
                    + " channels but the layer expects in_channels = " + inChannels() + " (input and weight)",
                    s, w.shape());
        }
        int[] k = kernelSize();
        int[] hw = geometry().transposedOutputSize("ConvTranspose2d", s[2], s[3], k[0], k[1], outputPadding);
        int[] outShape = {s[0], outChannels(), hw[0], hw[1]};
        return Backends.forType(DType.promote(input.dtype(), w.dtype())).conv2dInputGrad(input, w, outShape,
                geometry());
    }

    @Override
    Tensor weightGrad(Tensor gradOutput, Tensor input, Tensor w) {
        return Backends.forType(w.dtype()).conv2dWeightGrad(input, gradOutput, w.shape(), geometry());
    }

    @Override
    Tensor inputGrad(Tensor gradOutput, Tensor input, Tensor w) {
        Tensor gx = Backends.forType(input.dtype()).conv2d(gradOutput, w, geometry());
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
    String extraSettings() {
        return ", output_padding=(" + outputPadding[0] + ", " + outputPadding[1] + ")";
    }
}
