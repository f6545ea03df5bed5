package org.gradlab.engine.nn;

import org.gradlab.core.DType;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * One LSTM step, as {@code torch.nn.LSTMCell}. The 4H rows of the weights hold the gates in
 * PyTorch's order i, f, g, o: i = σ(·), f = σ(·), g = tanh(·), o = σ(·) of
 * x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh, then c' = f⊙c + i⊙g and h' = o⊙tanh(c').
 * Multi-input, so it has its own {@link #forward(Tensor, Tensor, Tensor)} and {@link #backward}.
 */
public final class LSTMCell extends RecurrentCell<LSTMCell.Step> {

    /** The new hidden and cell state, each (N, H). */
    public record State(Tensor h, Tensor c) {
    }

    /** The gradients of one backward pass: dL/dinput, dL/dhx and dL/dcx. */
    public record Grads(Tensor input, Tensor hx, Tensor cx) {
    }

    /** What one step keeps: gate activations (N, 4H) in the order i, f, g, o, and tanh(c'). */
    record Step(double[] x, double[] h, double[] c, double[] gates, double[] cNext, double[] tanhC, double[] hNext,
            int n) implements RecurrentCell.Step {
        @Override
        public double[][] next() {
            return new double[][] {hNext, cNext};
        }
    }

    /** PyTorch's init: every parameter U(−1/√H, 1/√H). */
    public LSTMCell(DType dtype, int inputSize, int hiddenSize, Rng rng) {
        this("LSTMCell", dtype, inputSize, hiddenSize, "", rng);
    }

    /** FLOAT64. */
    public LSTMCell(int inputSize, int hiddenSize, Rng rng) {
        this(DType.FLOAT64, inputSize, hiddenSize, rng);
    }

    /** For sequence modules, which name the layer and suffix the parameters ("_l0") as PyTorch does. */
    LSTMCell(String name, DType dtype, int inputSize, int hiddenSize, String suffix, Rng rng) {
        super(name, dtype, inputSize, hiddenSize, 4, suffix, rng, "hx", "cx");
    }

    /** (h', c') for input (N, I) and state hx, cx (N, H); a null state means zeros. */
    public State forward(Tensor input, Tensor hx, Tensor cx) {
        Tensor[] s = forwardStep(input, hx, cx);
        return new State(s[0], s[1]);
    }

    /** Gradients for input, hx and cx given dL/dh' and dL/dc' (either may be null: zeros). */
    public Grads backward(Tensor gradH, Tensor gradC) {
        Tensor[] d = backwardStep(gradH, gradC);
        return new Grads(d[0], d[1], d[2]);
    }

    @Override
    Step step(RecurrentWeights.Values v, double[] x, double[][] state, int n) {
        int hs = weights.hiddenSize;
        double[] h = state[0];
        double[] c = state[1];
        double[] a = weights.preActivation(v, x, h, n);
        double[] cNext = new double[n * hs];
        double[] tanhC = new double[n * hs];
        double[] hNext = new double[n * hs];
        for (int r = 0; r < n; r++) {
            int g0 = r * 4 * hs;
            for (int j = 0; j < hs; j++) {
                double i = Functional.sigmoid(a[g0 + j]);
                double f = Functional.sigmoid(a[g0 + hs + j]);
                double g = Math.tanh(a[g0 + 2 * hs + j]);
                double o = Functional.sigmoid(a[g0 + 3 * hs + j]);
                a[g0 + j] = i;
                a[g0 + hs + j] = f;
                a[g0 + 2 * hs + j] = g;
                a[g0 + 3 * hs + j] = o;
                int k = r * hs + j;
                cNext[k] = f * c[k] + i * g;
                tanhC[k] = Math.tanh(cNext[k]);
                hNext[k] = o * tanhC[k];
            }
        }
        return new Step(x, h, c, a, cNext, tanhC, hNext, n);
    }

    /** Returns {dx, dh, dc} for dL/dh' and dL/dc' of one step. */
    @Override
    double[][] backStep(RecurrentWeights.Values v, Step s, double[][] dNext, RecurrentWeights.Grads acc) {
        double[] dhNext = dNext[0];
        double[] dcNext = dNext[1];
        int hs = weights.hiddenSize;
        int n = s.n();
        double[] a = s.gates();
        double[] dPre = new double[a.length];
        double[] dc = new double[n * hs];
        for (int r = 0; r < n; r++) {
            int g0 = r * 4 * hs;
            for (int j = 0; j < hs; j++) {
                int k = r * hs + j;
                double i = a[g0 + j];
                double f = a[g0 + hs + j];
                double g = a[g0 + 2 * hs + j];
                double o = a[g0 + 3 * hs + j];
                double tc = s.tanhC()[k];
                // c' reaches the loss directly (dcNext) and through h' = o·tanh(c').
                double dcTotal = dcNext[k] + dhNext[k] * o * (1.0 - tc * tc);
                dPre[g0 + j] = dcTotal * g * i * (1.0 - i);
                dPre[g0 + hs + j] = dcTotal * s.c()[k] * f * (1.0 - f);
                dPre[g0 + 2 * hs + j] = dcTotal * i * (1.0 - g * g);
                dPre[g0 + 3 * hs + j] = dhNext[k] * tc * o * (1.0 - o);
                dc[k] = dcTotal * f;
            }
        }
        double[][] dxh = acc.backward(v, dPre, s.x(), s.h(), n);
        return new double[][] {dxh[0], dxh[1], dc};
    }
}
