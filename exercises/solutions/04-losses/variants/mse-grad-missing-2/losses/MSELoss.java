package losses;

import org.gradlab.core.Loss;
import org.gradlab.core.Reduction;
import org.gradlab.core.Tensor;

/** Mean squared error: (x − t)² per element, folded by the reduction over all elements. */
public final class MSELoss implements Loss {
    private final Reduction reduction;
    private Tensor diff; // x − t of the last forward

    public MSELoss(Reduction reduction) {
        this.reduction = reduction;
    }

    /** Σ (x − t)² over all elements (SUM), or that sum divided by the number of elements (MEAN). */
    @Override
    public double forward(Tensor input, Tensor target) {
        LossSupport.requireSameShape("MSELoss", input, target);
        diff = input.sub(target);
        return LossSupport.reduce(reduction, diff.square().sumAll(), diff.numel());
    }

    /** dL/dx = (x − t), divided by the number of elements for MEAN. */
    @Override
    public Tensor backward() {
        LossSupport.requireForward("MSELoss", diff);
        return LossSupport.reduceGradient(reduction, diff, diff.numel());
    }
}
