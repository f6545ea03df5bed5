package org.gradlab.engine.optim;

import java.util.List;

import org.gradlab.core.Parameter;

/**
 * Adam as {@code torch.optim.Adam} (without amsgrad), with L2 weight decay added to the gradient:
 * <pre>
 *   d ← g + λ·w
 *   m ← β₁·m + (1 − β₁)·d          exp_avg, starts at 0
 *   v ← β₂·v + (1 − β₂)·d²         exp_avg_sq, starts at 0
 *   w ← w − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre>
 * Bias correction undoes the pull of the zero start toward 0, so the first step is
 * −lr·sign(g) whenever ε ≪ |g|. {@link AdamW} decouples the decay instead.
 */
public class Adam extends AbstractOptimizer {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean decoupled;

    /** PyTorch's defaults: β = (0.9, 0.999), ε = 1e-8, no weight decay. */
    public Adam(List<Parameter> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 0.0);
    }

    public Adam(List<Parameter> params, double lr, double beta1, double beta2, double eps, double weightDecay) {
        this("Adam", params, lr, beta1, beta2, eps, weightDecay, false);
    }

    Adam(String name, List<Parameter> params, double lr, double beta1, double beta2, double eps, double weightDecay,
            boolean decoupled) {
        super(name, params, lr);
        requireUnitInterval(name, "beta parameter at index 0", beta1);
        requireUnitInterval(name, "beta parameter at index 1", beta2);
        requireNonNegative(name, "epsilon value", eps);
        requireNonNegative(name, "weight_decay value", weightDecay);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
    }

    @Override
    protected void update(double[] w, double[] g, State state, double lr) {
        int n = w.length;
        double[] d = g;
        if (decoupled) {
            double shrink = 1.0 - lr * weightDecay;
            for (int i = 0; i < n; i++) {
                w[i] *= shrink;
            }
        } else {
            d = withWeightDecay(g, w, weightDecay);
        }
        double[] oldM = state.get("exp_avg");
        double[] oldV = state.get("exp_avg_sq");
        double[] m = new double[n];
        double[] v = new double[n];
        int t = state.step();
        double stepSize = lr / (1.0 - Math.pow(beta1, t));
        double correction2Sqrt = Math.sqrt(1.0 - Math.pow(beta2, t));
        for (int i = 0; i < n; i++) {
            m[i] = (oldM == null ? 0.0 : beta1 * oldM[i]) + (1.0 - beta1) * d[i];
            v[i] = (oldV == null ? 0.0 : beta2 * oldV[i]) + (1.0 - beta2) * (d[i] * d[i]);
            w[i] -= stepSize * (m[i] / (Math.sqrt(v[i]) / correction2Sqrt + eps));
        }
        state.put("exp_avg", m);
        state.put("exp_avg_sq", v);
    }
}
