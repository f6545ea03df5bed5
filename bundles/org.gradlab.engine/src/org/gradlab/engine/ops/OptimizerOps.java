package org.gradlab.engine.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.gradlab.core.Optimizer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Tensor;
import org.gradlab.engine.optim.Adagrad;
import org.gradlab.engine.optim.Adam;
import org.gradlab.engine.optim.AdamW;
import org.gradlab.engine.optim.CosineAnnealingLR;
import org.gradlab.engine.optim.LrScheduler;
import org.gradlab.engine.optim.RMSprop;
import org.gradlab.engine.optim.SGD;
import org.gradlab.engine.optim.StepLR;

/** Registers the optimizers ({@code torch.optim} names, lower case) and learning-rate schedules. */
final class OptimizerOps {
    private OptimizerOps() {
    }

    static void register(OpRegistry r) {
        r.optimizer("sgd", (a, param, grads) -> {
            unsupported(a, "maximize");
            return run(param, grads, ps -> new SGD(ps, a.real("lr"), a.real("momentum", 0.0),
                    a.real("dampening", 0.0), a.real("weight_decay", 0.0), a.bool("nesterov", false)));
        });
        r.optimizer("rmsprop", (a, param, grads) -> run(param, grads, ps -> new RMSprop(ps, a.real("lr"),
                a.real("alpha", 0.99), a.real("eps", 1e-8), a.real("weight_decay", 0.0), a.real("momentum", 0.0),
                a.bool("centered", false))));
        r.optimizer("adagrad", (a, param, grads) -> run(param, grads, ps -> new Adagrad(ps, a.real("lr"),
                a.real("lr_decay", 0.0), a.real("weight_decay", 0.0), a.real("initial_accumulator_value", 0.0),
                a.real("eps", 1e-10))));
        r.optimizer("adam", (a, param, grads) -> {
            unsupported(a, "amsgrad");
            double[] b = betas(a);
            return run(param, grads, ps -> new Adam(ps, a.real("lr"), b[0], b[1], a.real("eps", 1e-8),
                    a.real("weight_decay", 0.0)));
        });
        r.optimizer("adamw", (a, param, grads) -> {
            unsupported(a, "amsgrad");
            double[] b = betas(a);
            return run(param, grads, ps -> new AdamW(ps, a.real("lr"), b[0], b[1], a.real("eps", 1e-8),
                    a.real("weight_decay", 0.01)));
        });

        r.schedule("step_lr", a -> lrs(a, o -> new StepLR(o, a.integer("step_size"), a.real("gamma", 0.1))));
        r.schedule("cosine_annealing_lr",
                a -> lrs(a, o -> new CosineAnnealingLR(o, a.integer("T_max"), a.real("eta_min", 0.0))));
    }

    /** Steps a fresh optimizer over a copy of {@code param}, one gradient per step, like torch's loop. */
    private static List<Tensor> run(Tensor param, List<Tensor> grads, Function<List<Parameter>, Optimizer> make) {
        Parameter p = new Parameter("param", param.copy());
        Optimizer optimizer = make.apply(List.of(p));
        List<Tensor> after = new ArrayList<>();
        for (Tensor g : grads) {
            p.zeroGrad();
            p.accumulateGrad(g.to(param.dtype()));
            optimizer.step();
            after.add(p.value().copy());
        }
        return after;
    }

    /** The rate used in epochs 0 … epochs−1, read before each epoch's scheduler step as torch's loop does. */
    private static double[] lrs(Attrs a, Function<Optimizer, LrScheduler> make) {
        Parameter dummy = new Parameter("dummy", Tensor.zeros(1));
        LrScheduler schedule = make.apply(new SGD(List.of(dummy), a.real("lr")));
        int epochs = a.integer("epochs");
        if (epochs < 0) {
            throw new IllegalArgumentException(a.op() + ": attribute 'epochs' must be >= 0, got " + epochs);
        }
        double[] out = new double[epochs];
        for (int e = 0; e < out.length; e++) {
            out[e] = schedule.lr();
            schedule.step();
        }
        return out;
    }

    private static double[] betas(Attrs a) {
        double[] b = a.reals("betas", new double[] {0.9, 0.999});
        if (b.length != 2) {
            throw new IllegalArgumentException(a.op() + ": attribute 'betas' expected two numbers [beta1, beta2], got "
                    + b.length);
        }
        return b;
    }

    /** Flags the reference engine leaves out: accepted when false, a clear error when true. */
    private static void unsupported(Attrs a, String flag) {
        if (a.bool(flag, false)) {
            throw new UnsupportedOperationException(a.op() + ": " + flag + "=true is not supported (only false)");
        }
    }
}
