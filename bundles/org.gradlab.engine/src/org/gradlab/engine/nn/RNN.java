package org.gradlab.engine.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gradlab.core.DType;
import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.core.spi.TensorData;

/**
 * A single-layer tanh RNN over a sequence, as {@code torch.nn.RNN(num_layers=1)} with
 * batch_first=False: input (T, N, I) → all hidden states (T, N, H) and the last one. It runs an
 * {@link RNNCell} step per time step and backpropagates through the whole sequence. As a
 * {@link Layer} it starts from a zero state and returns the hidden states.
 */
public final class RNN implements Layer {
    private final RNNCell cell;
    private RecurrentWeights.Values values;
    private List<RNNCell.Step> steps;
    private int[] inputShape;
    private int[] stateShape;
    private DType inputType;

    /** The hidden states of every step (T, N, H) and the last one (shaped like hx, or (1, N, H)). */
    public record Result(Tensor output, Tensor hN) {
    }

    /** Parameters weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0 ~ U(−1/√H, 1/√H), as PyTorch. */
    public RNN(DType dtype, int inputSize, int hiddenSize, Rng rng) {
        this.cell = new RNNCell("RNN", dtype, inputSize, hiddenSize, "_l0", rng);
    }

    /** FLOAT64. */
    public RNN(int inputSize, int hiddenSize, Rng rng) {
        this(DType.FLOAT64, inputSize, hiddenSize, rng);
    }

    public int inputSize() {
        return cell.inputSize();
    }

    public int hiddenSize() {
        return cell.hiddenSize();
    }

    public Parameter weightIh() {
        return cell.weightIh();
    }

    public Parameter weightHh() {
        return cell.weightHh();
    }

    public Parameter biasIh() {
        return cell.biasIh();
    }

    public Parameter biasHh() {
        return cell.biasHh();
    }

    @Override
    public List<Parameter> parameters() {
        return cell.parameters();
    }

    /** Runs the sequence from hx ((N, H) or (1, N, H); null means zeros). */
    public Result forward(Tensor input, Tensor hx) {
        RecurrentWeights w = cell.weights();
        int[] tn = w.checkSequence("RNN", input);
        int t = tn[0];
        int n = tn[1];
        int in = w.inputSize;
        int hs = w.hiddenSize;
        stateShape = w.sequenceStateShape("RNN", "hx", hx, n);
        values = w.values();
        double[] x = TensorData.read(input);
        double[] h = w.stateOrZeros(hx, n);
        double[] out = new double[t * n * hs];
        steps = new ArrayList<>(t);
        for (int s = 0; s < t; s++) {
            RNNCell.Step step = cell.step(values, Arrays.copyOfRange(x, s * n * in, (s + 1) * n * in), h, n);
            steps.add(step);
            h = step.hNext();
            System.arraycopy(h, 0, out, s * n * hs, n * hs);
        }
        inputShape = input.shape();
        inputType = input.dtype();
        return new Result(TensorData.wrap(inputType, new int[] {t, n, hs}, out),
                TensorData.wrap(inputType, stateShape, h.clone()));
    }

    /** The hidden states (T, N, H) from a zero initial state. */
    @Override
    public Tensor forward(Tensor input) {
        return forward(input, null).output();
    }

    /**
     * Backpropagation through time: gradOutput (T, N, H) for the hidden states and gradHn for the
     * last one (null: zeros) → gradients for the input sequence and hx; parameter gradients of all
     * steps are accumulated.
     */
    public RNNCell.Grads backward(Tensor gradOutput, Tensor gradHn) {
        LayerChecks.forwardDone("RNN", steps);
        RecurrentWeights w = cell.weights();
        int t = inputShape[0];
        int n = inputShape[1];
        int in = w.inputSize;
        int hs = w.hiddenSize;
        LayerChecks.gradShape("RNN", gradOutput, new int[] {t, n, hs});
        if (gradHn != null) {
            LayerChecks.gradShape("RNN", gradHn, stateShape);
        }
        double[] g = TensorData.read(gradOutput);
        double[] dh = gradHn == null ? new double[n * hs] : TensorData.read(gradHn).clone();
        double[] dx = new double[t * n * in];
        RecurrentWeights.Grads acc = w.new Grads();
        for (int s = t - 1; s >= 0; s--) {
            // h_s feeds both the output at step s and the next step.
            for (int k = 0; k < n * hs; k++) {
                dh[k] += g[s * n * hs + k];
            }
            double[][] d = cell.backStep(values, steps.get(s), dh, acc);
            System.arraycopy(d[0], 0, dx, s * n * in, n * in);
            dh = d[1];
        }
        acc.addToParameters();
        return new RNNCell.Grads(TensorData.wrap(inputType, inputShape, dx), TensorData.wrap(inputType, stateShape, dh));
    }

    /** dL/dinput for dL/d(hidden states); the last state's gradient is taken as zero. */
    @Override
    public Tensor backward(Tensor gradOutput) {
        return backward(gradOutput, null).input();
    }

    @Override
    public String toString() {
        return "RNN(" + cell.inputSize() + ", " + cell.hiddenSize() + ")";
    }
}
