package activations;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/** Adversarial: unbounded recursion. The StackOverflowError fails the checks ("recursed too deeply"). */
public final class ReLU implements Layer {
    @Override
    public Tensor forward(Tensor input) {
        return input.mul(depth(0));
    }

    private static double depth(int n) {
        return depth(n + 1) + 1;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        return gradOutput.mul(depth(0));
    }
}
