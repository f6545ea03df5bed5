package losses;

import org.gradlab.core.Loss;
import org.gradlab.core.Reduction;
import org.gradlab.core.Tensor;

/**
 * Binary cross-entropy on logits: the loss of BCELoss applied to σ(x), fused into one numerically
 * stable formula that stays finite and correct for logits of ±1000 (where log σ(x) would be log 0).
 */
public final class BCEWithLogitsLoss implements Loss {
    private final Reduction reduction;
    // add the fields backward needs

    public BCEWithLogitsLoss(Reduction reduction) {
        this.reduction = reduction;
    }

    /**
     * Returns the sum (SUM) or the mean over all elements (MEAN) of −(t·log σ(x) + (1 − t)·log(1 − σ(x))),
     * computed stably, e.g. as max(x, 0) − x·t + log(1 + e^−|x|).
     */
    @Override
    public double forward(Tensor input, Tensor target) {
        throw new UnsupportedOperationException("TODO: BCEWithLogitsLoss.forward: stable max(x, 0) - x t + log(1 + exp(-|x|))");
    }

    /**
     * Returns dL/dx = σ(x) − t (σ computed without overflow), divided by the number of elements for MEAN.
     */
    @Override
    public Tensor backward() {
        throw new UnsupportedOperationException("TODO: BCEWithLogitsLoss.backward: sigmoid(x) - t, scaled like the loss");
    }
}
