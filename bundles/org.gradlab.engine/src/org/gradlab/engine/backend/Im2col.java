package org.gradlab.engine.backend;

import java.util.Arrays;

/**
 * Unfolds the windows of a convolution into a matrix so the convolution becomes one matrix
 * product, and folds such a matrix back. The column matrix has rows (c, i, j) — channel and
 * kernel offset, the weight's own layout — and columns (oh, ow), one per output position.
 * Positions in the zero padding read as 0 and receive nothing.
 */
final class Im2col {
    private Im2col() {
    }

    /**
     * Writes {@code channels} planes of size h×w starting at {@code x[xOff]} as a
     * (channels·kH·kW) × (oh·ow) matrix into {@code cols} (overwriting it).
     */
    static void im2col(double[] x, int xOff, int channels, int h, int w, int kH, int kW, ConvGeometry g,
            int oh, int ow, double[] cols) {
        int row = 0;
        for (int c = 0; c < channels; c++) {
            int plane = xOff + c * h * w;
            for (int i = 0; i < kH; i++) {
                for (int j = 0; j < kW; j++, row++) {
                    int colOff = j * g.dilationW() - g.padW();
                    for (int y = 0; y < oh; y++) {
                        int dst = (row * oh + y) * ow;
                        int hIn = y * g.strideH() - g.padH() + i * g.dilationH();
                        if (hIn < 0 || hIn >= h) {
                            Arrays.fill(cols, dst, dst + ow, 0.0);
                            continue;
                        }
                        int src = plane + hIn * w;
                        for (int xo = 0; xo < ow; xo++) {
                            int wIn = xo * g.strideW() + colOff;
                            cols[dst + xo] = wIn >= 0 && wIn < w ? x[src + wIn] : 0.0;
                        }
                    }
                }
            }
        }
    }

    /** The adjoint of {@link #im2col}: adds each column entry into the input position it was read from. */
    static void col2im(double[] cols, int channels, int h, int w, int kH, int kW, ConvGeometry g,
            int oh, int ow, double[] dx, int dxOff) {
        int row = 0;
        for (int c = 0; c < channels; c++) {
            int plane = dxOff + c * h * w;
            for (int i = 0; i < kH; i++) {
                for (int j = 0; j < kW; j++, row++) {
                    int colOff = j * g.dilationW() - g.padW();
                    for (int y = 0; y < oh; y++) {
                        int hIn = y * g.strideH() - g.padH() + i * g.dilationH();
                        if (hIn < 0 || hIn >= h) {
                            continue;
                        }
                        int src = (row * oh + y) * ow;
                        int dst = plane + hIn * w;
                        for (int xo = 0; xo < ow; xo++) {
                            int wIn = xo * g.strideW() + colOff;
                            if (wIn >= 0 && wIn < w) {
                                dx[dst + wIn] += cols[src + xo];
                            }
                        }
                    }
                }
            }
        }
    }
}
