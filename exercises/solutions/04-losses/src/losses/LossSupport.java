package losses;

import org.gradlab.core.Reduction;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;

/**
 * Given (no need to change it): the plumbing every loss here shares — shape checks, the
 * reduction, and one-hot targets for the classification losses.
 */
final class LossSupport {
    private LossSupport() {
    }

    /** The loss from the sum of its terms: MEAN divides by {@code terms}, SUM keeps the sum. */
    static double reduce(Reduction reduction, double sum, int terms) {
        return reduction == Reduction.MEAN ? sum / terms : sum;
    }

    /** The gradient of the summed terms, scaled like the loss: divided by {@code terms} for MEAN. */
    static Tensor reduceGradient(Reduction reduction, Tensor gradOfSum, int terms) {
        return reduction == Reduction.MEAN ? gradOfSum.div(terms) : gradOfSum;
    }

    static void requireSameShape(String loss, Tensor input, Tensor target) {
        if (!input.sameShape(target)) {
            throw ShapeMismatchException.of(loss, "input and target must have the same shape", input.shape(),
                    target.shape());
        }
    }

    static void requireForward(String loss, Object cache) {
        if (cache == null) {
            throw new IllegalStateException(loss + ": backward called before forward");
        }
    }

    /** Class-index targets (N), stored as doubles, as an (N, C) one-hot matrix for logits (N, C). */
    static Tensor oneHot(String loss, Tensor logits, Tensor target) {
        if (logits.dim() != 2 || target.dim() != 1 || target.size(0) != logits.size(0)) {
            throw ShapeMismatchException.of(loss, "expected logits (N, C) and targets (N)", logits.shape(),
                    target.shape());
        }
        int n = logits.size(0);
        int c = logits.size(1);
        Tensor oneHot = Tensor.zeros(logits.dtype(), n, c);
        for (int i = 0; i < n; i++) {
            double y = target.get(i);
            if (y != Math.rint(y) || y < 0 || y >= c) {
                throw new IllegalArgumentException(loss + ": target " + y + " at index " + i
                        + " is not a class index for C = " + c);
            }
            oneHot.set(1.0, i, (int) y);
        }
        return oneHot;
    }
}
