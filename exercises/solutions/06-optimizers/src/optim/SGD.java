package optim;

import java.util.List;
import java.util.Map;

import org.gradlab.core.Parameter;
import org.gradlab.core.Tensor;

/**
 * Stochastic gradient descent with momentum, dampening, Nesterov momentum and L2 weight decay,
 * as {@code torch.optim.SGD}. The velocity is kept in PyTorch's form, v ← μ·v + g, with the
 * learning rate applied at the update (not v ← μ·v − lr·g; w ← w + v, which agrees only while
 * lr is constant).
 */
public final class SGD extends StatefulOptimizer {
    private final double momentum;
    private final double dampening;
    private final double weightDecay;
    private final boolean nesterov;

    public SGD(List<Parameter> params, double lr, double momentum, double dampening, double weightDecay,
            boolean nesterov) {
        super(params, lr);
        if (nesterov && (momentum <= 0.0 || dampening != 0.0)) {
            throw new IllegalArgumentException("SGD: Nesterov momentum requires a momentum > 0 and zero dampening");
        }
        this.momentum = momentum;
        this.dampening = dampening;
        this.weightDecay = weightDecay;
        this.nesterov = nesterov;
    }

    /**
     * <pre>
     *   d ← g + λ·w
     *   v ← d                      on the first step (no dampening)
     *   v ← μ·v + (1 − τ)·d        afterwards          (state "momentum_buffer", only when μ ≠ 0)
     *   d ← d + μ·v  (Nesterov)  or  d ← v
     *   w ← w − lr·d
     * </pre>
     */
    @Override
    public void step() {
        for (Parameter p : parameters()) {
            Tensor d = withWeightDecay(p.grad(), p.value(), weightDecay);
            if (momentum != 0.0) {
                Map<String, Tensor> s = state(p);
                Tensor old = s.get("momentum_buffer");
                Tensor v = old == null ? d.copy() : old.mul(momentum).add(d.mul(1.0 - dampening));
                s.put("momentum_buffer", v);
                d = nesterov ? d.add(v.mul(momentum)) : v;
            }
            p.value().addScaledInPlace(-learningRate(), d);
        }
    }
}
