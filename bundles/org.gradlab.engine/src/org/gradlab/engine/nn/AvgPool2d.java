package org.gradlab.engine.nn;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;
import org.gradlab.core.spi.TensorData;
import org.gradlab.engine.backend.ConvGeometry;

/**
 * The mean of each kH×kW window of every (N, C) plane, output size rounded down (ceil_mode false).
 * The divisor follows PyTorch: with {@code countIncludePad} the window's size clipped to the padded
 * input (so zero padding counts as values), otherwise the number of real input elements in it.
 */
public final class AvgPool2d implements Layer {
    private final PoolWindow window;
    private final boolean countIncludePad;
    private int[] inputShape;
    private int[] outputShape;

    /** Square window, no padding, padding counted (PyTorch's defaults). */
    public AvgPool2d(int kernel, int stride) {
        this(new int[] {kernel}, new int[] {stride}, new int[] {0}, true);
    }

    /** Stride = kernel (non-overlapping windows). */
    public AvgPool2d(int kernel) {
        this(kernel, kernel);
    }

    /** Each setting is one value or an (h, w) pair; a null or empty stride means the kernel size. */
    public AvgPool2d(int[] kernel, int[] stride, int[] padding, boolean countIncludePad) {
        this.window = PoolWindow.of("AvgPool2d", kernel, stride, padding, new int[] {1});
        this.countIncludePad = countIncludePad;
    }

    public int[] kernelSize() {
        return window.kernelSize();
    }

    public int[] stride() {
        return window.geometry().stride();
    }

    public int[] padding() {
        return window.geometry().padding();
    }

    /** Always (1, 1): average pooling has no dilation (kept for tools that read every pooling layer alike). */
    public int[] dilation() {
        return window.geometry().dilation();
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

    /** Walks every (output, window) pair: forward gathers means, backward scatters grad/divisor. */
    private void pool(int[] s, int[] outShape, double[] src, double[] dst, boolean forward) {
        ConvGeometry g = window.geometry();
        int h = s[2];
        int w = s[3];
        int oh = outShape[2];
        int ow = outShape[3];
        int[][] rows = axisWindows(oh, h, window.kernelH(), g.strideH(), g.padH());
        int[][] cols = axisWindows(ow, w, window.kernelW(), g.strideW(), g.padW());
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
    public Tensor forward(Tensor input) {
        int[] s = input.shape();
        int[] outShape = window.outputShape(s);
        double[] out = new double[outShape[0] * outShape[1] * outShape[2] * outShape[3]];
        pool(s, outShape, TensorData.read(input), out, true);
        inputShape = s;
        outputShape = outShape;
        return TensorData.wrap(input.dtype(), outShape, out);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        LayerChecks.forwardDone("AvgPool2d", inputShape);
        LayerChecks.gradShape("AvgPool2d", gradOutput, outputShape);
        double[] dx = new double[inputShape[0] * inputShape[1] * inputShape[2] * inputShape[3]];
        pool(inputShape, outputShape, TensorData.read(gradOutput), dx, false);
        return TensorData.wrap(gradOutput.dtype(), inputShape, dx);
    }

    @Override
    public String toString() {
        return "AvgPool2d(kernel_size=(" + window.kernelH() + ", " + window.kernelW() + "), stride=("
                + window.geometry().strideH() + ", " + window.geometry().strideW() + "), padding=("
                + window.geometry().padH() + ", " + window.geometry().padW() + "), count_include_pad="
                + countIncludePad + ")";
    }
}
