package conv;

import org.gradlab.core.Tensor;

/**
 * A kH×kW window sliding over (N, C, H, W) planes with stride, zero padding and dilation, and the
 * im2col / col2im pair built on it. With every window laid out as a column, a convolution is a
 * matrix product; col2im is im2col's adjoint, so it is also how gradients flow back to the pixels.
 */
final class Patches {
    private final int kh;
    private final int kw;
    private final int sh;
    private final int sw;
    private final int ph;
    private final int pw;
    private final int dh;
    private final int dw;

    /** Every setting is an (h, w) pair. */
    Patches(int[] kernel, int[] stride, int[] padding, int[] dilation) {
        kh = kernel[0];
        kw = kernel[1];
        sh = stride[0];
        sw = stride[1];
        ph = padding[0];
        pw = padding[1];
        dh = dilation[0];
        dw = dilation[1];
    }

    /** (OH, OW): how many window positions fit in the padded input; a window never hangs past it. */
    int[] outputSize(int h, int w) {
        return new int[] {(h + 2 * ph - dh * (kh - 1) - 1) / sh + 1, (w + 2 * pw - dw * (kw - 1) - 1) / sw + 1};
    }

    /**
     * (N, C, H, W) → (N, C·kH·kW, OH·OW): column (oy, ox) holds the window at that output position,
     * channel-major, so the rows of one channel group are contiguous. Padding reads as 0.
     */
    Tensor im2col(Tensor image, int oh, int ow) {
        int[] s = image.shape();
        double[] cols = new double[s[0] * s[1] * kh * kw * oh * ow];
        transfer(image.toArray(), s, cols, oh, ow, true);
        return Tensor.of(cols, s[0], s[1] * kh * kw, oh * ow);
    }

    /**
     * The adjoint of {@link #im2col}: adds every column entry onto the pixel of {@code shape} it was
     * read from (overlapping windows add up; entries that fell on padding are dropped).
     */
    Tensor col2im(Tensor cols, int[] shape, int oh, int ow) {
        double[] image = new double[shape[0] * shape[1] * shape[2] * shape[3]];
        transfer(image, shape, cols.toArray(), oh, ow, false);
        return Tensor.of(image, shape);
    }

    /** One walk over (n, c, i, j, oy, ox) — the column layout — copying pixels to columns or adding back. */
    private void transfer(double[] image, int[] shape, double[] cols, int oh, int ow, boolean toColumns) {
        int h = shape[2];
        int w = shape[3];
        int col = 0;
        for (int plane = 0; plane < shape[0] * shape[1]; plane++) {
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    for (int oy = 0; oy < oh; oy++) {
                        int y = oy * sh - ph + i * dh;
                        for (int ox = 0; ox < ow; ox++, col++) {
                            int x = ox * sw - pw + j * dw;
                            if (y < 0 || y >= h || x < 0 || x >= w) {
                                continue; // zero padding
                            }
                            int pixel = (plane * h + y) * w + x;
                            if (toColumns) {
                                cols[col] = image[pixel];
                            } else {
                                image[pixel] += cols[col];
                            }
                        }
                    }
                }
            }
        }
    }
}
