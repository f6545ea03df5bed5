package rnn;

import java.util.ArrayList;
import java.util.List;

import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * A single-layer tanh RNN over a sequence, as torch.nn.RNN with batch_first=False: input
 * (T, N, I) → every hidden state (T, N, H). It is unrolled into one {@link RNNCell} per time step,
 * all sharing this module's weights, so backpropagation through time is the cells' backward in
 * reverse order with the hidden-state gradient carried from step to step.
 */
public final class RNN {
    private final RecurrentWeights weights;
    private final List<RNNCell> steps = new ArrayList<>();

    public RNN(int inputSize, int hiddenSize, Rng rng) {
        this.weights = new RecurrentWeights(inputSize, hiddenSize, 1, rng);
    }

    /** [weight_ih (H, I), weight_hh (H, H), bias_ih (H), bias_hh (H)]. */
    public List<Parameter> parameters() {
        return weights.parameters();
    }

    /** All hidden states h_1 … h_T (T, N, H) for input (T, N, I) from h0 (N, H). */
    public Tensor forward(Tensor input, Tensor h0) {
        steps.clear();
        List<Tensor> hs = new ArrayList<>();
        Tensor h = h0;
        for (int t = 0; t < input.size(0); t++) {
            RNNCell cell = new RNNCell(weights);
            h = cell.forward(input.select(0, t), h);
            steps.add(cell);
            hs.add(h);
        }
        return Tensor.stack(hs, 0);
    }

    /**
     * {dL/dinput (T, N, I), dL/dh0 (N, H)} for dL/d(hidden states) (T, N, H). h_t feeds both the
     * output at t and step t+1, so its gradient is gradOutputs[t] plus what step t+1 sends back.
     */
    public Tensor[] backward(Tensor gradOutputs) {
        if (steps.isEmpty()) {
            throw new IllegalStateException("RNN: backward called before forward");
        }
        Tensor[] dx = new Tensor[steps.size()];
        Tensor dh = gradOutputs.select(0, 0).zerosLike();
        for (int t = steps.size() - 1; t >= 0; t--) {
            Tensor[] d = steps.get(t).backward(gradOutputs.select(0, t)); // dh never carried back
            dx[t] = d[0];
            dh = d[1];
        }
        return new Tensor[] {Tensor.stack(List.of(dx), 0), dh};
    }
}
