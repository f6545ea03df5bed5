package mlp;

import java.util.ArrayList;
import java.util.List;

import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;

/**
 * An L-layer MLP with sigmoid hidden layers and a linear output layer, trained on the squared
 * error, with its backward pass written by hand (no autodiff):
 * <pre>
 *   y₀ = x
 *   y_l = σ(A_l·y_{l−1} + b_l)      for l = 1 … L−1      (σ(z) = 1 / (1 + e^−z))
 *   y_L = A_L·y_{L−1} + b_L          (the last layer is linear)
 *   E   = ½·‖y_L − Y‖²
 * </pre>
 * x, Y, b_l and y_l are vectors (1-d tensors); A_l is an (n_l, n_{l−1}) matrix.
 */
public final class ManualMlp {
    private final List<Tensor> weights;
    private final List<Tensor> biases;
    private double[][] ys; // y₀ … y_L of the last forward, as plain arrays
    private double[] target;

    /**
     * Given: {@code weights.get(l − 1)} is A_l and {@code biases.get(l − 1)} is b_l, for l = 1 … L.
     * The tensors are used as they are (not copied) and must never be changed.
     */
    public ManualMlp(List<Tensor> weights, List<Tensor> biases) {
        if (weights.isEmpty() || weights.size() != biases.size()) {
            throw new IllegalArgumentException("ManualMlp: need as many biases as weights (at least one layer), got "
                    + weights.size() + " weights and " + biases.size() + " biases");
        }
        for (int l = 0; l < weights.size(); l++) {
            Tensor a = weights.get(l);
            Tensor b = biases.get(l);
            if (a.dim() != 2 || b.dim() != 1 || b.size(0) != a.size(0)
                    || l > 0 && a.size(1) != weights.get(l - 1).size(0)) {
                throw ShapeMismatchException.of("ManualMlp", "layer " + (l + 1) + ": A_l must be (n_l, n_{l-1})"
                        + " and b_l (n_l), matching the layer before", a.shape(), b.shape());
            }
        }
        this.weights = new ArrayList<>(weights);
        this.biases = new ArrayList<>(biases);
    }

    /** The number of layers L. */
    public int depth() {
        return weights.size();
    }

    /** Loop version: every product written out, one element at a time. */
    public double forward(Tensor x, Tensor target) {
        int depth = depth();
        ys = new double[depth + 1][];
        ys[0] = x.toArray();
        for (int l = 1; l <= depth; l++) {
            Tensor a = weights.get(l - 1);
            Tensor b = biases.get(l - 1);
            int rows = a.size(0);
            int cols = a.size(1);
            double[] y = new double[rows];
            for (int i = 0; i < rows; i++) {
                double z = b.get(i);
                for (int j = 0; j < cols; j++) {
                    z += a.get(i, j) * ys[l - 1][j];
                }
                y[i] = l == depth ? z : 1 / (1 + Math.exp(-z));
            }
            ys[l] = y;
        }
        this.target = target.toArray();
        double e = 0;
        for (int i = 0; i < this.target.length; i++) {
            double d = ys[depth][i] - this.target[i];
            e += d * d;
        }
        return 0.5 * e;
    }

    public List<Tensor> backward() {
        if (ys == null) {
            throw new IllegalStateException("ManualMlp: backward called before forward");
        }
        int depth = depth();
        Tensor[] grads = new Tensor[2 * depth];
        double[] delta = new double[target.length];
        for (int i = 0; i < delta.length; i++) {
            delta[i] = ys[depth][i] - target[i];
        }
        for (int l = depth; l >= 1; l--) {
            Tensor a = weights.get(l - 1);
            int rows = a.size(0);
            int cols = a.size(1);
            Tensor dA = Tensor.zeros(rows, cols);
            Tensor db = Tensor.zeros(rows);
            for (int i = 0; i < rows; i++) {
                db.set(delta[i], i);
                for (int j = 0; j < cols; j++) {
                    dA.set(delta[i] * ys[l - 1][j], i, j);
                }
            }
            grads[2 * (l - 1)] = dA;
            grads[2 * (l - 1) + 1] = db;
            double[] below = new double[cols];
            for (int j = 0; j < cols; j++) {
                double sum = 0;
                for (int i = 0; i < rows; i++) {
                    sum += a.get(i, j) * delta[i];
                }
                double y = ys[l - 1][j];
                below[j] = sum * y * (1 - y);
            }
            delta = below;
        }
        return List.of(grads);
    }
}
