package org.gradlab.engine.optim;

import org.gradlab.core.Optimizer;

/**
 * What StepLR and CosineAnnealingLR share: the optimizer whose rate they set and the epoch count.
 * Like torch's schedulers they compute each epoch's rate from the previous one (the "chainable"
 * form), which keeps their values equal to torch's to the last bit.
 */
abstract class EpochScheduler implements LrScheduler {
    final Optimizer optimizer;
    private int epoch;

    EpochScheduler(Optimizer optimizer) {
        this.optimizer = optimizer;
    }

    /** Checks a period setting (step_size, T_max). */
    static int atLeastOne(String scheduler, String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(scheduler + ": " + name + " must be at least 1, got " + value);
        }
        return value;
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
    public final void step() {
        epoch++;
        optimizer.setLearningRate(nextLr(epoch, optimizer.learningRate()));
    }

    /** The rate for {@code epoch}, which has just begun, given the rate of the epoch before. */
    abstract double nextLr(int epoch, double lr);
}
