package org.gradlab.engine.optim;

import java.util.Arrays;
import java.util.List;

import org.gradlab.core.Parameter;

/**
 * Adagrad as {@code torch.optim.Adagrad}: each coordinate's step shrinks with the sum of its
 * squared gradients.
 * <pre>
 *   lr_t ← lr / (1 + (t − 1)·lr_decay)
 *   d ← g + λ·w
 *   S ← S + d²                      sum, starts at initial_accumulator_value
 *   w ← w − lr_t · d / (√S + ε)
 * </pre>
 */
public final class Adagrad extends AbstractOptimizer {
    private final double lrDecay;
    private final double weightDecay;
    private final double initialAccumulatorValue;
    private final double eps;

    /** PyTorch's defaults: no lr decay, no weight decay, accumulator starts at 0, ε = 1e-10. */
    public Adagrad(List<Parameter> params, double lr) {
        this(params, lr, 0.0, 0.0, 0.0, 1e-10);
    }

    public Adagrad(List<Parameter> params, double lr, double lrDecay, double weightDecay,
            double initialAccumulatorValue, double eps) {
        super("Adagrad", params, lr);
        requireNonNegative("Adagrad", "lr_decay value", lrDecay);
        requireNonNegative("Adagrad", "weight_decay value", weightDecay);
        requireNonNegative("Adagrad", "initial_accumulator_value value", initialAccumulatorValue);
        requireNonNegative("Adagrad", "epsilon value", eps);
        this.lrDecay = lrDecay;
        this.weightDecay = weightDecay;
        this.initialAccumulatorValue = initialAccumulatorValue;
        this.eps = eps;
    }

    @Override
    protected void update(double[] w, double[] g, State state, double lr) {
        int n = w.length;
        double clr = lr / (1.0 + (state.step() - 1) * lrDecay);
        double[] d = withWeightDecay(g, w, weightDecay);
        double[] old = state.get("sum");
        if (old == null) {
            old = new double[n];
            Arrays.fill(old, initialAccumulatorValue);
        }
        double[] sum = new double[n];
        for (int i = 0; i < n; i++) {
            sum[i] = old[i] + d[i] * d[i];
            w[i] -= clr * (d[i] / (Math.sqrt(sum[i]) + eps));
        }
        state.put("sum", sum);
    }
}
