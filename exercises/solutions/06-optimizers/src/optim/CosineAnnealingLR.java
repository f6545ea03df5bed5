package optim;

import org.gradlab.core.Optimizer;

/**
 * Cosine annealing without restarts, as {@code torch.optim.lr_scheduler.CosineAnnealingLR}:
 * lr(e) = η_min + (lr₀ − η_min)·(1 + cos(π·e / T_max)) / 2, where lr₀ is the optimizer's rate
 * when the schedule is built. Past T_max the same cosine rises again (no clamping). Call
 * {@link #step()} once at the end of each epoch.
 */
public final class CosineAnnealingLR {
    private final Optimizer optimizer;
    private final int tMax;
    private final double etaMin;
    private final double baseLr;
    private int epoch;

    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        if (tMax < 1) {
            throw new IllegalArgumentException("CosineAnnealingLR: T_max must be at least 1, got " + tMax);
        }
        this.optimizer = optimizer;
        this.tMax = tMax;
        this.etaMin = etaMin;
        this.baseLr = optimizer.learningRate();
    }

    /** Ends an epoch: counts it and sets the optimizer's learning rate for the next one. */
    public void step() {
        epoch++;
        optimizer.setLearningRate(etaMin + (baseLr - etaMin) * (1 + Math.cos(Math.PI * epoch / tMax)) / 2);
    }

    /** The learning rate of the current epoch (the optimizer's rate). */
    public double lr() {
        return optimizer.learningRate();
    }
}
