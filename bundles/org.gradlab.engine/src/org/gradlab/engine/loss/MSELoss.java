package org.gradlab.engine.loss;

import org.gradlab.core.Reduction;

/** (x − t)² per element. */
public final class MSELoss extends ReducedLoss {
    public MSELoss() {
        this(Reduction.MEAN);
    }

    public MSELoss(Reduction reduction) {
        super("MSELoss", reduction);
    }

    @Override
    double sum(double[] x, double[] t, int[] shape) {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - t[i];
            s += d * d;
        }
        return s;
    }

    @Override
    void gradient(double[] x, double[] t, int[] shape, double[] g) {
        for (int i = 0; i < x.length; i++) {
            g[i] = 2.0 * (x[i] - t[i]);
        }
    }
}
