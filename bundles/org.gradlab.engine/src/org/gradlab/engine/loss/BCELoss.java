package org.gradlab.engine.loss;

import org.gradlab.core.Reduction;
import org.gradlab.core.Tensor;
import org.gradlab.core.spi.TensorData;

/**
 * Binary cross-entropy on probabilities: −(t·log x + (1−t)·log(1−x)). As in PyTorch each log is
 * clamped to ≥ −100, so x = 0 or 1 gives a large finite loss instead of infinity, and the gradient
 * (x − t) / (x(1−x)) has its denominator clamped to ≥ 1e-12.
 */
public final class BCELoss extends ReducedLoss {
    private static final double LOG_FLOOR = -100.0;
    private static final double EPSILON = 1e-12;

    public BCELoss() {
        this(Reduction.MEAN);
    }

    public BCELoss(Reduction reduction) {
        super("BCELoss", reduction);
    }

    @Override
    int validate(Tensor input, Tensor target) {
        int n = super.validate(input, target);
        inUnitInterval("input", TensorData.read(input));
        inUnitInterval("target", TensorData.read(target));
        return n;
    }

    private void inUnitInterval(String what, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= 0.0 && v[i] <= 1.0)) {
                throw new IllegalArgumentException(name() + ": every " + what + " element must be between 0 and 1, "
                        + "got " + v[i] + " at flat index " + i
                        + (what.equals("input") ? " (apply a Sigmoid first, or use BCEWithLogitsLoss)" : ""));
            }
        }
    }

    @Override
    double sum(double[] x, double[] t, int[] shape) {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            double logX = Math.max(Math.log(x[i]), LOG_FLOOR);
            double log1mX = Math.max(Math.log1p(-x[i]), LOG_FLOOR);
            s -= t[i] * logX + (1.0 - t[i]) * log1mX;
        }
        return s;
    }

    @Override
    void gradient(double[] x, double[] t, int[] shape, double[] g) {
        for (int i = 0; i < x.length; i++) {
            g[i] = (x[i] - t[i]) / Math.max(x[i] * (1.0 - x[i]), EPSILON);
        }
    }
}
