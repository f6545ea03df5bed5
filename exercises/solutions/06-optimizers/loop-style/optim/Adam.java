package optim;

import java.util.List;
import java.util.Map;

import org.gradlab.core.Parameter;
import org.gradlab.core.Tensor;

/** Adam as {@code torch.optim.Adam}, written element by element. */
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

    @Override
    public void step() {
        for (Parameter p : parameters()) {
            Map<String, Tensor> s = state(p);
            int t = nextStep(s);
            Tensor d = decayedGradient(p);
            Tensor w = p.value();
            if (!s.containsKey("exp_avg")) {
                s.put("exp_avg", Tensor.zeros(w.dtype(), w.shape()));
                s.put("exp_avg_sq", Tensor.zeros(w.dtype(), w.shape()));
            }
            Tensor m = s.get("exp_avg");
            Tensor v = s.get("exp_avg_sq");
            double correction1 = 1.0 - Math.pow(beta1, t);
            double correction2 = 1.0 - Math.pow(beta2, t);
            for (int i = 0; i < w.numel(); i++) {
                double g = d.getFlat(i);
                double mi = beta1 * m.getFlat(i) + (1.0 - beta1) * g;
                double vi = beta2 * v.getFlat(i) + (1.0 - beta2) * g * g;
                m.setFlat(i, mi);
                v.setFlat(i, vi);
                double mHat = mi / correction1;
                double vHat = vi / correction2;
                w.setFlat(i, w.getFlat(i) - learningRate() * mHat / (Math.sqrt(vHat) + eps));
            }
        }
    }

    /** The gradient m and v average: with L2 decay folded in, g + λ·w. */
    protected Tensor decayedGradient(Parameter p) {
        Tensor g = p.grad();
        if (weightDecay == 0.0) {
            return g;
        }
        Tensor d = g.copy();
        for (int i = 0; i < d.numel(); i++) {
            d.setFlat(i, g.getFlat(i) + weightDecay * p.value().getFlat(i));
        }
        return d;
    }
}
