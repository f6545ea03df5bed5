package regularization;

import org.gradlab.core.Rng;

/**
 * An experiment: how the initialization's scale decides whether a deep stack of layers keeps,
 * loses or blows up its signal.
 */
public final class ActivationStatistics {
    /** Rows of the standard-normal input batch. */
    public static final int BATCH = 128;

    private ActivationStatistics() {
    }

    /**
     * Draws x = Tensor.randn(rng, BATCH, width), then for each of {@code depth} layers draws a
     * (width, width) weight W from the same rng — init "xavier": Init.xavierNormal, "kaiming":
     * Init.kaimingNormal, "small": Tensor.randn(rng, width, width).mul(0.01) — and computes
     * x = activation(x·Wᵀ) (no bias; activation "tanh": Math.tanh element-wise, or "relu").
     * Returns, per layer, the std of all BATCH·width activations after it:
     * √(mean((x − mean x)²)), divided by n, not n − 1.
     */
    public static double[] stdPerLayer(int depth, int width, String init, String activation, Rng rng) {
        throw new UnsupportedOperationException("TODO: ActivationStatistics.stdPerLayer — push a randn batch through"
                + " depth initialized layers, return each layer's activation std");
    }
}
