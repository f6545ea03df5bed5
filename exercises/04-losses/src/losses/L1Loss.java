package losses;

import org.gradlab.core.Loss;
import org.gradlab.core.Reduction;
import org.gradlab.core.Tensor;

/**
 * Mean absolute error: |x − t| per element, folded by the reduction over all elements.
 */
public final class L1Loss implements Loss {
    private final Reduction reduction;
    // add the fields backward needs

    public L1Loss(Reduction reduction) {
        this.reduction = reduction;
    }

    /**
     * Returns Σ |x − t| over all elements (SUM), or that sum divided by the number of elements (MEAN).
     */
    @Override
    public double forward(Tensor input, Tensor target) {
        throw new UnsupportedOperationException("TODO: L1Loss.forward: sum or mean of |x - t|");
    }

    /**
     * Returns dL/dx = sign(x − t) (0 where x = t, as in PyTorch), divided by the number of elements for MEAN.
     */
    @Override
    public Tensor backward() {
        throw new UnsupportedOperationException("TODO: L1Loss.backward: sign(x - t), scaled like the loss");
    }
}
