package org.gradlab.engine.nn;

import org.gradlab.core.AxisView;

import org.gradlab.core.Tensor;
import org.gradlab.core.spi.TensorData;

/**
 * Numerically stable kernels shared by the activation layers and the losses (and free for any
 * other layer, e.g. attention): sigmoid, softplus and (log-)softmax along one axis. The array
 * forms work on row-major data viewed as {@code outer × len × inner} around the reduced axis.
 */
public final class Functional {
    private Functional() {
    }

    /** 1 / (1 + e^−x), evaluated so that exp only ever sees a non-positive argument (no overflow at ±800). */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /** log(1 + e^x) = max(x, 0) + log1p(e^−|x|): finite for any finite x. */
    public static double softplus(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /**
     * Softmax (or log-softmax when {@code log}) of {@code x} along the middle axis of {@code view},
     * written into {@code out}. Subtracting the maximum first keeps every exp argument ≤ 0.
     */
    public static void softmax(double[] x, AxisView view, boolean log, double[] out) {
        int len = view.len();
        int inner = view.inner();
        for (int o = 0; o < view.outer(); o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * len * inner + i;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0, p = base; j < len; j++, p += inner) {
                    max = Math.max(max, x[p]);
                }
                double sum = 0.0;
                for (int j = 0, p = base; j < len; j++, p += inner) {
                    double e = Math.exp(x[p] - max);
                    out[p] = e;
                    sum += e;
                }
                if (log) {
                    // (x − max) − log Σ: the shifted difference is exact, so no rounding at the scale of max.
                    double logSum = Math.log(sum);
                    for (int j = 0, p = base; j < len; j++, p += inner) {
                        out[p] = (x[p] - max) - logSum;
                    }
                } else {
                    double inv = 1.0 / sum;
                    for (int j = 0, p = base; j < len; j++, p += inner) {
                        out[p] *= inv;
                    }
                }
            }
        }
    }

    /**
     * Backward of {@link #softmax} from its output {@code y}: softmax gives y ⊙ (g − Σ g⊙y),
     * log-softmax gives g − e^y ⊙ Σ g (sums along the axis).
     */
    public static void softmaxBackward(double[] y, double[] g, AxisView view, boolean log, double[] gx) {
        int len = view.len();
        int inner = view.inner();
        for (int o = 0; o < view.outer(); o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * len * inner + i;
                double s = 0.0;
                for (int j = 0, p = base; j < len; j++, p += inner) {
                    s += log ? g[p] : g[p] * y[p];
                }
                for (int j = 0, p = base; j < len; j++, p += inner) {
                    gx[p] = log ? g[p] - Math.exp(y[p]) * s : y[p] * (g[p] - s);
                }
            }
        }
    }

    /**
     * Backward of a maximum over windows (MaxPool2d) or channel groups (Maxout): each output's
     * gradient goes to the input element its maximum came from; elements chosen more than once add up.
     */
    static double[] maxBackward(int[] argmax, double[] gradOutput, int inputSize) {
        double[] gx = new double[inputSize];
        for (int o = 0; o < argmax.length; o++) {
            gx[argmax[o]] += gradOutput[o];
        }
        return gx;
    }

    /** Softmax of a tensor along {@code dim}, in the tensor's type. */
    public static Tensor softmax(Tensor x, int dim) {
        return softmax("softmax", x, dim, false);
    }

    /** Log-softmax of a tensor along {@code dim}, in the tensor's type. */
    public static Tensor logSoftmax(Tensor x, int dim) {
        return softmax("log_softmax", x, dim, true);
    }

    static Tensor softmax(String op, Tensor x, int dim, boolean log) {
        AxisView view = AxisView.of(op, x.shape(), dim);
        double[] out = new double[x.numel()];
        softmax(TensorData.read(x), view, log, out);
        return TensorData.wrap(x.dtype(), x.shape(), out);
    }
}
