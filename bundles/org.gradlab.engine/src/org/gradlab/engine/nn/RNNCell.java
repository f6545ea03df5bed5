package org.gradlab.engine.nn;

import java.util.List;

import org.gradlab.core.DType;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.core.spi.TensorData;

/**
 * One step of an Elman RNN, h' = tanh(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh), as {@code torch.nn.RNNCell}.
 * It takes two inputs, so instead of {@link org.gradlab.core.Layer} it has
 * {@link #forward(Tensor, Tensor)} and a {@link #backward} that returns the gradients for both
 * input and hidden state (parameter gradients are accumulated as usual).
 */
public final class RNNCell {
    private final String name;
    private final RecurrentWeights weights;
    private RecurrentWeights.Values values;
    private Step last;
    private DType inputType;

    /** The gradients of one backward pass: dL/dinput and dL/dhx. */
    public record Grads(Tensor input, Tensor hx) {
    }

    /** What one step keeps for its backward pass. */
    record Step(double[] x, double[] h, double[] hNext, int n) {
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
        this.name = name;
        this.weights = new RecurrentWeights(name, dtype, inputSize, hiddenSize, 1, suffix, rng);
    }

    public int inputSize() {
        return weights.inputSize;
    }

    public int hiddenSize() {
        return weights.hiddenSize;
    }

    public Parameter weightIh() {
        return weights.weightIh;
    }

    public Parameter weightHh() {
        return weights.weightHh;
    }

    public Parameter biasIh() {
        return weights.biasIh;
    }

    public Parameter biasHh() {
        return weights.biasHh;
    }

    public List<Parameter> parameters() {
        return weights.parameters();
    }

    RecurrentWeights weights() {
        return weights;
    }

    /** h' for input (N, I) and hidden state hx (N, H); a null hx means zeros. */
    public Tensor forward(Tensor input, Tensor hx) {
        int n = weights.checkInput(name, input);
        if (hx != null) {
            weights.checkState(name, "hx", hx, n);
        }
        values = weights.values();
        last = step(values, TensorData.read(input), weights.stateOrZeros(hx, n), n);
        inputType = input.dtype();
        return TensorData.wrap(inputType, new int[] {n, weights.hiddenSize}, last.hNext().clone());
    }

    /** Gradients for input and hx given dL/dh' (N, H); adds the parameter gradients. */
    public Grads backward(Tensor gradH) {
        LayerChecks.forwardDone(name, last);
        int n = last.n();
        LayerChecks.gradShape(name, gradH, new int[] {n, weights.hiddenSize});
        RecurrentWeights.Grads acc = weights.new Grads();
        double[][] d = backStep(values, last, TensorData.read(gradH), acc);
        acc.addToParameters();
        return new Grads(TensorData.wrap(inputType, new int[] {n, weights.inputSize}, d[0]),
                TensorData.wrap(inputType, new int[] {n, weights.hiddenSize}, d[1]));
    }

    Step step(RecurrentWeights.Values v, double[] x, double[] h, int n) {
        double[] a = weights.preActivation(v, x, h, n);
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.tanh(a[i]);
        }
        return new Step(x, h, a, n);
    }

    /** Returns {dx, dh} for dL/dh' of one step; tanh' = 1 − h'². */
    double[][] backStep(RecurrentWeights.Values v, Step s, double[] dhNext, RecurrentWeights.Grads acc) {
        double[] hn = s.hNext();
        double[] dPre = new double[hn.length];
        for (int i = 0; i < hn.length; i++) {
            dPre[i] = dhNext[i] * (1.0 - hn[i] * hn[i]);
        }
        return acc.backward(v, dPre, s.x(), s.h(), s.n());
    }

    @Override
    public String toString() {
        return name + "(" + weights.inputSize + ", " + weights.hiddenSize + ")";
    }
}
