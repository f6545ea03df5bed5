package org.gradlab.grader.specs;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;
import org.gradlab.grader.spec.ModuleOracle;

/**
 * A one-input, one-output {@link Layer} as a {@link ModuleOracle.Module}, so layer exercises get
 * ModuleOracle's per-output diagnosis and its EDGE_CASES part override.
 */
final class LayerModule {
    private LayerModule() {
    }

    static ModuleOracle.Module of(Layer layer) {
        return ModuleOracle.of(in -> new Tensor[] {layer.forward(in[0])},
                grad -> new Tensor[] {layer.backward(grad[0])}, layer::parameters);
    }
}
