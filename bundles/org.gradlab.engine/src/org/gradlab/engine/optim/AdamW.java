package org.gradlab.engine.optim;

import java.util.List;

import org.gradlab.core.Parameter;

/**
 * AdamW as {@code torch.optim.AdamW}: weight decay is decoupled from the gradient. Each step first
 * shrinks the weights, w ← w − lr·λ·w, then takes a plain {@link Adam} step on g. Unlike L2 decay
 * inside Adam, the decay is not divided by √v, so every weight decays at the same rate.
 */
public final class AdamW extends Adam {
    /** PyTorch's defaults: β = (0.9, 0.999), ε = 1e-8, weight decay 0.01. */
    public AdamW(List<Parameter> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 0.01);
    }

    public AdamW(List<Parameter> params, double lr, double beta1, double beta2, double eps, double weightDecay) {
        super("AdamW", params, lr, beta1, beta2, eps, weightDecay, true);
    }
}
