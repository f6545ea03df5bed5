package org.gradlab.engine.loss;

import org.gradlab.core.Reduction;

/** |x − t| per element; the gradient is sign(x − t), 0 where x = t (as in PyTorch). */
public final class L1Loss extends ReducedLoss {
    public L1Loss() {
        this(Reduction.MEAN);
    }

    public L1Loss(Reduction reduction) {
        super("L1Loss", reduction);
    }

    @Override
    double sum(double[] x, double[] t, int[] shape) {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            s += Math.abs(x[i] - t[i]);
        }
        return s;
    }

    @Override
    void gradient(double[] x, double[] t, int[] shape, double[] g) {
        for (int i = 0; i < x.length; i++) {
            g[i] = Math.signum(x[i] - t[i]);
        }
    }
}
