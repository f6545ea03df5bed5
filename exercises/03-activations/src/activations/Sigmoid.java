package activations;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/** σ(x) = 1 / (1 + e^−x), elementwise. */
public final class Sigmoid implements Layer {

    /** Returns σ(input), finite for every finite input (even ±800); keep what backward needs. */
    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("TODO: Sigmoid.forward: 1 / (1 + e^-x) without overflow");
    }

    /** Returns dL/dinput = gradOutput ⊙ σ'(input). */
    @Override
    public Tensor backward(Tensor gradOutput) {
        throw new UnsupportedOperationException("TODO: Sigmoid.backward: gradOutput times the derivative");
    }
}
