package org.gradlab.engine.ops;

import java.util.Map;

import org.gradlab.core.Tensor;

/**
 * What the engine computed for one op case: the forward output, the gradient for each named
 * input, and any state the op updates (batch norm's running statistics).
 */
public record OpResult(Tensor output, Map<String, Tensor> grads, Map<String, Tensor> state) {
    public OpResult(Tensor output, Map<String, Tensor> grads) {
        this(output, grads, Map.of());
    }
}
