package rnn;

import java.util.List;

import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/** The recurrent parameters and their affine pre-activation, written with explicit loops. */
final class RecurrentWeights {
    final int inputSize;
    final int hiddenSize;
    final Parameter weightIh;
    final Parameter weightHh;
    final Parameter biasIh;
    final Parameter biasHh;

    RecurrentWeights(int inputSize, int hiddenSize, int gates, Rng rng) {
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        double k = 1 / Math.sqrt(hiddenSize);
        int rows = gates * hiddenSize;
        weightIh = new Parameter("weight_ih", Tensor.uniform(rng, -k, k, rows, inputSize));
        weightHh = new Parameter("weight_hh", Tensor.uniform(rng, -k, k, rows, hiddenSize));
        biasIh = new Parameter("bias_ih", Tensor.uniform(rng, -k, k, rows));
        biasHh = new Parameter("bias_hh", Tensor.uniform(rng, -k, k, rows));
    }

    List<Parameter> parameters() {
        return List.of(weightIh, weightHh, biasIh, biasHh);
    }

    Tensor preActivation(Tensor x, Tensor h) {
        int n = x.size(0);
        int rows = weightIh.value().size(0);
        Tensor pre = Tensor.zeros(n, rows);
        for (int b = 0; b < n; b++) {
            for (int j = 0; j < rows; j++) {
                double s = biasIh.value().get(j) + biasHh.value().get(j);
                for (int i = 0; i < inputSize; i++) {
                    s += x.get(b, i) * weightIh.value().get(j, i);
                }
                for (int i = 0; i < hiddenSize; i++) {
                    s += h.get(b, i) * weightHh.value().get(j, i);
                }
                pre.set(s, b, j);
            }
        }
        return pre;
    }

    Tensor[] backward(Tensor dPre, Tensor x, Tensor h) {
        int n = x.size(0);
        int rows = weightIh.value().size(0);
        Tensor dWih = Tensor.zeros(rows, inputSize);
        Tensor dWhh = Tensor.zeros(rows, hiddenSize);
        Tensor db = Tensor.zeros(rows);
        Tensor dx = Tensor.zeros(n, inputSize);
        Tensor dh = Tensor.zeros(n, hiddenSize);
        for (int b = 0; b < n; b++) {
            for (int j = 0; j < rows; j++) {
                double d = dPre.get(b, j);
                db.set(db.get(j) + d, j);
                for (int i = 0; i < inputSize; i++) {
                    dWih.set(dWih.get(j, i) + d * x.get(b, i), j, i);
                    dx.set(dx.get(b, i) + d * weightIh.value().get(j, i), b, i);
                }
                for (int i = 0; i < hiddenSize; i++) {
                    dWhh.set(dWhh.get(j, i) + d * h.get(b, i), j, i);
                    dh.set(dh.get(b, i) + d * weightHh.value().get(j, i), b, i);
                }
            }
        }
        weightIh.accumulateGrad(dWih);
        weightHh.accumulateGrad(dWhh);
        biasIh.accumulateGrad(db);
        biasHh.accumulateGrad(db);
        return new Tensor[] {dx, dh};
    }
}
