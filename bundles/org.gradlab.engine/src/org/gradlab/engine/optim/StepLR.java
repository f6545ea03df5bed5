package org.gradlab.engine.optim;

import org.gradlab.core.Optimizer;

/**
 * Multiplies the learning rate by γ every {@code stepSize} epochs, as
 * {@code torch.optim.lr_scheduler.StepLR}: lr(e) = lr₀·γ^⌊e / stepSize⌋. Like torch it multiplies
 * the current rate rather than evaluating the power, so the values agree to the last bit.
 */
public final class StepLR extends EpochScheduler {
    private final int stepSize;
    private final double gamma;

    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        super(optimizer);
        this.stepSize = atLeastOne("StepLR", "step_size", stepSize);
        this.gamma = gamma;
    }

    /** PyTorch's default γ = 0.1. */
    public StepLR(Optimizer optimizer, int stepSize) {
        this(optimizer, stepSize, 0.1);
    }

    @Override
    double nextLr(int epoch, double lr) {
        return epoch % stepSize == 0 ? lr * gamma : lr;
    }
}
