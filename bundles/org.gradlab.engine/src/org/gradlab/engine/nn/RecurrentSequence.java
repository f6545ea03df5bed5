package org.gradlab.engine.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gradlab.core.DType;
import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;
import org.gradlab.core.spi.TensorData;

/**
 * A single-layer recurrent module over a sequence (T, N, I), batch_first=False: it runs its
 * cell's step once per time step against the same weights and backpropagates through the whole
 * sequence. As a {@link Layer} it starts from a zero state and returns the hidden states.
 *
 * @param <S> what the cell's step keeps for its backward pass
 */
abstract class RecurrentSequence<S extends RecurrentCell.Step> extends RecurrentModule implements Layer {
    private final RecurrentCell<S> cell;
    private RecurrentWeights.Values values;
    private List<S> steps;
    private int[] inputShape;
    private int[][] stateShapes;
    private DType inputType;

    /** The cell should be named like this module and suffix its parameters "_l0", as PyTorch does. */
    RecurrentSequence(RecurrentCell<S> cell) {
        super(cell.name, cell.weights);
        this.cell = cell;
    }

    /**
     * {all hidden states (T, N, H), final state...} from the initial state (each (N, H) or
     * (1, N, H), null: zeros); a final state takes the shape of its initial one, or (1, N, H).
     */
    final Tensor[] run(Tensor input, Tensor... initial) {
        int[] tn = weights.checkSequence(name, input);
        int t = tn[0];
        int n = tn[1];
        int in = weights.inputSize;
        int hs = weights.hiddenSize;
        int[][] shapes = new int[initial.length][];
        double[][] state = new double[initial.length][];
        for (int i = 0; i < initial.length; i++) {
            shapes[i] = weights.sequenceStateShape(name, cell.stateName(i), initial[i], n);
            state[i] = weights.stateOrZeros(initial[i], n);
        }
        values = weights.values();
        double[] x = TensorData.read(input);
        double[] out = new double[t * n * hs];
        steps = new ArrayList<>(t);
        for (int s = 0; s < t; s++) {
            S step = cell.step(values, Arrays.copyOfRange(x, s * n * in, (s + 1) * n * in), state, n);
            steps.add(step);
            state = step.next();
            System.arraycopy(state[0], 0, out, s * n * hs, n * hs);
        }
        inputShape = input.shape();
        stateShapes = shapes;
        inputType = input.dtype();
        Tensor[] result = new Tensor[1 + state.length];
        result[0] = TensorData.wrap(inputType, new int[] {t, n, hs}, out);
        for (int i = 0; i < state.length; i++) {
            result[1 + i] = TensorData.wrap(inputType, stateShapes[i], state[i].clone());
        }
        return result;
    }

    /**
     * Backpropagation through time: gradOutput (T, N, H) for the hidden states and the final
     * state's gradients (null: zeros) → {dL/dinput, dL/d initial state...}; the parameter
     * gradients of all steps are accumulated.
     */
    final Tensor[] backprop(Tensor gradOutput, Tensor... gradFinal) {
        LayerChecks.forwardDone(name, steps);
        int t = inputShape[0];
        int n = inputShape[1];
        int in = weights.inputSize;
        int hs = weights.hiddenSize;
        LayerChecks.gradShape(name, gradOutput, new int[] {t, n, hs});
        for (int i = 0; i < gradFinal.length; i++) {
            if (gradFinal[i] != null) {
                LayerChecks.gradShape(name, gradFinal[i], stateShapes[i]);
            }
        }
        double[][] dState = new double[gradFinal.length][];
        for (int i = 0; i < gradFinal.length; i++) {
            dState[i] = gradFinal[i] == null ? new double[n * hs] : TensorData.read(gradFinal[i]).clone();
        }
        double[] g = TensorData.read(gradOutput);
        double[] dx = new double[t * n * in];
        RecurrentWeights.Grads acc = weights.new Grads();
        for (int s = t - 1; s >= 0; s--) {
            // h_s feeds both the output at step s and the next step.
            for (int k = 0; k < n * hs; k++) {
                dState[0][k] += g[s * n * hs + k];
            }
            double[][] d = cell.backStep(values, steps.get(s), dState, acc);
            System.arraycopy(d[0], 0, dx, s * n * in, n * in);
            dState = Arrays.copyOfRange(d, 1, d.length);
        }
        acc.addToParameters();
        Tensor[] result = new Tensor[1 + dState.length];
        result[0] = TensorData.wrap(inputType, inputShape, dx);
        for (int i = 0; i < dState.length; i++) {
            result[1 + i] = TensorData.wrap(inputType, stateShapes[i], dState[i]);
        }
        return result;
    }

    /** The hidden states (T, N, H) from a zero initial state. */
    @Override
    public Tensor forward(Tensor input) {
        return run(input, new Tensor[cell.stateCount()])[0];
    }

    /** dL/dinput for dL/d(hidden states); the final state gets zero gradient. */
    @Override
    public Tensor backward(Tensor gradOutput) {
        return backprop(gradOutput, new Tensor[cell.stateCount()])[0];
    }
}
