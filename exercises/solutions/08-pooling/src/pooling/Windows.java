package pooling;

import org.gradlab.core.Tensor;

/**
 * A kH×kW pooling window sliding over (N, C, H, W) planes with stride and padding, and the
 * gather / scatter pair built on it: gather lays every window out along a last axis, so pooling
 * is a reduction over that axis; scatter is gather's adjoint, so it is how gradients flow back.
 */
final class Windows {
    private final int kh;
    private final int kw;
    private final int sh;
    private final int sw;
    private final int ph;
    private final int pw;

    /** Every setting is an (h, w) pair. */
    Windows(int[] kernel, int[] stride, int[] padding) {
        kh = kernel[0];
        kw = kernel[1];
        sh = stride[0];
        sw = stride[1];
        ph = padding[0];
        pw = padding[1];
    }

    /** kH·kW. */
    int size() {
        return kh * kw;
    }

    /** (N, C, H, W) → (N, C, OH, OW, kH·kW): each window in row-major order; padding reads {@code padValue}. */
    Tensor gather(Tensor x, double padValue) {
        int[] s = x.shape();
        int[] out = outputShape(s);
        double[] windows = new double[out[0] * out[1] * out[2] * out[3] * kh * kw];
        java.util.Arrays.fill(windows, padValue);
        transfer(x.toArray(), s, windows, true);
        return Tensor.of(windows, out[0], out[1], out[2], out[3], kh * kw);
    }

    /**
     * The adjoint of {@link #gather}: adds every window entry onto the input position it was read
     * from (overlapping windows add up; entries on the padding are dropped).
     */
    Tensor scatter(Tensor windowGrads, int[] inputShape) {
        double[] dx = new double[inputShape[0] * inputShape[1] * inputShape[2] * inputShape[3]];
        transfer(dx, inputShape, windowGrads.toArray(), false);
        return Tensor.of(dx, inputShape);
    }

    /** (N, C, OH, OW) with OH = ⌊(H + 2·padH − kH) / strideH⌋ + 1: no window hangs past the padded input. */
    int[] outputShape(int[] s) {
        return new int[] {s[0], s[1], (s[2] + 2 * ph - kh) / sh + 1, (s[3] + 2 * pw - kw) / sw + 1};
    }

    /** One walk over (plane, oy, ox, i, j) — the window layout — copying pixels out or adding back. */
    private void transfer(double[] image, int[] shape, double[] windows, boolean toWindows) {
        int[] out = outputShape(shape);
        int h = shape[2];
        int w = shape[3];
        int entry = 0;
        for (int plane = 0; plane < shape[0] * shape[1]; plane++) {
            for (int oy = 0; oy < out[2]; oy++) {
                for (int ox = 0; ox < out[3]; ox++) {
                    for (int i = 0; i < kh; i++) {
                        int y = oy * sh - ph + i;
                        for (int j = 0; j < kw; j++, entry++) {
                            int x = ox * sw - pw + j;
                            if (y < 0 || y >= h || x < 0 || x >= w) {
                                continue; // padding
                            }
                            int pixel = (plane * h + y) * w + x;
                            if (toWindows) {
                                windows[entry] = image[pixel];
                            } else {
                                image[pixel] += windows[entry];
                            }
                        }
                    }
                }
            }
        }
    }
}
