package org.gradlab.engine.nn;

import org.gradlab.core.DType;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * A single-layer tanh RNN over a sequence, as {@code torch.nn.RNN(num_layers=1)} with
 * batch_first=False: input (T, N, I) → all hidden states (T, N, H) and the last one. It runs an
 * {@link RNNCell} step per time step and backpropagates through the whole sequence. As a
 * {@link org.gradlab.core.Layer} it starts from a zero state and returns the hidden states.
 */
public final class RNN extends RecurrentSequence<RNNCell.Step> {

    /** The hidden states of every step (T, N, H) and the last one (shaped like hx, or (1, N, H)). */
    public record Result(Tensor output, Tensor hN) {
    }

    /** Parameters weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0 ~ U(−1/√H, 1/√H), as PyTorch. */
    public RNN(DType dtype, int inputSize, int hiddenSize, Rng rng) {
        super(new RNNCell("RNN", dtype, inputSize, hiddenSize, "_l0", rng));
    }

    /** FLOAT64. */
    public RNN(int inputSize, int hiddenSize, Rng rng) {
        this(DType.FLOAT64, inputSize, hiddenSize, rng);
    }

    /** Runs the sequence from hx ((N, H) or (1, N, H); null means zeros). */
    public Result forward(Tensor input, Tensor hx) {
        Tensor[] r = run(input, hx);
        return new Result(r[0], r[1]);
    }

    /**
     * Backpropagation through time: gradOutput (T, N, H) for the hidden states and gradHn for the
     * last one (null: zeros) → gradients for the input sequence and hx; parameter gradients of all
     * steps are accumulated.
     */
    public RNNCell.Grads backward(Tensor gradOutput, Tensor gradHn) {
        Tensor[] d = backprop(gradOutput, gradHn);
        return new RNNCell.Grads(d[0], d[1]);
    }
}
