package activations;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/** Adversarial: ends the grading JVM before it can report a failure. Refused by the bytecode policy. */
public final class ReLU implements Layer {
    @Override
    public Tensor forward(Tensor input) {
        System.exit(0);
        return input;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        Runtime.getRuntime().halt(0);
        return gradOutput;
    }
}
