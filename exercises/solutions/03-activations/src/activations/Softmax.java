package activations;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/** e^x / Σ e^x along {@code dim} (negative counts from the end). */
public final class Softmax implements Layer {
    private final int dim;
    private Tensor output;

    public Softmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        // Shifting by the maximum changes nothing mathematically but keeps exp from overflowing.
        Tensor e = input.sub(input.max(dim, true)).exp();
        output = e.div(e.sum(dim, true));
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        if (output == null) {
            throw new IllegalStateException("Softmax: backward called before forward");
        }
        // Jacobian-vector product: y ⊙ (g − Σ g ⊙ y)
        return output.mul(gradOutput.sub(gradOutput.mul(output).sum(dim, true)));
    }
}
