package mlp;

import java.util.ArrayList;
import java.util.List;

import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * Why deep sigmoid networks were hard to train: with the "standard" initialisation (Glorot &amp;
 * Bengio 2010) the gradient shrinks on its way back to the input, every sigmoid multiplying it by
 * σ' ≤ ¼. Print the norms for depth 10 and see it for yourself.
 */
public final class VanishingGradients {
    private VanishingGradients() {
    }

    /** Given: one network and one sample, as drawn by {@link #standardNetwork}. */
    public record Network(List<Tensor> weights, List<Tensor> biases, Tensor x, Tensor target) {
    }

    /**
     * Given: {@code depth} layers of {@code width} units each (so n₀ = … = n_L = width), drawn from
     * {@code rng} in this order: A₁, …, A_L, each uniform in ±1/√width; then x and Y, standard
     * normal. Biases are zero.
     */
    public static Network standardNetwork(int depth, int width, Rng rng) {
        double bound = 1 / Math.sqrt(width);
        List<Tensor> weights = new ArrayList<>();
        List<Tensor> biases = new ArrayList<>();
        for (int l = 0; l < depth; l++) {
            weights.add(Tensor.uniform(rng, -bound, bound, width, width));
            biases.add(Tensor.zeros(width));
        }
        Tensor x = Tensor.randn(rng, width);
        Tensor target = Tensor.randn(rng, width);
        return new Network(weights, biases, x, target);
    }

    /**
     * One forward and backward pass of {@link ManualMlp} on {@code standardNetwork(depth, width, rng)};
     * returns ‖dE/dA_l‖ (the Frobenius norm: the square root of the sum of squared entries) for
     * l = 1 … L, so element 0 belongs to the layer next to the input and element L − 1 to the output.
     */
    public static double[] gradientNormPerLayer(int depth, int width, Rng rng) {
        Network net = standardNetwork(depth, width, rng);
        ManualMlp mlp = new ManualMlp(net.weights(), net.biases());
        mlp.forward(net.x(), net.target());
        List<Tensor> grads = mlp.backward();
        double[] norms = new double[depth];
        for (int l = 0; l < depth; l++) {
            norms[l] = Math.sqrt(grads.get(2 * l).square().sumAll());
        }
        return norms;
    }
}
