package activations;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/** tanh(x), elementwise. */
public final class Tanh implements Layer {
    private Tensor output;

    @Override
    public Tensor forward(Tensor input) {
        output = input.map(Math::tanh);
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        if (output == null) {
            throw new IllegalStateException("Tanh: backward called before forward");
        }
        return gradOutput.mul(output.square().rsub(1)); // tanh' = 1 − tanh²
    }
}
