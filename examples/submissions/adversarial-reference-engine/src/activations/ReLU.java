package activations;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/**
 * Adversarial: delegates to the reference engine. Submissions compile against the student API only,
 * so this does not compile (COMPILE_ERROR naming org.gradlab.engine); the bytecode policy would refuse
 * it too, and the grading JVM's student class loader cannot see the engine either.
 */
public final class ReLU implements Layer {
    private final org.gradlab.engine.nn.ReLU reference = new org.gradlab.engine.nn.ReLU();

    @Override
    public Tensor forward(Tensor input) {
        return reference.forward(input);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        return reference.backward(gradOutput);
    }
}
