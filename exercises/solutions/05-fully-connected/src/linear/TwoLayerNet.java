package linear;

import java.util.ArrayList;
import java.util.List;

import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * A classifier made of two of your Linear layers with a ReLU between them:
 * logits = Linear(hidden → classes)(max(0, Linear(in → hidden)(x))), trained with minibatch SGD on
 * the softmax cross-entropy of the logits.
 */
public final class TwoLayerNet {
    /** Examples per SGD step in {@link #train}; the last batch of an epoch may be smaller. */
    public static final int BATCH_SIZE = 20;

    private final Linear hidden;
    private final Linear output;
    private Tensor active; // 1 where the hidden pre-activation was > 0: the ReLU's gradient

    /** The hidden layer's parameters are drawn from {@code rng} first, then the output layer's. */
    public TwoLayerNet(int in, int hidden, int classes, Rng rng) {
        this.hidden = new Linear(in, hidden, rng);
        this.output = new Linear(hidden, classes, rng);
    }

    public Linear hidden() {
        return hidden;
    }

    public Linear output() {
        return output;
    }

    /** The hidden layer's weight and bias, then the output layer's. */
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(hidden.parameters());
        all.addAll(output.parameters());
        return all;
    }

    public Tensor forward(Tensor x) {
        Tensor pre = hidden.forward(x);
        active = pre.gt(0);
        return output.forward(pre.mul(active));
    }

    public void backward(Tensor gradLogits) {
        if (active == null) {
            throw new IllegalStateException("TwoLayerNet: backward called before forward");
        }
        hidden.backward(output.backward(gradLogits).mul(active));
    }

    public static double[] train(TwoLayerNet net, Tensor x, Tensor labels, int epochs, double lr, Rng rng) {
        int n = x.size(0);
        double[] accuracy = new double[epochs];
        for (int epoch = 0; epoch < epochs; epoch++) {
            int[] order = permutation(n, rng);
            for (int start = 0; start < n; start += BATCH_SIZE) {
                int b = Math.min(BATCH_SIZE, n - start);
                List<Tensor> rows = new ArrayList<>();
                double[] batchLabels = new double[b];
                for (int i = 0; i < b; i++) {
                    rows.add(x.select(0, order[start + i]));
                    batchLabels[i] = labels.getFlat(order[start + i]);
                }
                for (Parameter p : net.parameters()) {
                    p.zeroGrad();
                }
                net.backward(crossEntropyGradient(net.forward(Tensor.stack(rows, 0)), batchLabels));
                for (Parameter p : net.parameters()) {
                    p.value().addScaledInPlace(-lr, p.grad());
                }
            }
            accuracy[epoch] = accuracy(net, x, labels);
        }
        return accuracy;
    }

    /** d(mean cross-entropy)/dlogits = (softmax − one-hot) / B; the max shift keeps exp finite. */
    private static Tensor crossEntropyGradient(Tensor logits, double[] labels) {
        Tensor e = logits.sub(logits.max(1, true)).exp();
        Tensor grad = e.div(e.sum(1, true));
        for (int i = 0; i < labels.length; i++) {
            int c = (int) labels[i];
            grad.set(grad.get(i, c) - 1, i, c);
        }
        return grad.div(labels.length);
    }

    private static double accuracy(TwoLayerNet net, Tensor x, Tensor labels) {
        return net.forward(x).argmax(1, false).eq(labels.reshape(-1)).meanAll();
    }

    private static int[] permutation(int n, Rng rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) { // Fisher–Yates
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
