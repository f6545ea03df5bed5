package org.gradlab.engine.optim;

import java.util.List;

import org.gradlab.core.Parameter;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and L2 weight
 * decay, as {@code torch.optim.SGD}:
 * <pre>
 *   d ← g + λ·w
 *   b ← d                          on the first step (no dampening, like torch)
 *   b ← μ·b + (1 − τ)·d            afterwards
 *   d ← d + μ·b  (Nesterov)   or   d ← b
 *   w ← w − lr·d
 * </pre>
 */
public final class SGD extends AbstractOptimizer {
    private final double momentum;
    private final double dampening;
    private final double weightDecay;
    private final boolean nesterov;

    /** Plain SGD: no momentum, no weight decay. */
    public SGD(List<Parameter> params, double lr) {
        this(params, lr, 0.0, 0.0, 0.0, false);
    }

    public SGD(List<Parameter> params, double lr, double momentum) {
        this(params, lr, momentum, 0.0, 0.0, false);
    }

    public SGD(List<Parameter> params, double lr, double momentum, double dampening, double weightDecay,
            boolean nesterov) {
        super("SGD", params, lr);
        requireNonNegative("SGD", "momentum value", momentum);
        requireNonNegative("SGD", "weight_decay value", weightDecay);
        if (nesterov && (momentum <= 0.0 || dampening != 0.0)) {
            throw new IllegalArgumentException("SGD: Nesterov momentum requires a momentum > 0 and zero dampening"
                    + " (got momentum=" + momentum + ", dampening=" + dampening + ")");
        }
        this.momentum = momentum;
        this.dampening = dampening;
        this.weightDecay = weightDecay;
        this.nesterov = nesterov;
    }

    @Override
    protected void update(double[] w, double[] g, State state, double lr) {
        double[] d = withWeightDecay(g, w, weightDecay);
        if (momentum != 0.0) {
            double[] old = state.get("momentum_buffer");
            double[] buf = new double[w.length];
            for (int i = 0; i < buf.length; i++) {
                buf[i] = old == null ? d[i] : momentum * old[i] + (1.0 - dampening) * d[i];
            }
            double[] step = new double[w.length];
            for (int i = 0; i < step.length; i++) {
                step[i] = nesterov ? d[i] + momentum * buf[i] : buf[i];
            }
            state.put("momentum_buffer", buf);
            d = step;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] -= lr * d[i];
        }
    }
}
