package org.gradlab.engine.nn;

import org.gradlab.core.DType;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * A single-layer LSTM over a sequence, as {@code torch.nn.LSTM(num_layers=1)} with
 * batch_first=False: input (T, N, I) → all hidden states (T, N, H) and the last h and c. It runs an
 * {@link LSTMCell} step per time step and backpropagates through the whole sequence. As a
 * {@link org.gradlab.core.Layer} it starts from a zero state and returns the hidden states.
 */
public final class LSTM extends RecurrentSequence<LSTMCell.Step> {

    /** The hidden states of every step (T, N, H) and the last h and c (shaped like hx / cx, or (1, N, H)). */
    public record Result(Tensor output, Tensor hN, Tensor cN) {
    }

    /** Parameters weight_ih_l0 (4H, I), weight_hh_l0 (4H, H), bias_ih_l0, bias_hh_l0 ~ U(−1/√H, 1/√H). */
    public LSTM(DType dtype, int inputSize, int hiddenSize, Rng rng) {
        super(new LSTMCell("LSTM", dtype, inputSize, hiddenSize, "_l0", rng));
    }

    /** FLOAT64. */
    public LSTM(int inputSize, int hiddenSize, Rng rng) {
        this(DType.FLOAT64, inputSize, hiddenSize, rng);
    }

    /** Runs the sequence from hx, cx ((N, H) or (1, N, H); null means zeros). */
    public Result forward(Tensor input, Tensor hx, Tensor cx) {
        Tensor[] r = run(input, hx, cx);
        return new Result(r[0], r[1], r[2]);
    }

    /**
     * Backpropagation through time: gradOutput (T, N, H) for the hidden states, gradHn / gradCn for
     * the last h and c (null: zeros) → gradients for the input sequence, hx and cx; parameter
     * gradients of all steps are accumulated.
     */
    public LSTMCell.Grads backward(Tensor gradOutput, Tensor gradHn, Tensor gradCn) {
        Tensor[] d = backprop(gradOutput, gradHn, gradCn);
        return new LSTMCell.Grads(d[0], d[1], d[2]);
    }
}
