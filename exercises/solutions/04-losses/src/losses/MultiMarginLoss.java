package losses;

import org.gradlab.core.Loss;
import org.gradlab.core.Reduction;
import org.gradlab.core.Tensor;

/**
 * Multi-class hinge loss (PyTorch's MultiMarginLoss with p = 1) for logits x (N, C) and class
 * indices y (N): Σ_{i≠y} max(0, margin − x_y + x_i) / C per sample, folded over the N samples.
 */
public final class MultiMarginLoss implements Loss {
    private final double margin;
    private final Reduction reduction;
    private Tensor active; // 1 where i ≠ y and the margin is violated, (N, C)
    private Tensor oneHot;

    public MultiMarginLoss(double margin, Reduction reduction) {
        this.margin = margin;
        this.reduction = reduction;
    }

    /** Σ_n Σ_{i≠y_n} max(0, margin − x_n,y + x_n,i) / C (SUM), or its mean over the N samples (MEAN). */
    @Override
    public double forward(Tensor input, Tensor target) {
        oneHot = LossSupport.oneHot("MultiMarginLoss", input, target);
        int classes = input.size(1);
        Tensor targetLogit = input.mul(oneHot).sum(1, true);
        Tensor z = input.sub(targetLogit).add(margin);
        active = z.gt(0.0).mul(oneHot.rsub(1.0));
        return LossSupport.reduce(reduction, z.mul(active).sumAll() / classes, input.size(0));
    }

    /** dL/dx_i = 1/C for each violating i ≠ y, dL/dx_y = −(number of violators)/C; divided by N for MEAN. */
    @Override
    public Tensor backward() {
        LossSupport.requireForward("MultiMarginLoss", active);
        Tensor perSum = active.sub(oneHot.mul(active.sum(1, true))).div(active.size(1));
        return LossSupport.reduceGradient(reduction, perSum, active.size(0));
    }
}
