package org.gradlab.engine.ops;

import static org.gradlab.engine.ops.OpSupport.run;

import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.nn.ELU;
import org.gradlab.engine.nn.LeakyReLU;
import org.gradlab.engine.nn.Linear;
import org.gradlab.engine.nn.LogSoftmax;
import org.gradlab.engine.nn.Maxout;
import org.gradlab.engine.nn.PReLU;
import org.gradlab.engine.nn.ReLU;
import org.gradlab.engine.nn.Sigmoid;
import org.gradlab.engine.nn.Softmax;
import org.gradlab.engine.nn.Tanh;

/** Registers linear and the activation ops: each builds the engine layer and runs forward and backward once. */
final class ActivationOps {
    private ActivationOps() {
    }

    static void register(OpRegistry r) {
        r.tensor("linear", (attrs, in, g) -> {
            Tensor weight = in.get("weight", 2);
            Tensor bias = in.optional("bias");
            // The random init is overwritten by the given weights; any seed will do.
            Linear layer = new Linear(weight.dtype(), weight.size(1), weight.size(0), bias != null, new Rng(0));
            OpSupport.loadWeightAndBias("linear", layer.weight(), layer.bias(), in);
            return run(layer, in.get("input"), g);
        });
        r.tensor("relu", (attrs, in, g) -> run(new ReLU(), in.get("input"), g));
        r.tensor("sigmoid", (attrs, in, g) -> run(new Sigmoid(), in.get("input"), g));
        r.tensor("tanh", (attrs, in, g) -> run(new Tanh(), in.get("input"), g));
        r.tensor("leaky_relu", (attrs, in, g) ->
                run(new LeakyReLU(attrs.real("negative_slope", 0.01)), in.get("input"), g));
        r.tensor("elu", (attrs, in, g) -> run(new ELU(attrs.real("alpha", 1.0)), in.get("input"), g));
        r.tensor("prelu", (attrs, in, g) -> {
            Tensor weight = in.get("weight", 1);
            PReLU layer = new PReLU(weight.dtype(), weight.numel(), 0.25);
            OpSupport.load("prelu", "weight", layer.weight().value(), weight);
            return run(layer, in.get("input"), g);
        });
        r.tensor("softmax", (attrs, in, g) -> run(new Softmax(attrs.integer("dim")), in.get("input"), g));
        r.tensor("log_softmax", (attrs, in, g) -> run(new LogSoftmax(attrs.integer("dim")), in.get("input"), g));
        r.tensor("maxout", (attrs, in, g) -> run(new Maxout(attrs.integer("pieces")), in.get("input"), g));
    }
}
