package org.gradlab.engine.nn;

import org.gradlab.core.DType;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * One step of an Elman RNN, h' = tanh(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh), as {@code torch.nn.RNNCell}.
 * It takes two inputs, so instead of {@link org.gradlab.core.Layer} it has
 * {@link #forward(Tensor, Tensor)} and a {@link #backward} that returns the gradients for both
 * input and hidden state (parameter gradients are accumulated as usual).
 */
public final class RNNCell extends RecurrentCell<RNNCell.Step> {

    /** The gradients of one backward pass: dL/dinput and dL/dhx. */
    public record Grads(Tensor input, Tensor hx) {
    }

    /** What one step keeps for its backward pass. */
    record Step(double[] x, double[] h, double[] hNext, int n) implements RecurrentCell.Step {
        @Override
        public double[][] next() {
            return new double[][] {hNext};
        }
    }

    /** PyTorch's init: every parameter U(−1/√H, 1/√H). */
    public RNNCell(DType dtype, int inputSize, int hiddenSize, Rng rng) {
        this("RNNCell", dtype, inputSize, hiddenSize, "", rng);
    }

    /** FLOAT64. */
    public RNNCell(int inputSize, int hiddenSize, Rng rng) {
        this(DType.FLOAT64, inputSize, hiddenSize, rng);
    }

    /** For sequence modules, which name the layer and suffix the parameters ("_l0") as PyTorch does. */
    RNNCell(String name, DType dtype, int inputSize, int hiddenSize, String suffix, Rng rng) {
        super(name, dtype, inputSize, hiddenSize, 1, suffix, rng, "hx");
    }

    /** h' for input (N, I) and hidden state hx (N, H); a null hx means zeros. */
    public Tensor forward(Tensor input, Tensor hx) {
        return forwardStep(input, hx)[0];
    }

    /** Gradients for input and hx given dL/dh' (N, H); adds the parameter gradients. */
    public Grads backward(Tensor gradH) {
        Tensor[] d = backwardStep(gradH);
        return new Grads(d[0], d[1]);
    }

    @Override
    Step step(RecurrentWeights.Values v, double[] x, double[][] state, int n) {
        double[] h = state[0];
        double[] a = weights.preActivation(v, x, h, n);
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.tanh(a[i]);
        }
        return new Step(x, h, a, n);
    }

    /** Returns {dx, dh}; tanh' = 1 − h'². */
    @Override
    double[][] backStep(RecurrentWeights.Values v, Step s, double[][] dNext, RecurrentWeights.Grads acc) {
        double[] dhNext = dNext[0];
        double[] hn = s.hNext();
        double[] dPre = new double[hn.length];
        for (int i = 0; i < hn.length; i++) {
            dPre[i] = dhNext[i] * (1.0 - hn[i] * hn[i]);
        }
        return acc.backward(v, dPre, s.x(), s.h(), s.n());
    }
}
