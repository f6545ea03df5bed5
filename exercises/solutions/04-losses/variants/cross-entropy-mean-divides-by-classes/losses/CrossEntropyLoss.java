package losses;

import org.gradlab.core.Loss;
import org.gradlab.core.Reduction;
import org.gradlab.core.Tensor;

/**
 * Cross-entropy for logits x (N, C) and class indices y (N, stored as doubles):
 * −log softmax(x_n)[y_n] per sample, folded by the reduction over the N samples.
 */
public final class CrossEntropyLoss implements Loss {
    private final Reduction reduction;
    private Tensor probs;  // softmax of the last forward, (N, C)
    private Tensor oneHot; // the targets as (N, C)

    public CrossEntropyLoss(Reduction reduction) {
        this.reduction = reduction;
    }

    /** Σ_n −log softmax(x_n)[y_n] (SUM) or its mean over all logits (MEAN); finite for logits of ±1000. */
    @Override
    public double forward(Tensor input, Tensor target) {
        oneHot = LossSupport.oneHot("CrossEntropyLoss", input, target);
        // log-softmax with each row's maximum subtracted: exp never sees a positive number
        Tensor shifted = input.sub(input.max(1, true));
        Tensor logProbs = shifted.sub(shifted.exp().sum(1, true).log());
        probs = logProbs.exp();
        return LossSupport.reduce(reduction, -logProbs.mul(oneHot).sumAll(), input.numel());
    }

    /** dL/dx = softmax(x) − onehot(y), divided by the number of logits for MEAN. */
    @Override
    public Tensor backward() {
        LossSupport.requireForward("CrossEntropyLoss", probs);
        return LossSupport.reduceGradient(reduction, probs.sub(oneHot), probs.numel());
    }
}
