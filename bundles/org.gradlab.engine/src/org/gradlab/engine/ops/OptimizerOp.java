package org.gradlab.engine.ops;

import java.util.List;

import org.gradlab.core.Tensor;

/** Runs an optimizer on one parameter for as many steps as there are gradients; returns the parameter after each. */
@FunctionalInterface
public interface OptimizerOp {
    List<Tensor> run(Attrs attrs, Tensor param, List<Tensor> grads);
}
