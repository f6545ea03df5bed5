package org.gradlab.engine.nn;

import org.gradlab.core.DType;
import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;
import org.gradlab.core.spi.TensorData;

/**
 * Maxout (Goodfellow et al. 2013): input (N, C·k, …) → output (N, C, …), the maximum over each
 * group of k consecutive channels. The gradient flows only to the (first) maximum of each group.
 */
public final class Maxout implements Layer {
    private final int pieces;
    private int[] inputShape;
    private int[] outputShape;
    private int[] argmax; // flat input index chosen for each output element
    private DType dtype;

    public Maxout(int pieces) {
        if (pieces < 1) {
            throw new IllegalArgumentException("Maxout: pieces must be at least 1, got " + pieces);
        }
        this.pieces = pieces;
    }

    public int pieces() {
        return pieces;
    }

    @Override
    public Tensor forward(Tensor input) {
        int[] shape = input.shape();
        if (shape.length < 2) {
            throw LayerChecks.badInput("Maxout", "at least 2 dimensions (N, C·k, ...)", shape);
        }
        if (shape[1] % pieces != 0) {
            throw LayerChecks.badInput("Maxout", "a channel count (axis 1) divisible by pieces = " + pieces, shape);
        }
        int n = shape[0];
        int channels = shape[1] / pieces;
        int rest = 1;
        for (int d = 2; d < shape.length; d++) {
            rest *= shape[d];
        }
        double[] x = TensorData.read(input);
        double[] y = new double[n * channels * rest];
        int[] arg = new int[y.length];
        for (int b = 0; b < n; b++) {
            for (int c = 0; c < channels; c++) {
                int in0 = (b * shape[1] + c * pieces) * rest;
                int out0 = (b * channels + c) * rest;
                for (int r = 0; r < rest; r++) {
                    int best = in0 + r;
                    for (int j = 1, p = best + rest; j < pieces; j++, p += rest) {
                        if (x[p] > x[best] || Double.isNaN(x[p])) { // NaN wins, as max does in PyTorch
                            best = p;
                        }
                    }
                    y[out0 + r] = x[best];
                    arg[out0 + r] = best;
                }
            }
        }
        int[] outShape = shape.clone();
        outShape[1] = channels;
        inputShape = shape;
        outputShape = outShape;
        argmax = arg;
        dtype = input.dtype();
        return TensorData.wrap(input.dtype(), outShape, y);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        LayerChecks.forwardDone("Maxout", argmax);
        LayerChecks.gradShape("Maxout", gradOutput, outputShape);
        double[] gx = Functional.maxBackward(argmax, TensorData.read(gradOutput), argmax.length * pieces);
        return TensorData.wrap(dtype, inputShape, gx);
    }

    @Override
    public String toString() {
        return "Maxout(pieces=" + pieces + ")";
    }
}
