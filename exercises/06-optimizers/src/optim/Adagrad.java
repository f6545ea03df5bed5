package optim;

import java.util.List;

import org.gradlab.core.Parameter;

/** Adagrad as {@code torch.optim.Adagrad}: each coordinate's step shrinks with its squared gradients so far. */
public final class Adagrad extends StatefulOptimizer {
    private final double lrDecay;
    private final double weightDecay;
    private final double eps;

    public Adagrad(List<Parameter> params, double lr, double lrDecay, double weightDecay, double eps) {
        super(params, lr);
        this.lrDecay = lrDecay;
        this.weightDecay = weightDecay;
        this.eps = eps;
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
        throw new UnsupportedOperationException("TODO: Adagrad.step: decayed lr, sum of squared gradients, step; w -= lr_t d / (sqrt(S) + eps)");
    }
}
