package losses;

import org.gradlab.core.Loss;
import org.gradlab.core.Reduction;
import org.gradlab.core.Tensor;

/** Mean absolute error: |x − t| per element, folded by the reduction over all elements. */
public final class L1Loss implements Loss {
    private final Reduction reduction;
    private Tensor diff; // x − t of the last forward

    public L1Loss(Reduction reduction) {
        this.reduction = reduction;
    }

    /** Σ |x − t| over all elements (SUM), or that sum divided by the number of elements (MEAN). */
    @Override
    public double forward(Tensor input, Tensor target) {
        LossSupport.requireSameShape("L1Loss", input, target);
        diff = input.sub(target);
        return LossSupport.reduce(reduction, diff.abs().sumAll(), diff.numel());
    }

    /** dL/dx = sign(x − t) (0 where x = t, as in PyTorch), divided by the number of elements for MEAN. */
    @Override
    public Tensor backward() {
        LossSupport.requireForward("L1Loss", diff);
        return LossSupport.reduceGradient(reduction, diff.sign(), diff.numel());
    }
}
