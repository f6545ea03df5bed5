package org.gradlab.engine.loss;

import java.util.Arrays;

import org.gradlab.core.Loss;
import org.gradlab.core.Reduction;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;
import org.gradlab.core.spi.TensorData;

/**
 * The part every loss shares: validate, cache the operands, fold the per-term losses with the
 * {@link Reduction} (MEAN divides the sum and the gradient by the number of terms) and refuse a
 * backward without a forward. Subclasses supply whole-array kernels for the sum and its gradient.
 */
abstract class ReducedLoss implements Loss {
    private final String name;
    private final Reduction reduction;
    private Tensor input;
    private double[] x;
    private double[] t;
    private int terms;

    ReducedLoss(String name, Reduction reduction) {
        if (reduction == null) {
            throw new IllegalArgumentException(name + ": reduction must be MEAN or SUM, got null");
        }
        this.name = name;
        this.reduction = reduction;
    }

    public final Reduction reduction() {
        return reduction;
    }

    final String name() {
        return name;
    }

    /**
     * Checks the operands and returns the number of terms MEAN averages over. The default is for
     * elementwise losses: shapes must match and every element is a term.
     */
    int validate(Tensor input, Tensor target) {
        if (!Arrays.equals(input.shape(), target.shape())) {
            throw ShapeMismatchException.of(name, "input and target must have the same shape", input.shape(),
                    target.shape());
        }
        return input.numel();
    }

    /** Σ of the per-term losses. */
    abstract double sum(double[] x, double[] t, int[] shape);

    /** d(Σ per-term losses)/dx into {@code g} (zero-filled). */
    abstract void gradient(double[] x, double[] t, int[] shape, double[] g);

    @Override
    public final double forward(Tensor input, Tensor target) {
        int n = validate(input, target);
        double[] xs = TensorData.read(input);
        double[] ts = TensorData.read(target);
        double total = sum(xs, ts, input.shape());
        this.input = input;
        this.x = xs;
        this.t = ts;
        this.terms = n;
        return reduction == Reduction.MEAN ? total / n : total; // mean of nothing is NaN, as in PyTorch
    }

    @Override
    public final Tensor backward() {
        if (input == null) {
            throw new IllegalStateException(name + ": backward called before forward");
        }
        double[] g = new double[x.length];
        gradient(x, t, input.shape(), g);
        if (reduction == Reduction.MEAN) {
            double inv = 1.0 / terms;
            for (int i = 0; i < g.length; i++) {
                g[i] *= inv;
            }
        }
        return TensorData.wrap(input.dtype(), input.shape(), g);
    }

    @Override
    public String toString() {
        return name + "(reduction=" + reduction.name().toLowerCase() + ")";
    }
}
