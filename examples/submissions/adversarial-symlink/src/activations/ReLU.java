package activations;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/**
 * Adversarial: beside this correct ReLU, Reference.java is a symbolic link to the reference engine's
 * source outside the submission. The link is refused (not followed) and reported; ReLU is graded.
 */
public final class ReLU implements Layer {
    private Tensor positive;

    @Override
    public Tensor forward(Tensor input) {
        positive = input.gt(0);
        return input.mul(positive);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        return gradOutput.mul(positive);
    }
}
