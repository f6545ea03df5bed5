package activations;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/** x − log Σ e^x along {@code dim} (negative counts from the end). */
public final class LogSoftmax implements Layer {
    private final int dim;
    private Tensor output;

    public LogSoftmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        // log-sum-exp with the maximum factored out: no overflow, and no log(0) for tiny probabilities
        Tensor shifted = input.sub(input.max(dim, true));
        output = shifted.sub(shifted.exp().sum(dim, true).log());
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        if (output == null) {
            throw new IllegalStateException("LogSoftmax: backward called before forward");
        }
        return gradOutput.sub(output.exp().mul(gradOutput.sum(dim, true))); // g − softmax ⊙ Σ g
    }
}
