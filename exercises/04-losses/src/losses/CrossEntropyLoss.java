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
    // add the fields backward needs (e.g. the softmax and the one-hot targets)

    public CrossEntropyLoss(Reduction reduction) {
        this.reduction = reduction;
    }

    /**
     * Returns Σ_n −log softmax(x_n)[y_n] (SUM) or its mean over the N samples (MEAN). Compute
     * log-softmax stably (subtract each row's maximum first): logits of ±1000 must give a finite,
     * correct loss. {@code LossSupport.oneHot} turns the targets into an (N, C) matrix.
     */
    @Override
    public double forward(Tensor input, Tensor target) {
        throw new UnsupportedOperationException("TODO: CrossEntropyLoss.forward: -log softmax(x)[y] with a stable log-softmax, summed or averaged over N");
    }

    /**
     * Returns dL/dx = softmax(x) − onehot(y), divided by N for MEAN.
     */
    @Override
    public Tensor backward() {
        throw new UnsupportedOperationException("TODO: CrossEntropyLoss.backward: softmax(x) - onehot(y), scaled like the loss");
    }
}
