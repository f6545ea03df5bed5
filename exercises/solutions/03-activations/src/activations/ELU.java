package activations;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/** x for x > 0, else alpha·(e^x − 1). */
public final class ELU implements Layer {
    private final double alpha;
    private Tensor input;

    public ELU(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public Tensor forward(Tensor input) {
        this.input = input;
        // min(x, 0) keeps exp finite where the branch is not taken; expm1 is accurate near 0
        Tensor negative = input.minimum(0).map(Math::expm1).mul(alpha);
        return Tensor.where(input.gt(0), input, negative);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        if (input == null) {
            throw new IllegalStateException("ELU: backward called before forward");
        }
        Tensor slope = input.minimum(0).exp().mul(alpha); // d/dx alpha·(e^x − 1), used where x ≤ 0
        return Tensor.where(input.gt(0), gradOutput, gradOutput.mul(slope));
    }
}
