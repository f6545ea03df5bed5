package org.gradlab.core;

import java.util.List;
import java.util.Map;

/** Updates parameters in place from their accumulated gradients. */
public interface Optimizer {
    List<Parameter> parameters();

    /** One update of every parameter from its current gradient. */
    void step();

    default void zeroGrad() {
        for (Parameter p : parameters()) {
            p.zeroGrad();
        }
    }

    double learningRate();

    /**
     * The state kept for one parameter under PyTorch's names ({@code momentum_buffer},
     * {@code square_avg}, {@code sum}, {@code exp_avg}, {@code exp_avg_sq}, and {@code step} as a
     * 0-d tensor), in the order an update computes them. Graders compare it step by step to name
     * the state that diverged first. Empty for a stateless optimizer.
     */
    default Map<String, Tensor> stateOf(Parameter p) {
        return Map.of();
    }

    /** Used by learning-rate schedules between steps. */
    void setLearningRate(double lr);
}
