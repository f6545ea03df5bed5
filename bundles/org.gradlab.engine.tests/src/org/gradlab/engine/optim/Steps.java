package org.gradlab.engine.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.gradlab.core.DType;
import org.gradlab.core.Optimizer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Tensor;

/** Drives an optimizer over one parameter with given gradients, like a training loop would. */
final class Steps {
    private Steps() {
    }

    /** The parameter's values after each step, one gradient per step. */
    static List<double[]> run(DType dtype, Function<List<Parameter>, Optimizer> make, double[] w0, double[]... grads) {
        Parameter p = new Parameter("w", Tensor.of(dtype, w0, w0.length));
        Optimizer opt = make.apply(List.of(p));
        List<double[]> out = new ArrayList<>();
        for (double[] g : grads) {
            p.zeroGrad();
            p.accumulateGrad(Tensor.of(dtype, g, g.length));
            opt.step();
            out.add(p.value().toArray());
        }
        return out;
    }

    static List<double[]> run(Function<List<Parameter>, Optimizer> make, double[] w0, double[]... grads) {
        return run(DType.FLOAT64, make, w0, grads);
    }

    /** The same gradient {@code times} times. */
    static double[][] repeat(double[] g, int times) {
        double[][] out = new double[times][];
        for (int i = 0; i < times; i++) {
            out[i] = g.clone();
        }
        return out;
    }

    static Parameter param(double... w) {
        return new Parameter("w", Tensor.vector(w));
    }
}
