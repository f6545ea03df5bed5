package activations;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

// KNOWN-WRONG VARIANT (sigmoid-backward-sign): the derivative written as σ(σ − 1), the wrong sign.
/** σ(x) = 1 / (1 + e^−x), elementwise. */
public final class Sigmoid implements Layer {
    private Tensor output;

    @Override
    public Tensor forward(Tensor input) {
        // e^−|x| never overflows: σ(x) = 1 / (1 + e^−|x|) for x ≥ 0, and e^−|x| / (1 + e^−|x|) below 0.
        Tensor e = input.abs().neg().exp();
        Tensor positive = e.add(1).reciprocal();
        output = Tensor.where(input.ge(0), positive, e.mul(positive));
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        if (output == null) {
            throw new IllegalStateException("Sigmoid: backward called before forward");
        }
        return gradOutput.mul(output).mul(output.sub(1));
    }
}
