package losses;

import org.gradlab.core.Loss;
import org.gradlab.core.Reduction;
import org.gradlab.core.Tensor;

/**
 * Binary cross-entropy on probabilities x ∈ [0, 1] with targets t ∈ [0, 1]:
 * −(t·log x + (1 − t)·log(1 − x)) per element.
 */
public final class BCELoss implements Loss {
    // As in PyTorch: logs clamped so x = 0 or 1 gives a large finite loss, not infinity.
    private static final double LOG_FLOOR = -100.0;
    private static final double EPSILON = 1e-12;

    private final Reduction reduction;
    private Tensor input;
    private Tensor target;

    public BCELoss(Reduction reduction) {
        this.reduction = reduction;
    }

    /** Σ of the per-element losses (SUM), or their mean over all elements (MEAN). */
    @Override
    public double forward(Tensor input, Tensor target) {
        LossSupport.requireSameShape("BCELoss", input, target);
        this.input = input.copy();
        this.target = target.copy();
        Tensor logX = input.log().maximum(LOG_FLOOR);
        Tensor log1mX = input.rsub(1.0).log().maximum(LOG_FLOOR);
        Tensor perElement = target.mul(logX).add(target.rsub(1.0).mul(log1mX)).neg();
        return LossSupport.reduce(reduction, perElement.sumAll(), input.numel());
    }

    /** dL/dx = (x − t) / (x·(1 − x)), divided by the number of elements for MEAN. */
    @Override
    public Tensor backward() {
        LossSupport.requireForward("BCELoss", input);
        Tensor denominator = input.mul(input.rsub(1.0)).maximum(EPSILON);
        return LossSupport.reduceGradient(reduction, input.sub(target).div(denominator), input.numel());
    }
}
