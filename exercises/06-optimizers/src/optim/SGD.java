package optim;

import java.util.List;

import org.gradlab.core.Parameter;

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
        throw new UnsupportedOperationException("TODO: SGD.step: L2 decay, velocity v = momentum v + (1 - dampening) d (v = d on the first step), optional Nesterov, w -= lr d");
    }
}
