package activations;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/** Adversarial: asks for 10 GB. The heap limit turns it into an OutOfMemoryError: failed checks, nothing more. */
public final class ReLU implements Layer {
    @Override
    public Tensor forward(Tensor input) {
        double[] big = new double[1_342_177_280];   // 10 GiB of doubles
        big[big.length - 1] = 1;
        return input.maximum(0).mul(big[big.length - 1]);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        return gradOutput;
    }
}
