package activations;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/** Adversarial: never returns. The grader stops it at the exercise's time limit (TIMED_OUT). */
public final class ReLU implements Layer {
    @Override
    public Tensor forward(Tensor input) {
        long spins = 0;
        while (input != null) {
            spins++;
        }
        return input;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        return gradOutput;
    }
}
