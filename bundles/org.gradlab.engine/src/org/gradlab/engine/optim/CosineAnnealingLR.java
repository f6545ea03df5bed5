package org.gradlab.engine.optim;

import org.gradlab.core.Optimizer;

/**
 * Cosine annealing without restarts, as {@code torch.optim.lr_scheduler.CosineAnnealingLR}:
 * <pre>
 *   lr(e) = η_min + (lr₀ − η_min)·(1 + cos(π·e / T_max)) / 2
 * </pre>
 * falling from lr₀ at epoch 0 to η_min at T_max and, past T_max, rising again along the same
 * cosine (period 2·T_max). Like torch it applies the recursive form of this formula (each rate
 * from the previous one), so the values agree with torch's to rounding.
 */
public final class CosineAnnealingLR extends EpochScheduler {
    private final int tMax;
    private final double etaMin;
    private final double baseLr;

    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        super(optimizer);
        this.tMax = atLeastOne("CosineAnnealingLR", "T_max", tMax);
        this.etaMin = etaMin;
        this.baseLr = optimizer.learningRate();
    }

    /** PyTorch's default η_min = 0. */
    public CosineAnnealingLR(Optimizer optimizer, int tMax) {
        this(optimizer, tMax, 0.0);
    }

    @Override
    double nextLr(int epoch, double lr) {
        if (Math.floorMod(epoch - 1 - tMax, 2 * tMax) == 0) {
            // leaving a minimum: the ratio form below would divide by 1 + cos(π) = 0
            return lr + (baseLr - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
        }
        return (1 + Math.cos(Math.PI * epoch / tMax)) / (1 + Math.cos(Math.PI * (epoch - 1) / tMax))
                * (lr - etaMin) + etaMin;
    }
}
