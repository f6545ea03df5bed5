package losses;

import org.gradlab.core.Loss;
import org.gradlab.core.Reduction;
import org.gradlab.core.Tensor;

/**
 * Mean squared error: (x − t)² per element, folded by the reduction over all elements.
 */
public final class MSELoss implements Loss {
    private final Reduction reduction;
    // add the fields backward needs (e.g. x − t of the last forward)

    public MSELoss(Reduction reduction) {
        this.reduction = reduction;
    }

    /**
     * Returns Σ (x − t)² over all elements (SUM), or that sum divided by the number of elements (MEAN),
     * and caches what {@link #backward()} needs. Use {@code LossSupport.reduce}.
     */
    @Override
    public double forward(Tensor input, Tensor target) {
        throw new UnsupportedOperationException("TODO: MSELoss.forward: sum or mean of (x - t)^2");
    }

    /**
     * Returns dL/dx for the last forward: 2·(x − t), divided by the number of elements for MEAN.
     * Must not change the cache: calling it twice gives the same tensor.
     */
    @Override
    public Tensor backward() {
        throw new UnsupportedOperationException("TODO: MSELoss.backward: 2 (x - t), scaled like the loss");
    }
}
