package org.gradlab.engine.optim;

import java.util.List;

import org.gradlab.core.Parameter;

/**
 * RMSprop as {@code torch.optim.RMSprop}: divides the gradient by a running root-mean-square.
 * <pre>
 *   d ← g + λ·w
 *   s ← α·s + (1 − α)·d²                        square_avg (the RMS cache), starts at 0
 *   a ← α·a + (1 − α)·d;  r ← √(s − a²) + ε     centered (grad_avg a starts at 0)
 *   r ← √s + ε                                  otherwise
 *   b ← μ·b + d/r;  w ← w − lr·b                 with momentum (b starts at 0)
 *   w ← w − lr·d/r                               without
 * </pre>
 */
public final class RMSprop extends AbstractOptimizer {
    private final double alpha;
    private final double eps;
    private final double weightDecay;
    private final double momentum;
    private final boolean centered;

    /** PyTorch's defaults: α = 0.99, ε = 1e-8, no weight decay, no momentum, not centered. */
    public RMSprop(List<Parameter> params, double lr) {
        this(params, lr, 0.99, 1e-8, 0.0, 0.0, false);
    }

    public RMSprop(List<Parameter> params, double lr, double alpha, double eps, double weightDecay, double momentum,
            boolean centered) {
        super("RMSprop", params, lr);
        requireNonNegative("RMSprop", "alpha value", alpha);
        requireNonNegative("RMSprop", "epsilon value", eps);
        requireNonNegative("RMSprop", "weight_decay value", weightDecay);
        requireNonNegative("RMSprop", "momentum value", momentum);
        this.alpha = alpha;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.momentum = momentum;
        this.centered = centered;
    }

    @Override
    protected void update(double[] w, double[] g, State state, double lr) {
        int n = w.length;
        double[] d = withWeightDecay(g, w, weightDecay);
        double[] oldSq = state.get("square_avg");
        double[] sq = new double[n];
        for (int i = 0; i < n; i++) {
            sq[i] = (oldSq == null ? 0.0 : alpha * oldSq[i]) + (1.0 - alpha) * (d[i] * d[i]);
        }
        state.put("square_avg", sq);
        double[] rms = new double[n];
        if (centered) {
            double[] oldAvg = state.get("grad_avg");
            double[] avg = new double[n];
            for (int i = 0; i < n; i++) {
                avg[i] = (oldAvg == null ? 0.0 : alpha * oldAvg[i]) + (1.0 - alpha) * d[i];
                rms[i] = Math.sqrt(sq[i] - avg[i] * avg[i]) + eps;
            }
            state.put("grad_avg", avg);
        } else {
            for (int i = 0; i < n; i++) {
                rms[i] = Math.sqrt(sq[i]) + eps;
            }
        }
        if (momentum > 0.0) {
            double[] oldBuf = state.get("momentum_buffer");
            double[] buf = new double[n];
            for (int i = 0; i < n; i++) {
                buf[i] = (oldBuf == null ? 0.0 : momentum * oldBuf[i]) + d[i] / rms[i];
                w[i] -= lr * buf[i];
            }
            state.put("momentum_buffer", buf);
        } else {
            for (int i = 0; i < n; i++) {
                w[i] -= lr * (d[i] / rms[i]);
            }
        }
    }
}
