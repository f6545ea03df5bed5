package activations;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/**
 * Adversarial (or just buggy): the mask lives in a static field and is computed once, so it leaks
 * from the first case into every later one. Only the first case passes; each exercise loads the
 * student classes afresh, so the leak never crosses exercises or gradings.
 */
public final class ReLU implements Layer {
    private static Tensor positive;

    @Override
    public Tensor forward(Tensor input) {
        if (positive == null) {
            positive = input.gt(0);
        }
        return input.mul(positive);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        return gradOutput.mul(positive);
    }
}
