package activations;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/** e^x / Σ e^x along {@code dim} (negative counts from the end). */
public final class Softmax implements Layer {
    private final int dim;

    public Softmax(int dim) {
        this.dim = dim;
    }

    /** Returns the softmax along dim, finite even for logits of ±1000; keep what backward needs. */
    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("TODO: Softmax.forward: e^x / sum e^x along dim, without overflow");
    }

    /** Returns dL/dinput: the softmax Jacobian (along dim) applied to gradOutput. */
    @Override
    public Tensor backward(Tensor gradOutput) {
        throw new UnsupportedOperationException("TODO: Softmax.backward: Jacobian-vector product along dim");
    }
}
