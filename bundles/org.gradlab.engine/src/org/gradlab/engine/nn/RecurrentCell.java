package org.gradlab.engine.nn;

import org.gradlab.core.DType;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.core.spi.TensorData;

/**
 * One step of a recurrent cell over its state vectors (h for the RNN; h and c for the LSTM, h
 * always first): the input and state checks, the forward/backward of a single call, and the
 * parameter-gradient bookkeeping. A cell gives only its gate math, {@link #step} and
 * {@link #backStep}, which {@link RecurrentSequence} also runs once per time step.
 *
 * @param <S> what the cell's step keeps for its backward pass
 */
abstract class RecurrentCell<S extends RecurrentCell.Step> extends RecurrentModule {
    private final String[] stateNames;
    private RecurrentWeights.Values values;
    private S last;
    private DType inputType;

    /** What a step keeps for its backward pass. */
    interface Step {
        /** The state the step produced, in the cell's state order (h' first). */
        double[][] next();

        /** The batch size. */
        int n();
    }

    /** {@code stateNames} name the state inputs in error messages ("hx", "cx") and fix their number. */
    RecurrentCell(String name, DType dtype, int inputSize, int hiddenSize, int gates, String suffix, Rng rng,
            String... stateNames) {
        super(name, new RecurrentWeights(name, dtype, inputSize, hiddenSize, gates, suffix, rng));
        this.stateNames = stateNames;
    }

    int stateCount() {
        return stateNames.length;
    }

    String stateName(int i) {
        return stateNames[i];
    }

    /** One step from state vectors (n, H) each; x is (n, I). */
    abstract S step(RecurrentWeights.Values v, double[] x, double[][] state, int n);

    /**
     * Backward of one step for the gradients of its new state (one array per state vector, not
     * modified): returns {dx, d state...} and adds the parameter gradients to {@code acc}.
     */
    abstract double[][] backStep(RecurrentWeights.Values v, S s, double[][] dNext, RecurrentWeights.Grads acc);

    /** The new state (N, H) each, h' first, for input (N, I) and a state whose null entries mean zeros. */
    final Tensor[] forwardStep(Tensor input, Tensor... state) {
        int n = weights.checkInput(name, input);
        double[][] s = new double[state.length][];
        for (int i = 0; i < state.length; i++) {
            if (state[i] != null) {
                weights.checkState(name, stateNames[i], state[i], n);
            }
            s[i] = weights.stateOrZeros(state[i], n);
        }
        values = weights.values();
        last = step(values, TensorData.read(input), s, n);
        inputType = input.dtype();
        double[][] next = last.next();
        Tensor[] out = new Tensor[next.length];
        for (int i = 0; i < next.length; i++) {
            out[i] = TensorData.wrap(inputType, new int[] {n, weights.hiddenSize}, next[i].clone());
        }
        return out;
    }

    /** {dL/dinput, dL/d state...} for the new state's gradients (null entries: zeros); adds the parameter gradients. */
    final Tensor[] backwardStep(Tensor... gradNext) {
        LayerChecks.forwardDone(name, last);
        int n = last.n();
        int[] shape = {n, weights.hiddenSize};
        double[][] g = new double[gradNext.length][];
        for (int i = 0; i < gradNext.length; i++) {
            if (gradNext[i] != null) {
                LayerChecks.gradShape(name, gradNext[i], shape);
            }
            g[i] = weights.stateOrZeros(gradNext[i], n);
        }
        RecurrentWeights.Grads acc = weights.new Grads();
        double[][] d = backStep(values, last, g, acc);
        acc.addToParameters();
        Tensor[] out = new Tensor[d.length];
        out[0] = TensorData.wrap(inputType, new int[] {n, weights.inputSize}, d[0]);
        for (int i = 1; i < d.length; i++) {
            out[i] = TensorData.wrap(inputType, shape, d[i]);
        }
        return out;
    }
}
