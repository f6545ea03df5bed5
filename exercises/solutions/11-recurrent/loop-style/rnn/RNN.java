package rnn;

import java.util.List;

import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/** The sequence RNN without unrolled cells: hidden states kept in one tensor, tanh and BPTT as loops. */
public final class RNN {
    private final RecurrentWeights weights;
    private Tensor input;
    private Tensor states; // (T + 1, N, H): h0 then h_1 … h_T

    public RNN(int inputSize, int hiddenSize, Rng rng) {
        this.weights = new RecurrentWeights(inputSize, hiddenSize, 1, rng);
    }

    public List<Parameter> parameters() {
        return weights.parameters();
    }

    public Tensor forward(Tensor input, Tensor h0) {
        int steps = input.size(0);
        int n = input.size(1);
        int hid = weights.hiddenSize;
        this.input = input;
        states = Tensor.zeros(steps + 1, n, hid);
        for (int b = 0; b < n; b++) {
            for (int j = 0; j < hid; j++) {
                states.set(h0.get(b, j), 0, b, j);
            }
        }
        for (int t = 0; t < steps; t++) {
            Tensor pre = weights.preActivation(input.select(0, t), states.select(0, t));
            for (int b = 0; b < n; b++) {
                for (int j = 0; j < hid; j++) {
                    states.set(Math.tanh(pre.get(b, j)), t + 1, b, j);
                }
            }
        }
        return states.slice(0, 1, steps + 1);
    }

    public Tensor[] backward(Tensor gradOutputs) {
        if (states == null) {
            throw new IllegalStateException("RNN: backward called before forward");
        }
        int steps = input.size(0);
        int n = input.size(1);
        int hid = weights.hiddenSize;
        Tensor dInput = Tensor.zeros(input.shape());
        Tensor dh = Tensor.zeros(n, hid);
        for (int t = steps - 1; t >= 0; t--) {
            Tensor dPre = Tensor.zeros(n, hid);
            for (int b = 0; b < n; b++) {
                for (int j = 0; j < hid; j++) {
                    double h = states.get(t + 1, b, j);
                    dPre.set((gradOutputs.get(t, b, j) + dh.get(b, j)) * (1 - h * h), b, j);
                }
            }
            Tensor[] d = weights.backward(dPre, input.select(0, t), states.select(0, t));
            for (int b = 0; b < n; b++) {
                for (int i = 0; i < weights.inputSize; i++) {
                    dInput.set(d[0].get(b, i), t, b, i);
                }
            }
            dh = d[1];
        }
        return new Tensor[] {dInput, dh};
    }
}
