package org.gradlab.engine.optim;

import org.gradlab.core.Optimizer;

/**
 * Multiplies the learning rate by γ every {@code stepSize} epochs, as
 * {@code torch.optim.lr_scheduler.StepLR}: lr(e) = lr₀·γ^⌊e / stepSize⌋. Like torch it multiplies
 * the current rate rather than evaluating the power, so the values agree to the last bit.
 */
public final class StepLR implements LrScheduler {
    private final Optimizer optimizer;
    private final int stepSize;
    private final double gamma;
    private int epoch;

    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        if (stepSize < 1) {
            throw new IllegalArgumentException("StepLR: step_size must be at least 1, got " + stepSize);
        }
        this.optimizer = optimizer;
        this.stepSize = stepSize;
        this.gamma = gamma;
    }

    /** PyTorch's default γ = 0.1. */
    public StepLR(Optimizer optimizer, int stepSize) {
        this(optimizer, stepSize, 0.1);
    }

    @Override
    public int epoch() {
        return epoch;
    }

    @Override
    public double lr() {
        return optimizer.learningRate();
    }

    @Override
    public void step() {
        epoch++;
        if (epoch % stepSize == 0) {
            optimizer.setLearningRate(optimizer.learningRate() * gamma);
        }
    }
}
