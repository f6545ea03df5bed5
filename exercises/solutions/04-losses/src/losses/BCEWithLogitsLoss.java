package losses;

import org.gradlab.core.Loss;
import org.gradlab.core.Reduction;
import org.gradlab.core.Tensor;

/**
 * Binary cross-entropy on logits, fused with the sigmoid: −(t·log σ(x) + (1 − t)·log(1 − σ(x)))
 * computed as max(x, 0) − x·t + log(1 + e^−|x|), which never exponentiates a positive number and
 * so stays finite for logits of ±1000 (log σ(x) itself would be log 0 there).
 */
public final class BCEWithLogitsLoss implements Loss {
    private final Reduction reduction;
    private Tensor input;
    private Tensor target;

    public BCEWithLogitsLoss(Reduction reduction) {
        this.reduction = reduction;
    }

    /** Σ of the per-element losses (SUM), or their mean over all elements (MEAN). */
    @Override
    public double forward(Tensor input, Tensor target) {
        LossSupport.requireSameShape("BCEWithLogitsLoss", input, target);
        this.input = input.copy();
        this.target = target.copy();
        Tensor softplusOfMinusAbs = input.abs().neg().exp().map(Math::log1p);
        Tensor perElement = input.maximum(0.0).sub(input.mul(target)).add(softplusOfMinusAbs);
        return LossSupport.reduce(reduction, perElement.sumAll(), input.numel());
    }

    /** dL/dx = σ(x) − t, divided by the number of elements for MEAN. */
    @Override
    public Tensor backward() {
        LossSupport.requireForward("BCEWithLogitsLoss", input);
        // σ(x) from e^−|x| ≤ 1 on both sides, so neither branch overflows
        Tensor e = input.abs().neg().exp();
        Tensor sigmoid = Tensor.where(input.ge(0.0), e.add(1.0).reciprocal(), e.div(e.add(1.0)));
        return LossSupport.reduceGradient(reduction, sigmoid.sub(target), input.numel());
    }
}
