package org.gradlab.engine.nn;

/** x for x > 0, else alpha·(e^x − 1). */
public final class ELU extends ElementwiseActivation {
    private final double alpha;

    /** PyTorch's default alpha 1. */
    public ELU() {
        this(1.0);
    }

    public ELU(double alpha) {
        super("ELU");
        this.alpha = alpha;
    }

    public double alpha() {
        return alpha;
    }

    @Override
    void apply(double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] > 0 ? x[i] : alpha * Math.expm1(x[i]); // expm1: accurate near 0
        }
    }

    @Override
    void gradient(double[] x, double[] y, double[] g, double[] gx) {
        for (int i = 0; i < x.length; i++) {
            gx[i] = x[i] > 0 ? g[i] : g[i] * alpha * Math.exp(x[i]);
        }
    }

    @Override
    public String toString() {
        return "ELU(alpha=" + alpha + ")";
    }
}
