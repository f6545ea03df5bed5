package rnn;

import java.util.List;

import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * A single-layer tanh RNN over a sequence, as torch.nn.RNN with batch_first=False: input
 * (T, N, I) → every hidden state (T, N, H). One way: unroll it into one {@code new RNNCell(weights)}
 * per time step — all share this module's weights, each keeps its own cache.
 */
public final class RNN {
    private final RecurrentWeights weights;

    public RNN(int inputSize, int hiddenSize, Rng rng) {
        this.weights = new RecurrentWeights(inputSize, hiddenSize, 1, rng);
    }

    /** [weight_ih (H, I), weight_hh (H, H), bias_ih (H), bias_hh (H)]. */
    public List<Parameter> parameters() {
        return weights.parameters();
    }

    /** All hidden states h_1 … h_T (T, N, H) for input (T, N, I) from h0 (N, H). */
    public Tensor forward(Tensor input, Tensor h0) {
        throw new UnsupportedOperationException("TODO: RNN.forward — one RNN step per time step");
    }

    /**
     * {dL/dinput (T, N, I), dL/dh0 (N, H)} for dL/d(hidden states) (T, N, H): backpropagation
     * through time. h_t feeds both the output at t and step t+1; parameter gradients add up over
     * all steps.
     */
    public Tensor[] backward(Tensor gradOutputs) {
        throw new UnsupportedOperationException("TODO: RNN.backward — backpropagation through time");
    }
}
