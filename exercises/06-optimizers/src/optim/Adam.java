package optim;

import java.util.List;

import org.gradlab.core.Parameter;
import org.gradlab.core.Tensor;

/** Adam as {@code torch.optim.Adam} (no amsgrad), with L2 weight decay added to the gradient. */
public class Adam extends StatefulOptimizer {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;

    public Adam(List<Parameter> params, double lr, double beta1, double beta2, double eps, double weightDecay) {
        super(params, lr);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    protected final double weightDecay() {
        return weightDecay;
    }

    /**
     * <pre>
     *   d ← decayedGradient(p)
     *   m ← β₁·m + (1 − β₁)·d           state "exp_avg", starts at 0
     *   v ← β₂·v + (1 − β₂)·d²          state "exp_avg_sq", starts at 0
     *   w ← w − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
     * </pre>
     * with t, counted from 1, in state "step".
     */
    @Override
    public void step() {
        throw new UnsupportedOperationException("TODO: Adam.step: exp_avg, exp_avg_sq, step and the bias-corrected update");
    }

    /** The gradient m and v average: with L2 decay folded in, g + λ·w. */
    protected Tensor decayedGradient(Parameter p) {
        throw new UnsupportedOperationException("TODO: Adam.decayedGradient: the gradient with L2 weight decay, g + weight_decay w");
    }
}
