package optim;

import org.gradlab.core.Optimizer;

/**
 * Multiplies the optimizer's learning rate by γ every {@code stepSize} epochs, as
 * {@code torch.optim.lr_scheduler.StepLR}: lr(e) = lr₀·γ^⌊e / stepSize⌋, where lr₀ is the
 * optimizer's rate when the schedule is built. Call {@link #step()} once at the end of each epoch.
 */
public final class StepLR {
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

    /** Ends an epoch: counts it and sets the optimizer's learning rate for the next one. */
    public void step() {
        epoch++;
        if (epoch % stepSize == 0) {
            // multiply rather than take the power: the rates agree with torch's to the last bit
            optimizer.setLearningRate(optimizer.learningRate() * gamma);
        }
    }

    /** The learning rate of the current epoch (the optimizer's rate). */
    public double lr() {
        return optimizer.learningRate();
    }
}
