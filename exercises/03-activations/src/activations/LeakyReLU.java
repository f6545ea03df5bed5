package activations;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/** x for x > 0, else negativeSlope·x, elementwise. */
public final class LeakyReLU implements Layer {
    private final double negativeSlope;

    public LeakyReLU(double negativeSlope) {
        this.negativeSlope = negativeSlope;
    }

    /** Returns x where x > 0 and negativeSlope·x elsewhere; keep what backward needs. */
    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("TODO: LeakyReLU.forward: x, or negativeSlope·x where x <= 0");
    }

    /** Returns dL/dinput; at exactly 0 the slope is negativeSlope, as in PyTorch. */
    @Override
    public Tensor backward(Tensor gradOutput) {
        throw new UnsupportedOperationException("TODO: LeakyReLU.backward: gradOutput times 1 or negativeSlope");
    }
}
