package losses;

import org.gradlab.core.Loss;
import org.gradlab.core.Reduction;
import org.gradlab.core.Tensor;

/**
 * Multi-class hinge loss (p = 1) with explicit loops: Σ_{i≠y} max(0, margin − x_y + x_i) / C per
 * sample, folded over the N samples.
 */
public final class MultiMarginLoss implements Loss {
    private final double margin;
    private final Reduction reduction;
    private Tensor input;
    private Tensor target;

    public MultiMarginLoss(double margin, Reduction reduction) {
        this.margin = margin;
        this.reduction = reduction;
    }

    @Override
    public double forward(Tensor input, Tensor target) {
        this.input = input.copy();
        this.target = target.copy();
        int n = input.size(0);
        int c = input.size(1);
        double total = 0.0;
        for (int s = 0; s < n; s++) {
            int y = (int) target.get(s);
            for (int i = 0; i < c; i++) {
                double z = margin - input.get(s, y) + input.get(s, i);
                if (i != y && z > 0) {
                    total += z / c;
                }
            }
        }
        return reduction == Reduction.MEAN ? total / n : total;
    }

    @Override
    public Tensor backward() {
        if (input == null) {
            throw new IllegalStateException("MultiMarginLoss: backward called before forward");
        }
        int n = input.size(0);
        int c = input.size(1);
        double scale = (reduction == Reduction.MEAN ? 1.0 / n : 1.0) / c;
        Tensor grad = Tensor.zeros(n, c);
        for (int s = 0; s < n; s++) {
            int y = (int) target.get(s);
            for (int i = 0; i < c; i++) {
                if (i != y && margin - input.get(s, y) + input.get(s, i) > 0) {
                    grad.set(grad.get(s, i) + scale, s, i);
                    grad.set(grad.get(s, y) - scale, s, y);
                }
            }
        }
        return grad;
    }
}
