package activations;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/** tanh(x), elementwise. */
public final class Tanh implements Layer {

    /** Returns tanh(input), finite for every finite input; keep what backward needs. */
    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("TODO: Tanh.forward: tanh of every element");
    }

    /** Returns dL/dinput = gradOutput ⊙ tanh'(input). */
    @Override
    public Tensor backward(Tensor gradOutput) {
        throw new UnsupportedOperationException("TODO: Tanh.backward: gradOutput times the derivative");
    }
}
