package org.gradlab.engine.ops;

import java.util.Map;
import java.util.function.Function;

import org.gradlab.core.Loss;
import org.gradlab.core.Reduction;
import org.gradlab.core.Tensor;
import org.gradlab.engine.loss.BCELoss;
import org.gradlab.engine.loss.BCEWithLogitsLoss;
import org.gradlab.engine.loss.CrossEntropyLoss;
import org.gradlab.engine.loss.L1Loss;
import org.gradlab.engine.loss.MSELoss;
import org.gradlab.engine.loss.MultiMarginLoss;

/**
 * Registers the losses. Each case has inputs "input" and "target", a 0-d grad_output that scales
 * the gradient, and a 0-d output; only "input" gets a gradient.
 */
final class LossOps {
    private LossOps() {
    }

    static void register(OpRegistry r) {
        loss(r, "mse_loss", MSELoss::new);
        loss(r, "l1_loss", L1Loss::new);
        loss(r, "binary_cross_entropy", BCELoss::new);
        loss(r, "binary_cross_entropy_with_logits", BCEWithLogitsLoss::new);
        loss(r, "cross_entropy", CrossEntropyLoss::new);
        r.tensor("multi_margin_loss", (attrs, in, g) -> run(new MultiMarginLoss(attrs.real("margin", 1.0),
                attrs.integer("p", 1), reduction(attrs)), in, g));
    }

    private static void loss(OpRegistry r, String name, Function<Reduction, Loss> factory) {
        r.tensor(name, (attrs, in, g) -> run(factory.apply(reduction(attrs)), in, g));
    }

    private static Reduction reduction(Attrs attrs) {
        return Reduction.parse(attrs.string("reduction", "mean"));
    }

    private static OpResult run(Loss loss, Inputs in, Tensor gradOutput) {
        Tensor input = in.get("input");
        double value = loss.forward(input, in.get("target"));
        Tensor grad = loss.backward().mul(gradOutput.item());
        return new OpResult(Tensor.scalar(input.dtype(), value), Map.of("input", grad));
    }
}
