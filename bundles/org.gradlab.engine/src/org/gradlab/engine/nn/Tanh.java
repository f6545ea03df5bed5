package org.gradlab.engine.nn;

/** tanh(x); the derivative 1 − y² reuses the output. */
public final class Tanh extends ElementwiseActivation {
    public Tanh() {
        super("Tanh");
    }

    @Override
    void apply(double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.tanh(x[i]);
        }
    }

    @Override
    void gradient(double[] x, double[] y, double[] g, double[] gx) {
        for (int i = 0; i < x.length; i++) {
            gx[i] = g[i] * (1.0 - y[i] * y[i]);
        }
    }
}
