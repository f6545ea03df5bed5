package org.gradlab.engine.train;

import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;
import org.gradlab.core.spi.TensorData;

/** Classification metrics from logits. */
public final class Metrics {
    private Metrics() {
    }

    /** How many rows of (N, C) logits have their largest entry (the first on ties) at the label. */
    public static int correct(Tensor logits, int[] labels) {
        if (logits.dim() != 2 || logits.size(0) != labels.length) {
            throw ShapeMismatchException.of("accuracy", "logits expected (N, C) with N = " + labels.length
                    + " labels", logits.shape());
        }
        int classes = logits.size(1);
        double[] z = TensorData.read(logits);
        int correct = 0;
        for (int n = 0; n < labels.length; n++) {
            int row = n * classes;
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (z[row + c] > z[row + best]) {
                    best = c;
                }
            }
            correct += best == labels[n] ? 1 : 0;
        }
        return correct;
    }

    /** Fraction of rows classified correctly, in [0, 1]; 0 for no rows. */
    public static double accuracy(Tensor logits, int[] labels) {
        return labels.length == 0 ? 0 : (double) correct(logits, labels) / labels.length;
    }
}
