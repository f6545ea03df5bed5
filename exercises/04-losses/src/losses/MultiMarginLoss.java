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
    // add the fields backward needs

    public MultiMarginLoss(double margin, Reduction reduction) {
        this.margin = margin;
        this.reduction = reduction;
    }

    /**
     * Returns Σ_n Σ_{i≠y_n} max(0, margin − x_n,y + x_n,i) / C (SUM), or its mean over the N samples (MEAN).
     * Note the division by C (the number of classes) inside each sample's loss, as in PyTorch.
     */
    @Override
    public double forward(Tensor input, Tensor target) {
        throw new UnsupportedOperationException("TODO: MultiMarginLoss.forward: sum over i != y of max(0, margin - x_y + x_i) / C, summed or averaged over N");
    }

    /**
     * Returns dL/dx: 1/C at each i ≠ y whose margin is violated, −(number of violators)/C at y; divided by N
     * for MEAN.
     */
    @Override
    public Tensor backward() {
        throw new UnsupportedOperationException("TODO: MultiMarginLoss.backward: the hinge's gradient, scaled like the loss");
    }
}
