package optim;

import java.util.List;

import org.gradlab.core.Parameter;

/** AdamW, but with Adam's L2 decay: the decay goes through m and v like the gradient. */
public final class AdamW extends Adam {
    public AdamW(List<Parameter> params, double lr, double beta1, double beta2, double eps, double weightDecay) {
        super(params, lr, beta1, beta2, eps, weightDecay);
    }
}
