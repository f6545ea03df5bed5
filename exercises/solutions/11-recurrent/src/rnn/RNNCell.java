package rnn;

import java.util.List;

import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/** One step of an Elman RNN, as torch.nn.RNNCell: h' = tanh(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh). */
public final class RNNCell {
    private final RecurrentWeights weights;
    private Tensor x;
    private Tensor h;
    private Tensor hNext;

    public RNNCell(int inputSize, int hiddenSize, Rng rng) {
        this(new RecurrentWeights(inputSize, hiddenSize, 1, rng));
    }

    /** A cell on shared weights: an unrolled RNN uses one per time step, each with its own cache. */
    RNNCell(RecurrentWeights weights) {
        this.weights = weights;
    }

    /** [weight_ih (H, I), weight_hh (H, H), bias_ih (H), bias_hh (H)]. */
    public List<Parameter> parameters() {
        return weights.parameters();
    }

    /** h' (N, H) for x (N, I) and h (N, H). */
    public Tensor forward(Tensor x, Tensor h) {
        this.x = x;
        this.h = h;
        hNext = weights.preActivation(x, h).map(Math::tanh);
        return hNext;
    }

    /** {dL/dx, dL/dh} for dL/dh' (N, H); adds the parameter gradients. tanh' = 1 − h'². */
    public Tensor[] backward(Tensor gradH) {
        if (hNext == null) {
            throw new IllegalStateException("RNNCell: backward called before forward");
        }
        return weights.backward(gradH.mul(hNext.square().rsub(1)), x, h);
    }
}
