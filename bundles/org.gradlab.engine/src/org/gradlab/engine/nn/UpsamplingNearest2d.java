package org.gradlab.engine.nn;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;
import org.gradlab.core.spi.TensorData;
import org.gradlab.engine.backend.ConvGeometry;

/**
 * Nearest-neighbour upsampling by integer factors: each input pixel becomes a scaleH×scaleW block,
 * (N, C, H, W) → (N, C, H·scaleH, W·scaleW). Backward sums the gradient over each block, since
 * every output in the block is a copy of the same input.
 */
public final class UpsamplingNearest2d implements Layer {
    private final int scaleH;
    private final int scaleW;
    private int[] inputShape;
    private int[] outputShape;

    public UpsamplingNearest2d(int scaleH, int scaleW) {
        if (scaleH < 1 || scaleW < 1) {
            throw new IllegalArgumentException("UpsamplingNearest2d: scale factors must be positive integers, got ("
                    + scaleH + ", " + scaleW + ")");
        }
        this.scaleH = scaleH;
        this.scaleW = scaleW;
    }

    /** The same factor for both axes. */
    public UpsamplingNearest2d(int scale) {
        this(scale, scale);
    }

    /** (scaleH, scaleW). */
    public int[] scaleFactor() {
        return new int[] {scaleH, scaleW};
    }

    @Override
    public Tensor forward(Tensor input) {
        int[] s = input.shape();
        ConvGeometry.requireRank4("UpsamplingNearest2d", "input", "(N, C, H, W)", s);
        int h = s[2];
        int w = s[3];
        int ow = w * scaleW;
        int[] outShape = {s[0], s[1], h * scaleH, ow};
        double[] x = TensorData.read(input);
        double[] out = new double[x.length * scaleH * scaleW];
        for (int plane = 0; plane < s[0] * s[1]; plane++) {
            for (int y = 0; y < h; y++) {
                int src = (plane * h + y) * w;
                int row = (plane * h + y) * scaleH * ow; // first output row of this input row
                for (int xi = 0; xi < w; xi++) {
                    double v = x[src + xi];
                    for (int b = 0; b < scaleW; b++) {
                        out[row + xi * scaleW + b] = v;
                    }
                }
                for (int a = 1; a < scaleH; a++) {
                    System.arraycopy(out, row, out, row + a * ow, ow);
                }
            }
        }
        inputShape = s;
        outputShape = outShape;
        return TensorData.wrap(input.dtype(), outShape, out);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        LayerChecks.forwardDone("UpsamplingNearest2d", inputShape);
        LayerChecks.gradShape("UpsamplingNearest2d", gradOutput, outputShape);
        int h = inputShape[2];
        int w = inputShape[3];
        int ow = w * scaleW;
        double[] gy = TensorData.read(gradOutput);
        double[] dx = new double[gy.length / (scaleH * scaleW)];
        for (int plane = 0; plane < inputShape[0] * inputShape[1]; plane++) {
            for (int y = 0; y < h; y++) {
                int dst = (plane * h + y) * w;
                for (int a = 0; a < scaleH; a++) {
                    int row = ((plane * h + y) * scaleH + a) * ow;
                    for (int xi = 0; xi < w; xi++) {
                        double sum = 0.0;
                        for (int b = 0; b < scaleW; b++) {
                            sum += gy[row + xi * scaleW + b];
                        }
                        dx[dst + xi] += sum;
                    }
                }
            }
        }
        return TensorData.wrap(gradOutput.dtype(), inputShape, dx);
    }

    @Override
    public String toString() {
        return "UpsamplingNearest2d(scale_factor=(" + scaleH + ", " + scaleW + "))";
    }
}
