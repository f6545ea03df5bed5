package org.gradlab.engine.nn;

import java.util.List;

import org.gradlab.core.DType;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;
import org.gradlab.core.spi.TensorData;

/**
 * The four parameters every recurrent cell has — weight_ih (G·H, I), weight_hh (G·H, H),
 * bias_ih and bias_hh (G·H), for G gates — and the pre-activation x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh
 * with its backward. Shared by the cells and by the sequence modules, which run a cell's step
 * once per time step against the same weights.
 */
final class RecurrentWeights {
    final int inputSize;
    final int hiddenSize;
    final int gateRows;
    final Parameter weightIh;
    final Parameter weightHh;
    final Parameter biasIh;
    final Parameter biasHh;

    /** PyTorch's init: every parameter U(−1/√H, 1/√H), drawn in the order weight_ih, weight_hh, bias_ih, bias_hh. */
    RecurrentWeights(String layer, DType dtype, int inputSize, int hiddenSize, int gates, String suffix, Rng rng) {
        if (inputSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException(layer + ": input_size and hidden_size must be positive, got "
                    + inputSize + " and " + hiddenSize);
        }
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.gateRows = gates * hiddenSize;
        double k = 1.0 / Math.sqrt(hiddenSize);
        weightIh = new Parameter("weight_ih" + suffix, Tensor.uniform(dtype, rng, -k, k, gateRows, inputSize));
        weightHh = new Parameter("weight_hh" + suffix, Tensor.uniform(dtype, rng, -k, k, gateRows, hiddenSize));
        biasIh = new Parameter("bias_ih" + suffix, Tensor.uniform(dtype, rng, -k, k, gateRows));
        biasHh = new Parameter("bias_hh" + suffix, Tensor.uniform(dtype, rng, -k, k, gateRows));
    }

    /** Checks a step input (N, I) and returns N. */
    int checkInput(String layer, Tensor x) {
        if (x.dim() != 2 || x.size(1) != inputSize) {
            throw LayerChecks.badInput(layer, "shape (N, " + inputSize + ") (input_size " + inputSize + ")", x.shape());
        }
        return x.size(0);
    }

    /** Checks a hidden or cell state against (N, H); {@code what} names it ("hx", "cx"). */
    void checkState(String layer, String what, Tensor state, int n) {
        if (state.dim() != 2 || state.size(0) != n || state.size(1) != hiddenSize) {
            throw ShapeMismatchException.of(layer, what + " expected shape [" + n + ", " + hiddenSize
                    + "] (batch N, hidden_size H)", state.shape());
        }
    }

    /** Checks a sequence input (T, N, I) and returns {T, N}. */
    int[] checkSequence(String layer, Tensor x) {
        if (x.dim() != 3 || x.size(2) != inputSize) {
            throw LayerChecks.badInput(layer, "shape (T, N, " + inputSize + ") (sequence length, batch, input_size "
                    + inputSize + ")", x.shape());
        }
        return new int[] {x.size(0), x.size(1)};
    }

    /**
     * The shape a sequence module reports its initial/final state in: that of the given state,
     * which may be (N, H) or PyTorch's (num_layers = 1, N, H); PyTorch's when none was given.
     */
    int[] sequenceStateShape(String layer, String what, Tensor state, int n) {
        if (state == null) {
            return new int[] {1, n, hiddenSize};
        }
        int[] s = state.shape();
        boolean ok = s.length == 2 && s[0] == n && s[1] == hiddenSize
                || s.length == 3 && s[0] == 1 && s[1] == n && s[2] == hiddenSize;
        if (!ok) {
            throw ShapeMismatchException.of(layer, what + " expected shape [" + n + ", " + hiddenSize + "] or [1, "
                    + n + ", " + hiddenSize + "] (batch N, hidden_size H; one layer)", s);
        }
        return s;
    }

    /** The state's values, or zeros when it was not given. */
    double[] stateOrZeros(Tensor state, int n) {
        return state == null ? new double[n * hiddenSize] : TensorData.read(state);
    }

    List<Parameter> parameters() {
        return List.of(weightIh, weightHh, biasIh, biasHh);
    }

    /** The current values, read once per forward or backward pass (a copy for FLOAT32). */
    Values values() {
        return new Values(TensorData.read(weightIh.value()), TensorData.read(weightHh.value()),
                TensorData.read(biasIh.value()), TensorData.read(biasHh.value()));
    }

    record Values(double[] wih, double[] whh, double[] bih, double[] bhh) {
    }

    /** Pre-activations (n, G·H) = x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh for a batch of n rows. */
    double[] preActivation(Values v, double[] x, double[] h, int n) {
        double[] pre = new double[n * gateRows];
        AffineKernels.forward(x, n, inputSize, v.wih(), 0, v.bih(), 0, gateRows, pre);
        AffineKernels.forward(h, n, hiddenSize, v.whh(), 0, v.bhh(), 0, gateRows, pre);
        return pre;
    }

    /** Parameter gradients summed over the steps of one backward pass, added to the parameters once. */
    final class Grads {
        final double[] wih = new double[gateRows * inputSize];
        final double[] whh = new double[gateRows * hiddenSize];
        final double[] bih = new double[gateRows];
        final double[] bhh = new double[gateRows];

        /**
         * Backward of {@link #preActivation} for dPre (n, G·H): returns dx (n, I) and dh (n, H) as
         * {dx, dh} and adds the parameter gradients here.
         */
        double[][] backward(Values v, double[] dPre, double[] x, double[] h, int n) {
            double[] dx = new double[n * inputSize];
            double[] dh = new double[n * hiddenSize];
            AffineKernels.backward(dPre, n, gateRows, x, inputSize, v.wih(), 0, dx, wih, 0, bih, 0);
            AffineKernels.backward(dPre, n, gateRows, h, hiddenSize, v.whh(), 0, dh, whh, 0, bhh, 0);
            return new double[][] {dx, dh};
        }

        void addToParameters() {
            ParameterGrads.accumulate(weightIh, wih);
            ParameterGrads.accumulate(weightHh, whh);
            ParameterGrads.accumulate(biasIh, bih);
            ParameterGrads.accumulate(biasHh, bhh);
        }
    }
}
