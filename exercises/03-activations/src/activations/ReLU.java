package activations;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/** max(x, 0), elementwise. */
public final class ReLU implements Layer {

    /** Returns max(input, 0); keep what backward needs. */
    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("TODO: ReLU.forward: max(x, 0)");
    }

    /** Returns dL/dinput; take the derivative at exactly 0 to be 0, as PyTorch does. */
    @Override
    public Tensor backward(Tensor gradOutput) {
        throw new UnsupportedOperationException("TODO: ReLU.backward: pass the gradient where x > 0");
    }
}
