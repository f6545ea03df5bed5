package org.gradlab.engine.optim;

/**
 * Changes an optimizer's learning rate between epochs, as {@code torch.optim.lr_scheduler}: call
 * {@link #step()} once at the end of each epoch (after the optimizer's steps).
 */
public interface LrScheduler {
    /** The epoch the schedule is at: 0 until the first {@link #step()}. */
    int epoch();

    /** The learning rate for the current epoch (the optimizer's rate now). */
    double lr();

    /** Ends the epoch: advances to the next one and sets the optimizer's learning rate for it. */
    void step();
}
