package org.gradlab.engine.nn;

import org.gradlab.engine.backend.ConvGeometry;

/**
 * The window settings MaxPool2d and AvgPool2d share, validated as torch does: kernel ≥ 1,
 * stride ≥ 1 (absent: the kernel size), padding ≥ 0 and at most half the kernel size, so every
 * window overlaps the real input.
 */
record PoolWindow(String layer, int kernelH, int kernelW, ConvGeometry geometry) {

    static PoolWindow of(String layer, int[] kernel, int[] stride, int[] padding, int[] dilation) {
        int[] k = ConvGeometry.pair(layer, "kernel_size", kernel, 1);
        int[] s = stride == null || stride.length == 0 ? k : stride;
        ConvGeometry g = ConvGeometry.of(layer, s, padding, dilation, 1);
        if (g.padH() > k[0] / 2 || g.padW() > k[1] / 2) {
            throw new IllegalArgumentException(layer + ": padding (" + g.padH() + ", " + g.padW()
                    + ") must be at most half the kernel size (" + k[0] + ", " + k[1] + ")");
        }
        return new PoolWindow(layer, k[0], k[1], g);
    }

    int[] kernelSize() {
        return new int[] {kernelH, kernelW};
    }

    /** (N, C, OH, OW) for an (N, C, H, W) input; errors name the layer. */
    int[] outputShape(int[] inputShape) {
        ConvGeometry.requireRank4(layer, "input", "(N, C, H, W)", inputShape);
        int[] hw = geometry.outputSize(layer, inputShape[2], inputShape[3], kernelH, kernelW);
        return new int[] {inputShape[0], inputShape[1], hw[0], hw[1]};
    }
}
