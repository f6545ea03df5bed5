package optim;

import java.util.List;
import java.util.Map;

import org.gradlab.core.Parameter;
import org.gradlab.core.Tensor;

/** RMSprop as {@code torch.optim.RMSprop} (not centered): divides the gradient by a running RMS. */
public final class RMSprop extends StatefulOptimizer {
    private final double alpha;
    private final double eps;
    private final double weightDecay;
    private final double momentum;

    public RMSprop(List<Parameter> params, double lr, double alpha, double eps, double weightDecay, double momentum) {
        super(params, lr);
        this.alpha = alpha;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.momentum = momentum;
    }

    /**
     * <pre>
     *   d ← g + λ·w
     *   s ← α·s + (1 − α)·d²               state "square_avg" (the RMS cache), starts at 0
     *   b ← μ·b + d/(√s + ε); w ← w − lr·b  with momentum (state "momentum_buffer", starts at 0)
     *   w ← w − lr·d/(√s + ε)              without
     * </pre>
     * and t in state "step".
     */
    @Override
    public void step() {
        for (Parameter p : parameters()) {
            Map<String, Tensor> s = state(p);
            nextStep(s);
            Tensor d = withWeightDecay(p.grad(), p.value(), weightDecay);
            Tensor old = s.get("square_avg");
            Tensor sq = d.square().mul(1.0 - alpha);
            sq = old == null ? sq : old.mul(alpha).add(sq);
            s.put("square_avg", sq);
            Tensor update = d.div(sq.sqrt().add(eps));
            if (momentum > 0.0) {
                Tensor oldBuf = s.get("momentum_buffer");
                update = oldBuf == null ? update : oldBuf.mul(momentum).add(update);
                s.put("momentum_buffer", update);
            }
            p.value().addScaledInPlace(-learningRate(), update);
        }
    }
}
