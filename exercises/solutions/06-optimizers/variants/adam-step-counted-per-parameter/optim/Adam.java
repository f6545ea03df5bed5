package optim;

import java.util.List;
import java.util.Map;

import org.gradlab.core.Parameter;
import org.gradlab.core.Tensor;

/** Adam as {@code torch.optim.Adam} (no amsgrad), with L2 weight decay added to the gradient. */
public class Adam extends StatefulOptimizer {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private int t; // steps taken so far

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
        for (Parameter p : parameters()) {
            Map<String, Tensor> s = state(p);
            t++;
            s.put("step", Tensor.scalar(t));
            Tensor d = decayedGradient(p);
            Tensor m = d.mul(1.0 - beta1);
            Tensor v = d.square().mul(1.0 - beta2);
            if (s.containsKey("exp_avg")) {
                m = s.get("exp_avg").mul(beta1).add(m);
                v = s.get("exp_avg_sq").mul(beta2).add(v);
            }
            s.put("exp_avg", m);
            s.put("exp_avg_sq", v);
            // bias correction: m and v start at 0 and would pull the first steps toward 0
            double stepSize = learningRate() / (1.0 - Math.pow(beta1, t));
            Tensor denominator = v.sqrt().div(Math.sqrt(1.0 - Math.pow(beta2, t))).add(eps);
            p.value().addScaledInPlace(-stepSize, m.div(denominator));
        }
    }

    /** The gradient m and v average: with L2 decay folded in, g + λ·w. */
    protected Tensor decayedGradient(Parameter p) {
        return withWeightDecay(p.grad(), p.value(), weightDecay);
    }
}
