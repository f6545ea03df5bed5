package org.gradlab.engine.nn;

/** max(x, 0). The gradient at exactly 0 is 0, as in PyTorch. */
public final class ReLU extends ElementwiseActivation {
    public ReLU() {
        super("ReLU");
    }

    @Override
    void apply(double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] > 0 ? x[i] : 0.0;
        }
    }

    @Override
    void gradient(double[] x, double[] y, double[] g, double[] gx) {
        for (int i = 0; i < x.length; i++) {
            gx[i] = x[i] > 0 ? g[i] : 0.0;
        }
    }
}
