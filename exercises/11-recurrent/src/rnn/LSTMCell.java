package rnn;

import java.util.List;

import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * One LSTM step, as torch.nn.LSTMCell. The 4H pre-activation columns hold the gates in
 * PyTorch's order i, f, g, o: i = σ, f = σ, g = tanh, o = σ; then c' = f⊙c + i⊙g and
 * h' = o⊙tanh(c').
 */
public final class LSTMCell {
    private final RecurrentWeights weights;

    public LSTMCell(int inputSize, int hiddenSize, Rng rng) {
        this.weights = new RecurrentWeights(inputSize, hiddenSize, 4, rng);
    }

    /** [weight_ih (4H, I), weight_hh (4H, H), bias_ih (4H), bias_hh (4H)]. */
    public List<Parameter> parameters() {
        return weights.parameters();
    }

    /** {h', c'} (N, H) each for x (N, I) and state h, c (N, H); remember what backward needs. */
    public Tensor[] forward(Tensor x, Tensor h, Tensor c) {
        throw new UnsupportedOperationException("TODO: LSTMCell.forward — gates i, f, g, o; c' and h'");
    }

    /**
     * {dL/dx, dL/dh, dL/dc} for dL/dh' and dL/dc'; adds the parameter gradients. c' reaches the
     * loss directly and through h'.
     */
    public Tensor[] backward(Tensor gradH, Tensor gradC) {
        throw new UnsupportedOperationException("TODO: LSTMCell.backward — through h', c' and the four gates");
    }
}
