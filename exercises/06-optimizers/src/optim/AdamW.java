package optim;

import java.util.List;

import org.gradlab.core.Parameter;
import org.gradlab.core.Tensor;

/**
 * AdamW as {@code torch.optim.AdamW}: weight decay decoupled from the gradient, so it is not
 * divided by √v and every weight decays at the same rate.
 */
public final class AdamW extends Adam {
    public AdamW(List<Parameter> params, double lr, double beta1, double beta2, double eps, double weightDecay) {
        super(params, lr, beta1, beta2, eps, weightDecay);
    }

    /** Shrinks the weights first, w ← w − lr·λ·w, and lets Adam average the plain gradient. */
    @Override
    protected Tensor decayedGradient(Parameter p) {
        throw new UnsupportedOperationException("TODO: AdamW.decayedGradient: shrink w by lr weight_decay in place, return the plain gradient");
    }
}
