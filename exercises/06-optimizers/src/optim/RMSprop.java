package optim;

import java.util.List;

import org.gradlab.core.Parameter;

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
        throw new UnsupportedOperationException("TODO: RMSprop.step: square_avg, optional momentum_buffer, step; w -= lr d / (sqrt(s) + eps)");
    }
}
