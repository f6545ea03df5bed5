package org.gradlab.engine.nn;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/** Passes its input through unchanged (a placeholder, e.g. for an optional block). */
public final class Identity implements Layer {
    private int[] shape;

    @Override
    public Tensor forward(Tensor input) {
        shape = input.shape();
        return input;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        LayerChecks.forwardDone("Identity", shape);
        LayerChecks.gradShape("Identity", gradOutput, shape);
        return gradOutput;
    }

    @Override
    public String toString() {
        return "Identity()";
    }
}
