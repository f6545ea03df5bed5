package org.gradlab.core;

import java.util.List;

/**
 * A differentiable layer. {@code forward} may cache what {@code backward} needs;
 * {@code backward} returns dL/dinput and adds parameter gradients into {@link Parameter#grad()}.
 */
public interface Layer {
    Tensor forward(Tensor input);

    Tensor backward(Tensor gradOutput);

    /** Trainable parameters; empty for parameter-free layers. */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** Switches between training and evaluation behaviour (dropout, batch norm). */
    default void setTraining(boolean training) {
    }
}
