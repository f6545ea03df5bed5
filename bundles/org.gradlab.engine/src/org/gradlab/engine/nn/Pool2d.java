package org.gradlab.engine.nn;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;
import org.gradlab.core.spi.TensorData;
import org.gradlab.engine.backend.ConvGeometry;

/**
 * What MaxPool2d and AvgPool2d share: the window settings, validated as torch does — kernel ≥ 1,
 * stride ≥ 1 (absent: the kernel size), padding ≥ 0 and at most half the kernel size, so every
 * window overlaps the real input — and forward/backward over (N, C, H, W) around the pooling
 * kernels a subclass gives.
 */
abstract class Pool2d implements Layer {
    final String name;
    final int kernelH;
    final int kernelW;
    final ConvGeometry geometry;
    private int[] inputShape;
    private int[] outputShape;

    /** Each setting is one value or an (h, w) pair; a null or empty stride means the kernel size. */
    Pool2d(String name, int[] kernel, int[] stride, int[] padding, int[] dilation) {
        int[] k = ConvGeometry.pair(name, "kernel_size", kernel, 1);
        int[] s = stride == null || stride.length == 0 ? k : stride;
        ConvGeometry g = ConvGeometry.of(name, s, padding, dilation, 1);
        if (g.padH() > k[0] / 2 || g.padW() > k[1] / 2) {
            throw new IllegalArgumentException(name + ": padding (" + g.padH() + ", " + g.padW()
                    + ") must be at most half the kernel size (" + k[0] + ", " + k[1] + ")");
        }
        this.name = name;
        this.kernelH = k[0];
        this.kernelW = k[1];
        this.geometry = g;
    }

    /** (kH, kW). */
    public int[] kernelSize() {
        return new int[] {kernelH, kernelW};
    }

    public int[] stride() {
        return geometry.stride();
    }

    public int[] padding() {
        return geometry.padding();
    }

    public int[] dilation() {
        return geometry.dilation();
    }

    /** The pooled (N, C, OH, OW) values of input x (N, C, H, W); may cache what {@link #poolBackward} needs. */
    abstract double[] poolForward(int[] inputShape, int[] outputShape, double[] x);

    /** dL/dinput (N, C, H, W) for dL/doutput of the last {@link #poolForward}. */
    abstract double[] poolBackward(int[] inputShape, int[] outputShape, double[] gradOutput);

    @Override
    public final Tensor forward(Tensor input) {
        int[] s = input.shape();
        ConvGeometry.requireRank4(name, "input", "(N, C, H, W)", s);
        int[] hw = geometry.outputSize(name, s[2], s[3], kernelH, kernelW);
        int[] outShape = {s[0], s[1], hw[0], hw[1]};
        double[] out = poolForward(s, outShape, TensorData.read(input));
        inputShape = s;
        outputShape = outShape;
        return TensorData.wrap(input.dtype(), outShape, out);
    }

    @Override
    public final Tensor backward(Tensor gradOutput) {
        LayerChecks.forwardDone(name, outputShape);
        LayerChecks.gradShape(name, gradOutput, outputShape);
        double[] dx = poolBackward(inputShape, outputShape, TensorData.read(gradOutput));
        return TensorData.wrap(gradOutput.dtype(), inputShape, dx);
    }
}
