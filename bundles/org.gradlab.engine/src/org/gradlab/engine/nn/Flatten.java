package org.gradlab.engine.nn;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/** (N, d1, d2, …) → (N, d1·d2·…), as {@code nn.Flatten()}; backward restores the input shape. */
public final class Flatten implements Layer {
    private int[] inputShape;

    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() < 2) {
            throw LayerChecks.badInput("Flatten", "at least 2 dimensions (N, ...)", input.shape());
        }
        inputShape = input.shape();
        return input.flatten(1);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        LayerChecks.forwardDone("Flatten", inputShape);
        int rest = 1;
        for (int d = 1; d < inputShape.length; d++) {
            rest *= inputShape[d];
        }
        LayerChecks.gradShape("Flatten", gradOutput, new int[] {inputShape[0], rest});
        return gradOutput.reshape(inputShape);
    }

    @Override
    public String toString() {
        return "Flatten()";
    }
}
