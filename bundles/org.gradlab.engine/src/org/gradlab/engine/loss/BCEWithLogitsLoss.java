package org.gradlab.engine.loss;

import org.gradlab.core.Reduction;
import org.gradlab.engine.nn.Functional;

/**
 * Binary cross-entropy on logits, fused with the sigmoid for stability:
 * max(x, 0) − x·t + log(1 + e^−|x|), finite for any finite logit; the gradient is σ(x) − t.
 */
public final class BCEWithLogitsLoss extends ReducedLoss {
    public BCEWithLogitsLoss() {
        this(Reduction.MEAN);
    }

    public BCEWithLogitsLoss(Reduction reduction) {
        super("BCEWithLogitsLoss", reduction);
    }

    @Override
    double sum(double[] x, double[] t, int[] shape) {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            s += Functional.softplus(x[i]) - x[i] * t[i]; // softplus(x) = max(x,0) + log1p(e^−|x|)
        }
        return s;
    }

    @Override
    void gradient(double[] x, double[] t, int[] shape, double[] g) {
        for (int i = 0; i < x.length; i++) {
            g[i] = Functional.sigmoid(x[i]) - t[i];
        }
    }
}
