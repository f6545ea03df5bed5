package org.gradlab.engine.loss;

import org.gradlab.core.AxisView;

import org.gradlab.core.Reduction;
import org.gradlab.core.Tensor;
import org.gradlab.engine.nn.Functional;

/**
 * −log softmax(x)[y] for logits (N, C) and class indices (N) stored as integer-valued doubles
 * (also (N, C, d…) with targets (N, d…), and unbatched (C) with a 0-d target). Uses log-sum-exp
 * with the maximum factored out, so logits of ±1000 stay finite; the gradient is softmax − one-hot.
 */
public final class CrossEntropyLoss extends ReducedLoss {
    private ClassTargets targets;
    private double[] logProbs;

    public CrossEntropyLoss() {
        this(Reduction.MEAN);
    }

    public CrossEntropyLoss(Reduction reduction) {
        super("CrossEntropyLoss", reduction);
    }

    @Override
    int validate(Tensor input, Tensor target) {
        targets = ClassTargets.of(name(), input, target);
        return targets.indices.length;
    }

    @Override
    double sum(double[] x, double[] t, int[] shape) {
        logProbs = new double[x.length];
        Functional.softmax(x, new AxisView(targets.outer, targets.classes, targets.inner), true, logProbs);
        double s = 0.0;
        for (int i = 0; i < targets.indices.length; i++) {
            s -= logProbs[targets.position(i, targets.indices[i])];
        }
        return s;
    }

    @Override
    void gradient(double[] x, double[] t, int[] shape, double[] g) {
        for (int i = 0; i < g.length; i++) {
            g[i] = Math.exp(logProbs[i]);
        }
        for (int i = 0; i < targets.indices.length; i++) {
            g[targets.position(i, targets.indices[i])] -= 1.0;
        }
    }
}
