package activations;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/** x for x > 0, else alpha·(e^x − 1), elementwise. */
public final class ELU implements Layer {
    private final double alpha;

    public ELU(double alpha) {
        this.alpha = alpha;
    }

    /** Returns x where x > 0 and alpha·(e^x − 1) elsewhere; keep what backward needs. */
    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("TODO: ELU.forward: x, or alpha·(e^x - 1) where x <= 0");
    }

    /** Returns dL/dinput; at exactly 0 use the x ≤ 0 branch (alpha·e^0), as PyTorch does. */
    @Override
    public Tensor backward(Tensor gradOutput) {
        throw new UnsupportedOperationException("TODO: ELU.backward: gradOutput times the derivative");
    }
}
