package org.gradlab.engine.loss;

import java.util.Arrays;

import org.gradlab.core.Reduction;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;

/**
 * Multi-class hinge loss as in PyTorch: for logits x (N, C) and class y,
 * Σ_{i≠y} max(0, margin − x_y + x_i)^p / C per sample, then the reduction over samples.
 */
public final class MultiMarginLoss extends ReducedLoss {
    private final double margin;
    private final int p;
    private ClassTargets targets;

    /** margin 1, p 1, mean: PyTorch's defaults. */
    public MultiMarginLoss() {
        this(1.0, 1, Reduction.MEAN);
    }

    public MultiMarginLoss(double margin, int p, Reduction reduction) {
        super("MultiMarginLoss", reduction);
        if (p != 1 && p != 2) {
            throw new IllegalArgumentException("MultiMarginLoss: p must be 1 or 2, got " + p);
        }
        this.margin = margin;
        this.p = p;
    }

    public double margin() {
        return margin;
    }

    public int p() {
        return p;
    }

    @Override
    int validate(Tensor input, Tensor target) {
        if (input.dim() > 2) {
            throw new ShapeMismatchException(name() + ": input expected (N, C) or (C), got shape "
                    + Arrays.toString(input.shape()));
        }
        targets = ClassTargets.of(name(), input, target);
        return targets.indices.length;
    }

    @Override
    double sum(double[] x, double[] t, int[] shape) {
        int c = targets.classes;
        double s = 0.0;
        for (int n = 0; n < targets.indices.length; n++) {
            int y = targets.indices[n];
            double xy = x[n * c + y];
            double row = 0.0;
            for (int i = 0; i < c; i++) {
                double z = margin - xy + x[n * c + i];
                if (i != y && z > 0) {
                    row += p == 1 ? z : z * z;
                }
            }
            s += row / c;
        }
        return s;
    }

    @Override
    void gradient(double[] x, double[] t, int[] shape, double[] g) {
        int c = targets.classes;
        for (int n = 0; n < targets.indices.length; n++) {
            int y = targets.indices[n];
            double xy = x[n * c + y];
            for (int i = 0; i < c; i++) {
                double z = margin - xy + x[n * c + i];
                if (i != y && z > 0) {
                    double d = (p == 1 ? 1.0 : 2.0 * z) / c;
                    g[n * c + i] += d;
                    g[n * c + y] -= d;
                }
            }
        }
    }

    @Override
    public String toString() {
        return "MultiMarginLoss(margin=" + margin + ", p=" + p + ", reduction=" + reduction().name().toLowerCase() + ")";
    }
}
