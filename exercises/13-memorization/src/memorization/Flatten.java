package memorization;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/** Given (no need to change it): (N, C, H, W) → (N, C·H·W), and the gradient back to the input's shape. */
public final class Flatten implements Layer {
    private int[] inputShape;

    @Override
    public Tensor forward(Tensor input) {
        inputShape = input.shape();
        return input.reshape(input.size(0), -1);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        if (inputShape == null) {
            throw new IllegalStateException("Flatten: backward called before forward");
        }
        return gradOutput.reshape(inputShape);
    }
}
