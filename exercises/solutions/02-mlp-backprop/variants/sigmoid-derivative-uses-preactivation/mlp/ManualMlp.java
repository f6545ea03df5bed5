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
    private List<Tensor> outputs; // y₀ … y_L of the last forward
    private List<Tensor> preActivations; // z₁ … z_L
    private Tensor target;

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

    /**
     * Runs the network on x (a vector of n₀) and returns E = ½·‖y_L − Y‖² for the target Y (a vector
     * of n_L); keeps what {@link #backward()} needs. Changes neither x nor Y.
     */
    public double forward(Tensor x, Tensor target) {
        List<Tensor> ys = new ArrayList<>();
        List<Tensor> zs = new ArrayList<>();
        Tensor y = x;
        ys.add(y);
        for (int l = 0; l < depth(); l++) {
            Tensor z = weights.get(l).matmul(y).add(biases.get(l));
            zs.add(z);
            y = l == depth() - 1 ? z : sigmoid(z);
            ys.add(y);
        }
        outputs = ys;
        preActivations = zs;
        this.target = target;
        return 0.5 * y.sub(target).square().sumAll();
    }

    /**
     * The gradient of E of the last forward with respect to every parameter, in the order
     * [dE/dA₁, dE/db₁, dE/dA₂, dE/db₂, …, dE/dA_L, dE/db_L], each shaped like its parameter.
     * <pre>
     *   δ_L = y_L − Y                                   (linear output: dE/dz_L = dE/dy_L)
     *   δ_l = (A_{l+1}ᵀ·δ_{l+1}) ⊙ y_l ⊙ (1 − y_l)      (σ'(z_l) = σ(z_l)(1 − σ(z_l)) = y_l(1 − y_l))
     *   dE/dA_l = δ_l·y_{l−1}ᵀ,   dE/db_l = δ_l
     * </pre>
     */
    public List<Tensor> backward() {
        if (outputs == null) {
            throw new IllegalStateException("ManualMlp: backward called before forward");
        }
        int depth = depth();
        Tensor[] grads = new Tensor[2 * depth];
        Tensor delta = outputs.get(depth).sub(target);
        for (int l = depth; l >= 1; l--) {
            Tensor input = outputs.get(l - 1);
            grads[2 * (l - 1)] = delta.unsqueeze(1).matmul(input.unsqueeze(0)); // outer product δ·yᵀ
            grads[2 * (l - 1) + 1] = delta;
            if (l > 1) {
                Tensor z = preActivations.get(l - 2);
                delta = weights.get(l - 1).t().matmul(delta).mul(z).mul(z.rsub(1)); // σ' = z(1 − z)
            }
        }
        return List.of(grads);
    }

    /** σ(z) = 1 / (1 + e^−z) via e^−|z|, which cannot overflow. */
    private static Tensor sigmoid(Tensor z) {
        Tensor e = z.abs().neg().exp();
        Tensor positive = e.add(1).reciprocal();
        return Tensor.where(z.ge(0), positive, e.mul(positive));
    }
}
