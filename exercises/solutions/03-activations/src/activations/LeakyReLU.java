package activations;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/** x for x > 0, else negativeSlope·x (the slope also applies at exactly 0, as in PyTorch). */
public final class LeakyReLU implements Layer {
    private final double negativeSlope;
    private Tensor positive; // 1 where x > 0

    public LeakyReLU(double negativeSlope) {
        this.negativeSlope = negativeSlope;
    }

    @Override
    public Tensor forward(Tensor input) {
        positive = input.gt(0);
        return Tensor.where(positive, input, input.mul(negativeSlope));
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        if (positive == null) {
            throw new IllegalStateException("LeakyReLU: backward called before forward");
        }
        return Tensor.where(positive, gradOutput, gradOutput.mul(negativeSlope));
    }
}
