package org.gradlab.check;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.gradlab.core.DType;
import org.gradlab.core.Tensor;

/**
 * Gradients by central differences in float64: (f(x+h) − f(x−h)) / 2h, one coordinate at a time.
 * The function is always evaluated on FLOAT64 copies so rounding does not swamp the difference.
 */
public final class NumericGradient {
    /** Default step for float64: about the cube root of machine epsilon, balancing truncation and rounding. */
    public static final double DEFAULT_STEP = 1e-6;

    private NumericGradient() {
    }

    /** d f(x) / dx for a scalar-valued {@code f}. */
    public static Tensor ofScalar(ToDoubleFunction<Tensor> f, Tensor x, double step) {
        Tensor probe = x.to(DType.FLOAT64);
        Tensor grad = Tensor.zeros(DType.FLOAT64, x.shape());
        for (int i = 0; i < probe.numel(); i++) {
            double original = probe.getFlat(i);
            probe.setFlat(i, original + step);
            double plus = f.applyAsDouble(probe);
            probe.setFlat(i, original - step);
            double minus = f.applyAsDouble(probe);
            probe.setFlat(i, original);
            grad.setFlat(i, (plus - minus) / (2 * step));
        }
        return grad;
    }

    /**
     * The vector-Jacobian product gradOutputᵀ · ∂f/∂x, i.e. d/dx of sum(f(x) ⊙ gradOutput):
     * what a backward pass given {@code gradOutput} must return.
     */
    public static Tensor vjp(Function<Tensor, Tensor> f, Tensor x, Tensor gradOutput, double step) {
        Tensor g = gradOutput.to(DType.FLOAT64);
        return ofScalar(probe -> dot(f.apply(probe), g), x, step);
    }

    /**
     * Like {@link #vjp}, but also compares the one-sided slopes at every coordinate and throws
     * {@link KinkException} when they disagree by more than {@code kinkTolerance} (relative, with
     * an absolute floor of the same size): the probe straddles a kink and the central difference
     * would be meaningless there.
     */
    public static Tensor vjpDetectingKinks(Function<Tensor, Tensor> f, Tensor x, Tensor gradOutput, double step,
            double kinkTolerance) {
        Tensor g = gradOutput.to(DType.FLOAT64);
        Tensor probe = x.to(DType.FLOAT64);
        double centre = dot(f.apply(probe), g);
        Tensor grad = Tensor.zeros(DType.FLOAT64, x.shape());
        for (int i = 0; i < probe.numel(); i++) {
            double original = probe.getFlat(i);
            probe.setFlat(i, original + step);
            double plus = dot(f.apply(probe), g);
            probe.setFlat(i, original - step);
            double minus = dot(f.apply(probe), g);
            probe.setFlat(i, original);
            double right = (plus - centre) / step;
            double left = (centre - minus) / step;
            double scale = Math.max(1.0, Math.max(Math.abs(left), Math.abs(right)));
            if (Math.abs(right - left) > kinkTolerance * scale) {
                throw new KinkException(TensorComparison.unravel(i, x.shape()), left, right);
            }
            grad.setFlat(i, (plus - minus) / (2 * step));
        }
        return grad;
    }

    /**
     * uᵀ · ∂f/∂x · v for a random direction {@code v}: one pair of evaluations instead of one per
     * coordinate, for inputs too large for a full check.
     */
    public static double directional(Function<Tensor, Tensor> f, Tensor x, Tensor gradOutput, Tensor direction,
            double step) {
        Tensor g = gradOutput.to(DType.FLOAT64);
        Tensor base = x.to(DType.FLOAT64);
        double plus = dot(f.apply(base.add(direction.mul(step))), g);
        double minus = dot(f.apply(base.sub(direction.mul(step))), g);
        return (plus - minus) / (2 * step);
    }

    static double dot(Tensor a, Tensor b) {
        if (!a.sameShape(b)) {
            throw org.gradlab.core.ShapeMismatchException.of("numeric gradient",
                    "function output and grad_output differ in shape", a.shape(), b.shape());
        }
        double s = 0.0;
        for (int i = 0; i < a.numel(); i++) {
            s += a.getFlat(i) * b.getFlat(i);
        }
        return s;
    }
}
