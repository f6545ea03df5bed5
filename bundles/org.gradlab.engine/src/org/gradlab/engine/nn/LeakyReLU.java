package org.gradlab.engine.nn;

/** x for x > 0, else negativeSlope·x (the slope also applies at exactly 0, as in PyTorch). */
public final class LeakyReLU extends ElementwiseActivation {
    private final double negativeSlope;

    /** PyTorch's default slope 0.01. */
    public LeakyReLU() {
        this(0.01);
    }

    public LeakyReLU(double negativeSlope) {
        super("LeakyReLU");
        this.negativeSlope = negativeSlope;
    }

    public double negativeSlope() {
        return negativeSlope;
    }

    @Override
    void apply(double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] > 0 ? x[i] : negativeSlope * x[i];
        }
    }

    @Override
    void gradient(double[] x, double[] y, double[] g, double[] gx) {
        for (int i = 0; i < x.length; i++) {
            gx[i] = x[i] > 0 ? g[i] : negativeSlope * g[i];
        }
    }

    @Override
    public String toString() {
        return "LeakyReLU(negative_slope=" + negativeSlope + ")";
    }
}
