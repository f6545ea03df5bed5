package org.gradlab.engine.nn;

import org.gradlab.core.Shapes;
import org.gradlab.engine.backend.ConvGeometry;

/**
 * The maximum of each kH×kW window of every (N, C) plane. Padding is implicit −∞ (it never wins),
 * windows may overlap (stride &lt; kernel), and the output size rounds down (ceil_mode false).
 *
 * <p>Forward stores, per output element, the input position of its maximum; backward routes the
 * gradient there only. On ties the FIRST maximum in the window's row-major scan gets the whole
 * gradient (PyTorch's CPU rule): the max is not differentiable there, and this picks one subgradient.
 * A NaN in a window wins, so NaNs propagate as in PyTorch.
 */
public final class MaxPool2d extends Pool2d {
    private int[] argmax; // flat input index of each output element's maximum

    /** Square window, no padding; {@code stride} as in PyTorch. */
    public MaxPool2d(int kernel, int stride) {
        this(new int[] {kernel}, new int[] {stride}, new int[] {0});
    }

    /** Stride = kernel (non-overlapping windows). */
    public MaxPool2d(int kernel) {
        this(kernel, kernel);
    }

    /** Each setting is one value or an (h, w) pair; a null or empty stride means the kernel size. */
    public MaxPool2d(int[] kernel, int[] stride, int[] padding) {
        this(kernel, stride, padding, new int[] {1});
    }

    public MaxPool2d(int[] kernel, int[] stride, int[] padding, int[] dilation) {
        super("MaxPool2d", kernel, stride, padding, dilation);
    }

    @Override
    double[] poolForward(int[] s, int[] outShape, double[] x) {
        int h = s[2];
        int w = s[3];
        int oh = outShape[2];
        int ow = outShape[3];
        ConvGeometry g = geometry;
        double[] out = new double[Shapes.numel(outShape)];
        int[] arg = new int[out.length];
        int o = 0;
        for (int plane = 0; plane < s[0] * s[1]; plane++) {
            int base = plane * h * w;
            for (int y = 0; y < oh; y++) {
                for (int xo = 0; xo < ow; xo++, o++) {
                    int best = -1;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < kernelH; i++) {
                        int hIn = y * g.strideH() - g.padH() + i * g.dilationH();
                        if (hIn < 0 || hIn >= h) {
                            continue;
                        }
                        for (int j = 0; j < kernelW; j++) {
                            int wIn = xo * g.strideW() - g.padW() + j * g.dilationW();
                            if (wIn < 0 || wIn >= w) {
                                continue;
                            }
                            int idx = base + hIn * w + wIn;
                            double v = x[idx];
                            // strict '>' keeps the first of equal maxima; a NaN wins once
                            if (best < 0 || v > max || Double.isNaN(v) && !Double.isNaN(max)) {
                                best = idx;
                                max = v;
                            }
                        }
                    }
                    out[o] = max;
                    arg[o] = best;
                }
            }
        }
        argmax = arg;
        return out;
    }

    /** Overlapping windows may share a maximum: their gradients add. */
    @Override
    double[] poolBackward(int[] inputShape, int[] outputShape, double[] gradOutput) {
        return Functional.maxBackward(argmax, gradOutput, Shapes.numel(inputShape));
    }

    @Override
    public String toString() {
        return "MaxPool2d(kernel_size=(" + kernelH + ", " + kernelW + "), " + geometry.describe() + ")";
    }
}
