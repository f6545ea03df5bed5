package losses;

import org.gradlab.core.Loss;
import org.gradlab.core.Reduction;
import org.gradlab.core.Tensor;

/**
 * Cross-entropy for logits x (N, C) and class indices y (N), written with explicit loops:
 * −log softmax(x_n)[y_n] per sample, folded by the reduction over the N samples.
 */
public final class CrossEntropyLoss implements Loss {
    private final Reduction reduction;
    private double[][] probs; // softmax of the last forward
    private int[] labels;

    public CrossEntropyLoss(Reduction reduction) {
        this.reduction = reduction;
    }

    @Override
    public double forward(Tensor input, Tensor target) {
        int n = input.size(0);
        int c = input.size(1);
        probs = new double[n][c];
        labels = new int[n];
        double total = 0.0;
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) {
                max = Math.max(max, input.get(i, j));
            }
            double sumExp = 0.0;
            for (int j = 0; j < c; j++) {
                probs[i][j] = Math.exp(input.get(i, j) - max);
                sumExp += probs[i][j];
            }
            for (int j = 0; j < c; j++) {
                probs[i][j] /= sumExp;
            }
            labels[i] = (int) target.get(i);
            // log softmax = (x_y − max) − log Σ exp(x − max), never log of an underflowed probability
            total -= input.get(i, labels[i]) - max - Math.log(sumExp);
        }
        return reduction == Reduction.MEAN ? total / n : total;
    }

    @Override
    public Tensor backward() {
        if (probs == null) {
            throw new IllegalStateException("CrossEntropyLoss: backward called before forward");
        }
        int n = probs.length;
        int c = probs[0].length;
        double scale = reduction == Reduction.MEAN ? 1.0 / n : 1.0;
        Tensor grad = Tensor.zeros(n, c);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < c; j++) {
                grad.set(scale * (probs[i][j] - (j == labels[i] ? 1.0 : 0.0)), i, j);
            }
        }
        return grad;
    }
}
