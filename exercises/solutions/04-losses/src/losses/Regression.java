package losses;

import java.util.List;

import org.gradlab.core.Loss;
import org.gradlab.core.Reduction;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;

/**
 * Linear and logistic regression trained by full-batch gradient descent with your own losses:
 * the model is x·w + b, the loss's backward gives dL/dprediction, and the chain rule through the
 * matrix product gives dL/dw and dL/db.
 */
public final class Regression {
    private Regression() {
    }

    /** Least squares by gradient descent on MSELoss(MEAN); returns w_1 … w_D, then the bias. */
    public static Tensor fitLinear(Tensor x, Tensor y, int steps, double lr) {
        return fit(new MSELoss(Reduction.MEAN), x, y, steps, lr);
    }

    /** Logistic regression by gradient descent on BCEWithLogitsLoss(MEAN); returns w_1 … w_D, then the bias. */
    public static Tensor fitLogistic(Tensor x, Tensor y, int steps, double lr) {
        return fit(new BCEWithLogitsLoss(Reduction.MEAN), x, y, steps, lr);
    }

    /** Both models are x·w + b under a different loss, so one loop trains either. */
    private static Tensor fit(Loss loss, Tensor x, Tensor y, int steps, double lr) {
        if (x.dim() != 2 || y.dim() != 1 || y.size(0) != x.size(0)) {
            throw ShapeMismatchException.of("Regression", "expected inputs (N, D) and targets (N)", x.shape(),
                    y.shape());
        }
        int n = x.size(0);
        int d = x.size(1);
        // the bias as the weight of a constant-1 column: one matrix product gives dL/dw and dL/db
        Tensor design = Tensor.cat(List.of(x, Tensor.ones(x.dtype(), n, 1)), 1);
        Tensor designT = design.transpose(0, 1);
        Tensor target = y.reshape(n, 1);
        Tensor w = Tensor.zeros(x.dtype(), d + 1, 1);
        for (int step = 0; step < steps; step++) {
            loss.forward(design.matmul(w), target);
            w = w.sub(designT.matmul(loss.backward()).mul(lr));
        }
        return w.reshape(d + 1);
    }
}
