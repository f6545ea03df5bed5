package org.gradlab.engine.nn;

/** 1 / (1 + e^−x), computed without overflow for any input (see {@link Functional#sigmoid}). */
public final class Sigmoid extends ElementwiseActivation {
    public Sigmoid() {
        super("Sigmoid");
    }

    @Override
    void apply(double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] = Functional.sigmoid(x[i]);
        }
    }

    @Override
    void gradient(double[] x, double[] y, double[] g, double[] gx) {
        for (int i = 0; i < x.length; i++) {
            gx[i] = g[i] * y[i] * (1.0 - y[i]);
        }
    }
}
