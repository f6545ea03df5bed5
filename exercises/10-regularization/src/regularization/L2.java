package regularization;

import java.util.List;

import org.gradlab.core.Parameter;

/** L2 regularization (weight decay as a loss term): penalty λ/2·Σw² over all parameters. */
public final class L2 {
    private L2() {
    }

    /** λ/2 times the sum of the squares of every value of every parameter. */
    public static double penalty(List<Parameter> params, double lambda) {
        throw new UnsupportedOperationException("TODO: L2.penalty — λ/2·Σw² over all parameters");
    }

    /** Adds the penalty's gradient λ·w to each parameter's grad (accumulate, do not overwrite). */
    public static void addGradient(List<Parameter> params, double lambda) {
        throw new UnsupportedOperationException("TODO: L2.addGradient — add λ·w to each parameter's grad");
    }
}
