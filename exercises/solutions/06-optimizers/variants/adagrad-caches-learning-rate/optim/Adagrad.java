package optim;

import java.util.List;
import java.util.Map;

import org.gradlab.core.Parameter;
import org.gradlab.core.Tensor;

/** Adagrad as {@code torch.optim.Adagrad}: each coordinate's step shrinks with its squared gradients so far. */
public final class Adagrad extends StatefulOptimizer {
    private final double lrDecay;
    private final double weightDecay;
    private final double eps;
    private final double lr;

    public Adagrad(List<Parameter> params, double lr, double lrDecay, double weightDecay, double eps) {
        super(params, lr);
        this.lrDecay = lrDecay;
        this.weightDecay = weightDecay;
        this.eps = eps;
        this.lr = lr;
    }

    /**
     * <pre>
     *   lr_t ← lr / (1 + (t − 1)·lr_decay)
     *   d ← g + λ·w
     *   S ← S + d²                         state "sum", starts at 0
     *   w ← w − lr_t · d / (√S + ε)
     * </pre>
     * and t in state "step".
     */
    @Override
    public void step() {
        for (Parameter p : parameters()) {
            Map<String, Tensor> s = state(p);
            int t = nextStep(s);
            double lrT = lr / (1.0 + (t - 1) * lrDecay);
            Tensor d = withWeightDecay(p.grad(), p.value(), weightDecay);
            Tensor old = s.get("sum");
            Tensor sum = old == null ? d.square() : old.add(d.square());
            s.put("sum", sum);
            p.value().addScaledInPlace(-lrT, d.div(sum.sqrt().add(eps)));
        }
    }
}
