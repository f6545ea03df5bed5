package org.gradlab.engine.nn;

import org.gradlab.core.Shapes;

/**
 * The mean of each kH×kW window of every (N, C) plane, output size rounded down (ceil_mode false).
 * The divisor follows PyTorch: with {@code countIncludePad} the window's size clipped to the padded
 * input (so zero padding counts as values), otherwise the number of real input elements in it.
 */
public final class AvgPool2d extends Pool2d {
    private final boolean countIncludePad;

    /** Square window, no padding, padding counted (PyTorch's defaults). */
    public AvgPool2d(int kernel, int stride) {
        this(new int[] {kernel}, new int[] {stride}, new int[] {0}, true);
    }

    /** Stride = kernel (non-overlapping windows). */
    public AvgPool2d(int kernel) {
        this(kernel, kernel);
    }

    /**
     * Each setting is one value or an (h, w) pair; a null or empty stride means the kernel size.
     * There is no dilation: {@link #dilation()} is always (1, 1), kept for tools that read every
     * pooling layer alike.
     */
    public AvgPool2d(int[] kernel, int[] stride, int[] padding, boolean countIncludePad) {
        super("AvgPool2d", kernel, stride, padding, new int[] {1});
        this.countIncludePad = countIncludePad;
    }

    public boolean countIncludePad() {
        return countIncludePad;
    }

    /**
     * Per output row (or column): {start, end} of the window clipped to the real input and its
     * length clipped only to the padded input — the two candidate divisor factors.
     */
    private static int[][] axisWindows(int outSize, int inSize, int kernel, int stride, int pad) {
        int[][] win = new int[3][outSize];
        for (int o = 0; o < outSize; o++) {
            int start = o * stride - pad;
            int end = Math.min(start + kernel, inSize + pad);
            win[2][o] = end - start;
            win[0][o] = Math.max(start, 0);
            win[1][o] = Math.min(end, inSize);
        }
        return win;
    }

    @Override
    double[] poolForward(int[] inputShape, int[] outputShape, double[] x) {
        double[] out = new double[Shapes.numel(outputShape)];
        pool(inputShape, outputShape, x, out, true);
        return out;
    }

    @Override
    double[] poolBackward(int[] inputShape, int[] outputShape, double[] gradOutput) {
        double[] dx = new double[Shapes.numel(inputShape)];
        pool(inputShape, outputShape, gradOutput, dx, false);
        return dx;
    }

    /** Walks every (output, window) pair: forward gathers means, backward scatters grad/divisor. */
    private void pool(int[] s, int[] outShape, double[] src, double[] dst, boolean forward) {
        int h = s[2];
        int w = s[3];
        int oh = outShape[2];
        int ow = outShape[3];
        int[][] rows = axisWindows(oh, h, kernelH, geometry.strideH(), geometry.padH());
        int[][] cols = axisWindows(ow, w, kernelW, geometry.strideW(), geometry.padW());
        int o = 0;
        for (int plane = 0; plane < s[0] * s[1]; plane++) {
            int base = plane * h * w;
            for (int y = 0; y < oh; y++) {
                int h0 = rows[0][y];
                int h1 = rows[1][y];
                for (int xo = 0; xo < ow; xo++, o++) {
                    int w0 = cols[0][xo];
                    int w1 = cols[1][xo];
                    int divisor = countIncludePad ? rows[2][y] * cols[2][xo] : (h1 - h0) * (w1 - w0);
                    if (forward) {
                        double sum = 0.0;
                        for (int i = h0; i < h1; i++) {
                            for (int j = w0; j < w1; j++) {
                                sum += src[base + i * w + j];
                            }
                        }
                        dst[o] = sum / divisor;
                    } else {
                        double share = src[o] / divisor;
                        for (int i = h0; i < h1; i++) {
                            for (int j = w0; j < w1; j++) {
                                dst[base + i * w + j] += share;
                            }
                        }
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return "AvgPool2d(kernel_size=(" + kernelH + ", " + kernelW + "), stride=(" + geometry.strideH() + ", "
                + geometry.strideW() + "), padding=(" + geometry.padH() + ", " + geometry.padW()
                + "), count_include_pad=" + countIncludePad + ")";
    }
}
