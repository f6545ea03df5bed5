package activations;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/** max(x, 0), elementwise; the gradient at exactly 0 is 0, as in PyTorch. */
public final class ReLU implements Layer {
    private Tensor positive; // 1 where x > 0

    @Override
    public Tensor forward(Tensor input) {
        positive = input.gt(0);
        return input.mul(positive);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        if (positive == null) {
            throw new IllegalStateException("ReLU: backward called before forward");
        }
        return gradOutput.mul(positive);
    }
}
