package losses;

import org.gradlab.core.Tensor;

/**
 * Linear and logistic regression trained by full-batch gradient descent with your own losses:
 * the model is x·w + b, the loss's backward gives dL/dprediction, and the chain rule through the
 * matrix product gives dL/dw and dL/db.
 */
public final class Regression {
    private Regression() {
    }

    /**
     * Least squares: starting from all-zero weights, runs {@code steps} gradient-descent steps of
     * size {@code lr} on {@code MSELoss(MEAN)} of the predictions x·w + b against {@code y}.
     *
     * @param x inputs (N, D)
     * @param y targets (N)
     * @return the D + 1 fitted parameters: w_1 … w_D, then the bias b
     */
    public static Tensor fitLinear(Tensor x, Tensor y, int steps, double lr) {
        throw new UnsupportedOperationException("TODO: Regression.fitLinear: gradient descent on your MSELoss");
    }

    /**
     * Logistic regression: starting from all-zero weights, runs {@code steps} gradient-descent
     * steps of size {@code lr} on {@code BCEWithLogitsLoss(MEAN)} of the logits x·w + b against the
     * labels {@code y} (0 or 1).
     *
     * @param x inputs (N, D)
     * @param y labels (N), 0 or 1
     * @return the D + 1 fitted parameters: w_1 … w_D, then the bias b
     */
    public static Tensor fitLogistic(Tensor x, Tensor y, int steps, double lr) {
        throw new UnsupportedOperationException("TODO: Regression.fitLogistic: descent on your BCEWithLogitsLoss");
    }
}
