package regularization;

import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * An experiment: how the initialization's scale decides whether a deep stack of layers keeps,
 * loses or blows up its signal.
 */
public final class ActivationStatistics {
    /** Rows of the standard-normal input batch. */
    public static final int BATCH = 128;

    private ActivationStatistics() {
    }

    /** The std of the activations after each of depth bias-free layers x ← activation(x·Wᵀ). */
    public static double[] stdPerLayer(int depth, int width, String init, String activation, Rng rng) {
        Tensor x = Tensor.randn(rng, BATCH, width);
        double[] stds = new double[depth];
        for (int l = 0; l < depth; l++) {
            x = activate(x.matmul(weight(init, width, rng).t()), activation);
            double mean = x.meanAll();
            stds[l] = Math.sqrt(x.sub(mean).square().meanAll());
        }
        return stds;
    }

    private static Tensor weight(String init, int width, Rng rng) {
        Tensor w = Tensor.zeros(width, width);
        switch (init) {
            case "xavier" -> Init.xavierNormal(w, rng);
            case "kaiming" -> Init.kaimingNormal(w, rng);
            case "small" -> w = Tensor.randn(rng, width, width).mul(0.01);
            default -> throw new IllegalArgumentException("unknown init " + init + " (xavier, kaiming or small)");
        }
        return w;
    }

    private static Tensor activate(Tensor x, String activation) {
        return switch (activation) {
            case "relu" -> x.maximum(0.0);
            case "tanh" -> tanh(x);
            default -> throw new IllegalArgumentException("unknown activation " + activation + " (tanh or relu)");
        };
    }

    /** Math.tanh element-wise: exact near 0, where tiny activations of a collapsed stack live. */
    private static Tensor tanh(Tensor x) {
        double[] v = x.toArray();
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.tanh(v[i]);
        }
        return Tensor.of(v, x.shape());
    }
}
