package org.gradlab.core;

/** A loss: a scalar from predictions and targets, and its gradient with respect to the predictions. */
public interface Loss {
    /** Computes the loss and caches what {@link #backward()} needs. */
    double forward(Tensor input, Tensor target);

    /** dL/dinput for the last {@link #forward}. */
    Tensor backward();
}
