package losses;

import org.gradlab.core.Loss;
import org.gradlab.core.Reduction;
import org.gradlab.core.Tensor;

/**
 * Binary cross-entropy on probabilities x ∈ [0, 1] with targets t ∈ [0, 1]:
 * −(t·log x + (1 − t)·log(1 − x)) per element. As in PyTorch, clamp each log to ≥ −100.
 */
public final class BCELoss implements Loss {
    private final Reduction reduction;
    // add the fields backward needs

    public BCELoss(Reduction reduction) {
        this.reduction = reduction;
    }

    /**
     * Returns the sum (SUM) or the mean over all elements (MEAN) of the per-element losses.
     * The caller may change {@code input} afterwards: copy what backward needs.
     */
    @Override
    public double forward(Tensor input, Tensor target) {
        throw new UnsupportedOperationException("TODO: BCELoss.forward: -(t log x + (1 - t) log(1 - x)), summed or averaged");
    }

    /**
     * Returns dL/dx = (x − t) / (x·(1 − x)), divided by the number of elements for MEAN.
     */
    @Override
    public Tensor backward() {
        throw new UnsupportedOperationException("TODO: BCELoss.backward: (x - t) / (x (1 - x)), scaled like the loss");
    }
}
