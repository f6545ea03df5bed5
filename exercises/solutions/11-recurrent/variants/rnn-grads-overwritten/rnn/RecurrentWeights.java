package rnn;

import java.util.Arrays;
import java.util.List;

import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;

/**
 * The four parameters every recurrent cell has — weight_ih (G·H, I), weight_hh (G·H, H),
 * bias_ih and bias_hh (G·H) for G gates (1 for the RNN, 4 for the LSTM) — and the affine
 * pre-activation x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh both cells start from, with its backward.
 */
final class RecurrentWeights {
    final int inputSize;
    final int hiddenSize;
    final Parameter weightIh;
    final Parameter weightHh;
    final Parameter biasIh;
    final Parameter biasHh;

    /** PyTorch's initialization: every parameter U(−1/√H, 1/√H). */
    RecurrentWeights(int inputSize, int hiddenSize, int gates, Rng rng) {
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        double k = 1 / Math.sqrt(hiddenSize);
        int rows = gates * hiddenSize;
        weightIh = new Parameter("weight_ih", Tensor.uniform(rng, -k, k, rows, inputSize));
        weightHh = new Parameter("weight_hh", Tensor.uniform(rng, -k, k, rows, hiddenSize));
        biasIh = new Parameter("bias_ih", Tensor.uniform(rng, -k, k, rows));
        biasHh = new Parameter("bias_hh", Tensor.uniform(rng, -k, k, rows));
    }

    List<Parameter> parameters() {
        return List.of(weightIh, weightHh, biasIh, biasHh);
    }

    /** x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh: (N, G·H) for x (N, I) and h (N, H). */
    Tensor preActivation(Tensor x, Tensor h) {
        if (x.dim() != 2 || x.size(1) != inputSize || h.dim() != 2 || h.size(0) != x.size(0)
                || h.size(1) != hiddenSize) {
            throw new ShapeMismatchException("recurrent cell: expected x (N, " + inputSize + ") and h (N, "
                    + hiddenSize + "), got " + Arrays.toString(x.shape()) + " and " + Arrays.toString(h.shape()));
        }
        return x.matmul(weightIh.value().t()).add(biasIh.value()).add(h.matmul(weightHh.value().t()))
                .add(biasHh.value());
    }

    /**
     * Backward of {@link #preActivation} for dPre (N, G·H): adds dW_ih = dPreᵀ·x, dW_hh = dPreᵀ·h
     * and db_ih = db_hh = Σ_rows dPre to the gradients; returns {dx, dh}.
     */
    Tensor[] backward(Tensor dPre, Tensor x, Tensor h) {
        // assigns instead of adding: every step overwrites the previous one's gradients
        weightIh.grad().copyFrom(dPre.t().matmul(x));
        weightHh.grad().copyFrom(dPre.t().matmul(h));
        Tensor db = dPre.sum(0, false);
        biasIh.grad().copyFrom(db);
        biasHh.grad().copyFrom(db);
        return new Tensor[] {dPre.matmul(weightIh.value()), dPre.matmul(weightHh.value())};
    }
}
