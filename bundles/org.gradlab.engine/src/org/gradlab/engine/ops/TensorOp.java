package org.gradlab.engine.ops;

import org.gradlab.core.Tensor;

/** Runs one forward/backward case of an op: inputs and grad_output in, output and gradients out. */
@FunctionalInterface
public interface TensorOp {
    OpResult run(Attrs attrs, Inputs inputs, Tensor gradOutput);
}
