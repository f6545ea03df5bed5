package activations;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/** x − log Σ e^x along {@code dim} (negative counts from the end). */
public final class LogSoftmax implements Layer {
    private final int dim;

    public LogSoftmax(int dim) {
        this.dim = dim;
    }

    /** Returns the log-softmax along dim, finite even for logits of ±1000; keep what backward needs. */
    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("TODO: LogSoftmax.forward: x - log sum e^x along dim, stably");
    }

    /** Returns dL/dinput: the log-softmax Jacobian (along dim) applied to gradOutput. */
    @Override
    public Tensor backward(Tensor gradOutput) {
        throw new UnsupportedOperationException("TODO: LogSoftmax.backward: Jacobian-vector product along dim");
    }
}
