package regularization;

import java.util.List;

import org.gradlab.core.Parameter;

/** L2 regularization (weight decay as a loss term): penalty λ/2·Σw² over all parameters. */
public final class L2 {
    private L2() {
    }

    /** λ/2·Σw²: the 1/2 makes the gradient exactly λ·w. */
    public static double penalty(List<Parameter> params, double lambda) {
        double sum = 0;
        for (Parameter p : params) {
            sum += p.value().square().sumAll();
        }
        return lambda / 2 * sum;
    }

    /** Adds λ·w to each grad, on top of what backward accumulated there. */
    public static void addGradient(List<Parameter> params, double lambda) {
        for (Parameter p : params) {
            p.accumulateGrad(p.value().mul(lambda));
        }
    }
}
