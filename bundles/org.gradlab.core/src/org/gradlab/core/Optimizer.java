package org.gradlab.core;

import java.util.List;

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

    /** Used by learning-rate schedules between steps. */
    void setLearningRate(double lr);
}
