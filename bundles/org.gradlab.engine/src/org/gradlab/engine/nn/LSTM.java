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
 * A single-layer LSTM over a sequence, as {@code torch.nn.LSTM(num_layers=1)} with
 * batch_first=False: input (T, N, I) → all hidden states (T, N, H) and the last h and c. It runs an
 * {@link LSTMCell} step per time step and backpropagates through the whole sequence. As a
 * {@link Layer} it starts from a zero state and returns the hidden states.
 */
public final class LSTM implements Layer {
    private final LSTMCell cell;
    private RecurrentWeights.Values values;
    private List<LSTMCell.Step> steps;
    private int[] inputShape;
    private int[] hShape;
    private int[] cShape;
    private DType inputType;

    /** The hidden states of every step (T, N, H) and the last h and c (shaped like hx / cx, or (1, N, H)). */
    public record Result(Tensor output, Tensor hN, Tensor cN) {
    }

    /** Parameters weight_ih_l0 (4H, I), weight_hh_l0 (4H, H), bias_ih_l0, bias_hh_l0 ~ U(−1/√H, 1/√H). */
    public LSTM(DType dtype, int inputSize, int hiddenSize, Rng rng) {
        this.cell = new LSTMCell("LSTM", dtype, inputSize, hiddenSize, "_l0", rng);
    }

    /** FLOAT64. */
    public LSTM(int inputSize, int hiddenSize, Rng rng) {
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

    /** Runs the sequence from hx, cx ((N, H) or (1, N, H); null means zeros). */
    public Result forward(Tensor input, Tensor hx, Tensor cx) {
        RecurrentWeights w = cell.weights();
        int[] tn = w.checkSequence("LSTM", input);
        int t = tn[0];
        int n = tn[1];
        int in = w.inputSize;
        int hs = w.hiddenSize;
        hShape = w.sequenceStateShape("LSTM", "hx", hx, n);
        cShape = w.sequenceStateShape("LSTM", "cx", cx, n);
        values = w.values();
        double[] x = TensorData.read(input);
        double[] h = w.stateOrZeros(hx, n);
        double[] c = w.stateOrZeros(cx, n);
        double[] out = new double[t * n * hs];
        steps = new ArrayList<>(t);
        for (int s = 0; s < t; s++) {
            LSTMCell.Step step = cell.step(values, Arrays.copyOfRange(x, s * n * in, (s + 1) * n * in), h, c, n);
            steps.add(step);
            h = step.hNext();
            c = step.cNext();
            System.arraycopy(h, 0, out, s * n * hs, n * hs);
        }
        inputShape = input.shape();
        inputType = input.dtype();
        return new Result(TensorData.wrap(inputType, new int[] {t, n, hs}, out),
                TensorData.wrap(inputType, hShape, h.clone()), TensorData.wrap(inputType, cShape, c.clone()));
    }

    /** The hidden states (T, N, H) from a zero initial state. */
    @Override
    public Tensor forward(Tensor input) {
        return forward(input, null, null).output();
    }

    /**
     * Backpropagation through time: gradOutput (T, N, H) for the hidden states, gradHn / gradCn for
     * the last h and c (null: zeros) → gradients for the input sequence, hx and cx; parameter
     * gradients of all steps are accumulated.
     */
    public LSTMCell.Grads backward(Tensor gradOutput, Tensor gradHn, Tensor gradCn) {
        LayerChecks.forwardDone("LSTM", steps);
        RecurrentWeights w = cell.weights();
        int t = inputShape[0];
        int n = inputShape[1];
        int in = w.inputSize;
        int hs = w.hiddenSize;
        LayerChecks.gradShape("LSTM", gradOutput, new int[] {t, n, hs});
        if (gradHn != null) {
            LayerChecks.gradShape("LSTM", gradHn, hShape);
        }
        if (gradCn != null) {
            LayerChecks.gradShape("LSTM", gradCn, cShape);
        }
        double[] g = TensorData.read(gradOutput);
        double[] dh = gradHn == null ? new double[n * hs] : TensorData.read(gradHn).clone();
        double[] dc = w.stateOrZeros(gradCn, n);
        double[] dx = new double[t * n * in];
        RecurrentWeights.Grads acc = w.new Grads();
        for (int s = t - 1; s >= 0; s--) {
            for (int k = 0; k < n * hs; k++) {
                dh[k] += g[s * n * hs + k];
            }
            double[][] d = cell.backStep(values, steps.get(s), dh, dc, acc);
            System.arraycopy(d[0], 0, dx, s * n * in, n * in);
            dh = d[1];
            dc = d[2];
        }
        acc.addToParameters();
        return new LSTMCell.Grads(TensorData.wrap(inputType, inputShape, dx), TensorData.wrap(inputType, hShape, dh),
                TensorData.wrap(inputType, cShape, dc));
    }

    /** dL/dinput for dL/d(hidden states); the last h and c get zero gradient. */
    @Override
    public Tensor backward(Tensor gradOutput) {
        return backward(gradOutput, null, null).input();
    }

    @Override
    public String toString() {
        return "LSTM(" + cell.inputSize() + ", " + cell.hiddenSize() + ")";
    }
}
